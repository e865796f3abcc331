// The bundle's names are minified (scripts/bundle.mjs); its source map, dist/nuance.cjs.map, reads a
// stack trace of it back to the source files, exactly, also on the lines where the build wrote the
// characters esbuild left outside ASCII as escapes (scripts/ascii-code.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { beforeAll, describe, expect, it } from 'vitest';
import { asciiCode } from '../scripts/ascii-code.mjs';
import { errorText } from '../src/error-text.js';
import { readableStack } from '../src/readable-stack.js';
import { buildCli, FIXTURES, withTempDir } from './helpers.js';

const DIST = path.join(FIXTURES, '..', '..', 'dist');
const BUNDLE = path.join(DIST, 'nuance.cjs');
const PACKAGES = path.join(DIST, '..', '..');

beforeAll(buildCli, 120_000);

/**
 * Every workspace source file, by its name as the map gives it (`core/src/engine/lint.ts`), but the
 * HTML report's client, which is in the bundle as the text of a string (client-script.ts).
 */
function sources(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!['node_modules', 'dist', 'test', 'fixtures', 'client'].includes(e.name)) walk(file);
      } else if (file.endsWith('.ts')) {
        out.set(path.relative(PACKAGES, file).split(path.sep).join('/'), readFileSync(file, 'utf8'));
      }
    }
  };
  walk(PACKAGES);
  return out;
}

/** The place a stack trace gives for `index` in the bundle's code: line and column from 1. */
function placeOf(code: string, index: number): string {
  const before = code.slice(0, index);
  return `${BUNDLE}:${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
}

describe("the bundle's source map", () => {
  it('reads the place of every string found once in the bundle and once in the sources back to it', () => {
    const code = readFileSync(BUNDLE, 'latin1');
    const all = sources();
    const lines = code.split('\n');
    // The lines where the build escaped a character in a pattern (the columns after it moved).
    const escaped = new Set(
      lines.flatMap((l, i) => (/\/[^/\n]*\\u(?:2019|3002|767e)/.test(l) ? [i + 1] : [])),
    );
    expect(escaped.size).toBeGreaterThan(0);
    let mapped = 0;
    let afterEscape = 0;
    for (const [name, text] of all) {
      for (const m of text.matchAll(/'([A-Za-z][A-Za-z0-9 ,:()`-]{10,60})'/g)) {
        const literal = `"${m[1]}"`;
        const at = code.indexOf(literal);
        if (at === -1 || code.indexOf(literal, at + 1) !== -1) continue;
        if ([...all.values()].filter((t) => t.includes(`'${m[1]}'`)).length !== 1) continue;
        const place = placeOf(code, at);
        const read = readableStack(`    at x (${place})`, BUNDLE);
        const original = /\[(.+):(\d+):(\d+)\]\)$/.exec(read);
        expect(original?.[1], `${m[1]} at ${place}`).toBe(name);
        expect(text.split('\n')[Number(original?.[2]) - 1]).toContain(m[1]);
        mapped++;
        if (escaped.has(Number(place.split(':').at(-2)))) afterEscape++;
      }
    }
    expect(mapped).toBeGreaterThan(50);
    expect(afterEscape).toBeGreaterThan(10);
  });

  it('leaves a stack without a place in the bundle, or a bundle without a map, as it is', async () => {
    const stack = 'TypeError: x\n    at f (/somewhere/else.js:1:2)';
    expect(readableStack(stack, BUNDLE)).toBe(stack);
    await withTempDir(async (dir) => {
      const bundle = path.join(dir, 'nuance.cjs');
      await writeFile(bundle, '');
      const own = `TypeError: x\n    at f (${bundle}:1:2)`;
      expect(readableStack(own, bundle)).toBe(own);
    });
  });

  it('gives the stack of an error as it is when the CLI does not run as the bundle', () => {
    const error = new TypeError('Cannot read properties of undefined');
    expect(errorText(error)).toBe(error.stack);
    expect(errorText('thrown')).toBe('thrown');
    const bare = new Error('no stack');
    bare.stack = '';
    expect(errorText(bare)).toBe('no stack');
  });
});

describe('asciiCode', () => {
  it('escapes what esbuild left outside ASCII and moves the columns after it', () => {
    // Line 1: `a=/[’。]/;b="x"` (the pattern's characters are escaped: 5 more units each); line 2
    // untouched. Segments: [column, source, line, column].
    const code = 'a=/[’。]/;b="x"\nc=/\\’/';
    const map = {
      version: 3,
      sources: ['s.ts'],
      names: [],
      mappings: encode([
        [
          [0, 0, 0, 0],
          [9, 0, 1, 0],
          [11, 0, 1, 4],
        ],
        [
          [0, 0, 2, 0],
          [2, 0, 2, 2],
        ],
      ]),
    };
    const out = asciiCode(code, map);
    expect(out.code).toBe('a=/[\\u2019\\u3002]/;b="x"\nc=/\\u2019/');
    // Line 1: 9 -> 19 and 11 -> 21 (two escapes, 5 units more each); line 2: nothing after `\’`.
    expect(decode(out.map.mappings)).toEqual([
      [
        [0, 0, 0, 0],
        [19, 0, 1, 0],
        [21, 0, 1, 4],
      ],
      [
        [0, 0, 2, 0],
        [2, 0, 2, 2],
      ],
    ]);
  });
});

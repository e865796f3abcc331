import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatJson, jsonChunks, toJsonResults } from '../src/reporters/json.js';
import type { FileResult } from '../src/results.js';
import { FIXTURES, run, withTempDir } from './helpers.js';

const SCHEMA = path.join(FIXTURES, '..', '..', 'schema', 'results.schema.json');

async function validator() {
  const schema = JSON.parse(await readFile(SCHEMA, 'utf8'));
  // ajv's CommonJS default export arrives as the module namespace under some loaders.
  const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
  return new Ajv({ strict: true, allErrors: true }).compile(schema);
}

describe('--format json', () => {
  it('validates against the committed schema, with unreadable files and empty results', async () => {
    const validate = await validator();
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'binary.md'), Buffer.from([1, 0, 2]));
      await writeFile(path.join(dir, 'empty.md'), '');
      await writeFile(path.join(dir, 'zh.md'), '韩国奉行实用外交。\n\n战略合作伙伴关系\n');
      await writeFile(
        path.join(dir, 'en.md'),
        'A strategic partner. We pursue utilitarian diplomacy; leaders demand it.\n',
      );
      const config = path.join(FIXTURES, 'basic', 'nuance.yaml');
      for (const args of [['--config', config], []]) {
        const result = await run(['--format', 'json', ...args], dir);
        const output = JSON.parse(result.stdout);
        const valid = validate(output);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        expect(output.map((r: { path: string }) => r.path)).toEqual([
          'binary.md',
          'empty.md',
          'en.md',
          'zh.md',
        ]);
      }
    });
  });

  it('counts errors and warnings per file and omits absent optional fields', async () => {
    const result = await run(
      ['a.md', '--config', 'nuance.yaml', '--format', 'json'],
      path.join(FIXTURES, 'basic'),
    );
    const [file] = JSON.parse(result.stdout);
    expect(file).toMatchObject({ path: 'a.md', errorCount: 1, warningCount: 1 });
    const [term, caution] = file.messages;
    expect(term).toMatchObject({
      ruleId: 'team/utilitarian',
      severity: 'error',
      start: 19,
      end: 40,
      line: 3,
      column: 11,
      endLine: 3,
      endColumn: 32,
      actual: 'utilitarian diplomacy',
      expected: ['pragmatic diplomacy'],
    });
    // The team pack has no notes, urls or audiences: those keys are absent, not null.
    for (const key of ['note', 'url', 'audiences']) {
      expect(Object.hasOwn(term, key)).toBe(false);
      expect(Object.hasOwn(caution, key)).toBe(false);
    }
    expect(Object.hasOwn(caution, 'fix')).toBe(false);
  });

  it('leaves out a field set to undefined, and prints the finding as it is otherwise', () => {
    const finding = {
      ruleId: 'team/x',
      severity: 'warning' as const,
      message: 'Use `b`',
      start: 0,
      end: 1,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      actual: 'a',
      expected: ['b'],
      note: undefined,
      url: undefined,
    };
    const text = formatJson([{ path: 'a.md', messages: [finding, { ...finding, severity: 'error' }] }]);
    expect(text.endsWith(']\n')).toBe(true);
    const [file] = JSON.parse(text);
    expect(file).toMatchObject({ path: 'a.md', errorCount: 1, warningCount: 1 });
    expect(Object.keys(file.messages[0])).toEqual([
      'ruleId',
      'severity',
      'message',
      'start',
      'end',
      'line',
      'column',
      'endLine',
      'endColumn',
      'actual',
      'expected',
    ]);
    expect(text).not.toContain('note');
  });

  it('rejects output that breaks the contract', async () => {
    const validate = await validator();
    expect(validate([{ path: 'a.md', messages: [], errorCount: 0 }])).toBe(false);
    expect(validate([{ path: 'a\\b.md', messages: [], errorCount: 0, warningCount: 0 }])).toBe(false);
    expect(
      validate([
        {
          path: 'a.md',
          messages: [{ ruleId: 'x/y', severity: 'fatal', message: '', start: 0, end: 0, line: 1, column: 1 }],
          errorCount: 0,
          warningCount: 0,
        },
      ]),
    ).toBe(false);
  });
});

describe('the json report in chunks', () => {
  /** `count` files, each with `per` findings whose text mixes Han, Hangul and ASCII. */
  function results(count: number, per: number): FileResult[] {
    return Array.from({ length: count }, (_, i) => ({
      path: `d${i}.md`,
      messages: Array.from({ length: per }, (_, k) => ({
        ruleId: `r/${k}`,
        severity: k % 3 === 0 ? ('error' as const) : ('warning' as const),
        message: `Use \`务实外交\` instead of \`实用外交\` (${i}:${k}) 실용외교 "quoted"\n`,
        start: k,
        end: k + 4,
        line: 1,
        column: k + 1,
        endLine: 1,
        endColumn: k + 5,
        actual: '实用外交',
        expected: ['务实外交'],
        note: undefined,
      })),
    }));
  }

  it('joins into the JSON of the whole array, in chunks of whole files of about 32 K units', () => {
    for (const [count, per] of [
      [0, 0],
      [1, 0],
      [1, 3],
      [40, 2],
      [700, 4],
      [3, 900],
    ] as const) {
      const all = results(count, per);
      const chunks = jsonChunks(all);
      const whole = `${JSON.stringify(toJsonResults(all))}\n`;
      expect(chunks.join('')).toBe(whole);
      expect(formatJson(all)).toBe(whole);
      // Every chunk but the last ends where a file's JSON ends, once past 32 K units, and not before.
      const longest = Math.max(0, ...all.map((r) => JSON.stringify(toJsonResults([r])).length));
      for (const chunk of chunks.slice(0, -1)) {
        expect(chunk.length).toBeGreaterThanOrEqual(0x8000);
        expect(chunk.length).toBeLessThan(0x8000 + longest + 1);
        expect(chunk.endsWith('}')).toBe(true);
      }
      if (count === 700) expect(chunks.length).toBeGreaterThan(10);
      if (count === 0) expect(chunks).toEqual(['[]\n']);
    }
  });
});

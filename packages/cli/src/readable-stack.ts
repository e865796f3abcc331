/// <reference types="node" />
// A stack trace of the bundle (dist/nuance.cjs, whose names are minified: scripts/bundle.mjs) read
// back through the bundle's source map, so that an internal error names the source files and lines
// a maintainer reads. Loaded only when an internal error is reported (a lazy module of the bundle).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';

interface SourceMap {
  sources: string[];
  mappings: string;
}

interface Loaded {
  sources: string[];
  lines: SourceMapSegment[][];
}

const maps = new Map<string, Loaded | null>();

/**
 * `stack` with each place in `bundle` (`/path/dist/nuance.cjs:12:345`) followed by the place in the
 * sources it was built from: `/path/dist/nuance.cjs:12:345 [core/src/engine/prefilter.ts:104:12]`.
 * The stack as it is when the bundle has no source map beside it (`<bundle>.map`) or the stack
 * holds no place in it.
 */
export function readableStack(stack: string, bundle: string): string {
  if (!stack.includes(bundle)) return stack;
  const map = loadMap(bundle);
  if (!map) return stack;
  const place = new RegExp(`${escapeRegExp(bundle)}:(\\d+):(\\d+)`, 'g');
  return stack.replace(place, (whole, line: string, column: string) => {
    const original = originalPlace(map, Number(line), Number(column));
    return original ? `${whole} [${original}]` : whole;
  });
}

function loadMap(bundle: string): Loaded | null {
  let loaded = maps.get(bundle);
  if (loaded === undefined) {
    try {
      const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMap;
      loaded = { sources: map.sources.map(sourceName), lines: decode(map.mappings) };
    } catch {
      loaded = null;
    }
    maps.set(bundle, loaded);
  }
  return loaded;
}

/** `line` and `column` count from 1, as in a stack trace; the place of the last mapping at or before it. */
function originalPlace(map: Loaded, line: number, column: number): string | undefined {
  const segments = map.lines[line - 1];
  if (!segments) return undefined;
  let found: Exclude<SourceMapSegment, [number]> | undefined;
  for (const segment of segments) {
    if (segment[0] > column - 1) break;
    if (segment.length !== 1) found = segment;
  }
  if (!found) return undefined;
  const [, source, sourceLine, sourceColumn] = found;
  return `${map.sources[source] ?? '?'}:${sourceLine + 1}:${sourceColumn + 1}`;
}

/**
 * A source as a maintainer names it, wherever the bundle is installed: a workspace package's file
 * from the packages folder (`core/src/engine/prefilter.ts`), a dependency's from its package
 * (`zod/v4/core/schemas.js`). The map's sources are relative to the bundle's folder,
 * `packages/cli/dist` when it was built.
 */
function sourceName(source: string): string {
  const file = path.posix.join('packages/cli/dist', source);
  const dependency = file.lastIndexOf('node_modules/');
  if (dependency !== -1) return file.slice(dependency + 'node_modules/'.length);
  return file.startsWith('packages/') ? file.slice('packages/'.length) : file;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

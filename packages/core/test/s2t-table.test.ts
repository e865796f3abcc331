import { readFileSync, writeFileSync } from 'node:fs';
import type { DictLike } from 'opencc-js/core';
import { from } from 'opencc-js/preset/cn2t';
import { expect, test } from 'vitest';
import { toTraditional } from '../src/i18n/traditional.js';

// ---- The S2T table: derived from opencc-js here, committed as src/i18n/s2t-table.ts -----------

const TABLE_FILE = new URL('../src/i18n/s2t-table.ts', import.meta.url);

/** OpenCC's STCharacters, single code points, first candidate, where it differs. */
function deriveS2TPairs(): string {
  let out = '';
  for (const group of from.cn ?? []) {
    for (const dict of group as DictLike[]) {
      const entries: Iterable<readonly string[]> =
        typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict;
      for (const [source, target] of entries) {
        if (source === undefined || target === undefined || [...source].length !== 1) continue;
        const first = [...target][0];
        if (first !== undefined && first !== source) out += source + first;
      }
    }
  }
  return out;
}

function renderTable(pairs: string): string {
  const lines: string[] = [];
  const chars = [...pairs];
  for (let i = 0; i < chars.length; i += 120) lines.push(`  '${chars.slice(i, i + 120).join('')}',`);
  return [
    '// Generated from opencc-js 1.4.2 by packages/core/test/s2t-table.test.ts; do not edit. Regenerate with',
    '// NUANCE_WRITE_S2T_TABLE=1 npx vitest run packages/core/test/s2t-table.test.ts',
    '',
    '/** Simplified -> Traditional (first candidate): each source code point followed by its target. */',
    'export const S2T_PAIRS = [',
    ...lines,
    "].join('');",
    '',
  ].join('\n');
}

test('the committed S2T table is the derivation from opencc-js', () => {
  const rendered = renderTable(deriveS2TPairs());
  if (process.env.NUANCE_WRITE_S2T_TABLE === '1') writeFileSync(TABLE_FILE, rendered);
  expect(readFileSync(TABLE_FILE, 'utf8')).toBe(rendered);
});

test('toTraditional writes Simplified wording in Traditional characters', () => {
  expect(toTraditional('韩国的核心利益')).toBe('韓國的核心利益');
  expect(toTraditional('双方核心利益')).toBe('雙方核心利益');
  expect(toTraditional('务实外交路线')).toBe('務實外交路線');
  expect(toTraditional('Korea 한국')).toBe('Korea 한국');
});

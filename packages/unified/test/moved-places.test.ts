// An editor's findings after an edit are the last lint's, moved with the text (core's
// finding-mover.ts): on the lines after the one the edit ends on, their lines move by one number
// and their columns stay, without the line index being searched for each; on the edit's own line
// (a table's next cell) they are read from the index. Whatever line break the edit types, deletes
// or joins (a \r typed before a \n makes one \r\n, not a line more), the places must be those of a
// lint without a cache.
import { compilePacks, createLineIndex, createScanCache, type LineIndex, parsePack } from '@nuance/core';
import { describe, expect, test } from 'vitest';
import { lintDocument, MarkdownDocument } from '../src/index.js';

const PACK = `pack: k
contexts:
  korea: {phrases: {zh: [韩国]}}
rules:
  - id: k/wushi
    kind: term
    severity: error
    message: m
    terms:
      zh: [务实外交, {text: 实用外交, status: deprecated, use: 务实外交}]
  - id: k/scoped
    kind: term
    severity: warning
    message: m
    context: {sets: [korea], within: paragraph}
    terms:
      zh: [相互尊重, {text: 尊重彼此, status: deprecated}]
`;
const parsed = parsePack(PACK, 'k.yaml');
if (!parsed.pack) throw new Error('test pack does not parse');
const { ruleSet } = compilePacks([parsed.pack]);

/** A line index that counts the searches asked of it. */
function counted(text: string): { lines: LineIndex; searches: () => number } {
  const index = createLineIndex(text);
  let searches = 0;
  return {
    lines: {
      get lineCount() {
        return index.lineCount;
      },
      position(offset: number) {
        searches++;
        return index.position(offset);
      },
      lineStart: (line: number) => index.lineStart(line),
    },
    searches: () => searches,
  };
}

function draft(eol: string): string {
  const paragraph = (i: number) => `第${i}段：韩国奉行实用外交，${eol}中方与韩方尊重彼此。`;
  const table = `| 国家 | 路线 |${eol}|---|---|${eol}| 实用外交 | 实用外交 |`;
  const body = Array.from({ length: 12 }, (_, i) => (i === 6 ? table : paragraph(i))).join(eol + eol);
  return `# 声明${eol}${eol}${body}${eol}`;
}

/** Edits at `at`: [text removed, text typed]. */
const EDITS: Array<[number, string]> = [
  [0, 'x'],
  [0, '\n'],
  [1, ''],
  [0, '\r\n'],
  [2, ''],
  [0, '\r'],
  [1, ''],
];

describe('findings moved past an edit', () => {
  for (const [name, eol] of [
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
  ] as const) {
    test(`keep the places of a lint without a cache (lines ending ${name})`, () => {
      let text = draft(eol);
      const document = new MarkdownDocument();
      const cache = createScanCache();
      document.update(text);
      document.lint(ruleSet, { cache });
      // In the third paragraph, before its line break; then in the table's first cell, whose
      // row's second cell moves along its line; then right before a line break, where a \r
      // typed joins it.
      const places = [
        text.indexOf('第2段') + 3,
        text.indexOf('| 实用外交 |') + 2,
        text.indexOf(`，${eol}中方`) + 1,
      ];
      let moved = 0;
      for (const place of places) {
        for (const [cut, typed] of EDITS) {
          text = text.slice(0, place) + typed + text.slice(place + cut);
          document.update(text);
          const { lines, searches } = counted(text);
          const kept = document.lint(ruleSet, { cache, lines });
          const fresh = lintDocument({ text, path: 'd.md', ruleSet }).findings;
          expect({ text, kept: JSON.stringify(kept) }).toEqual({ text, kept: JSON.stringify(fresh) });
          const after = kept.filter((f) => f.start > place + typed.length).length;
          // Two searches a finding would be read from the index; moved by lines, a few in all.
          if (after > 10 && searches() < after) moved++;
        }
      }
      expect(moved).toBeGreaterThan(10);
    });
  }
});

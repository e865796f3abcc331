// An editor's lints of one document share a ScanCache: core keeps each segment's findings of the
// rules whose kind makes them segment by segment (term, caution, requires within a segment), and
// takes them again, moved with the text, for the segments an edit left as they were. The findings
// must be exactly those of a lint without a cache, after any edit, whatever the rules read outside
// a segment (context mentions in the head, in a heading, in a table's row; consistency across the
// document; a requirement in the next paragraph; the document's language and script).
import {
  compilePacks,
  createLineIndex,
  createScanCache,
  type Finding,
  type LineIndex,
  parsePack,
  type RuleSet,
} from '@nuance/core';
import { describe, expect, test } from 'vitest';
import { documentTopic, lintDocument, MarkdownDocument } from '../src/index.js';
import { random } from './helpers.js';

const PACK = `pack: k
contexts:
  korea: {phrases: {zh: [韩国, 中韩, 韩方], en: [Korea, Seoul], ko: [한국]}}
  china: {phrases: {zh: [中国, 中韩, 中方], en: [China, Beijing], ko: [중국]}}
rules:
  - id: k/wushi
    kind: term
    severity: error
    message: m
    terms:
      zh: [务实外交, {text: 实用外交, status: deprecated, use: 务实外交, use-hant: 務實外交}]
      en: [pragmatic diplomacy, {text: practical diplomacy, status: deprecated}]
  - id: k/scoped
    kind: term
    severity: warning
    message: m
    context: {sets: [korea], within: sentence}
    terms:
      zh: [相互尊重, {text: 尊重彼此, status: deprecated}]
  - id: k/partner
    kind: caution
    severity: warning
    message: m
    phrases: [strategic cooperative partnership, 战略合作伙伴关系]
    unless: [economic cooperation, 经济合作]
    escalate: {phrases: [security, 安全], message: sharper}
    context: {sets: [korea, china], within: [paragraph, document]}
  - id: k/cell
    kind: caution
    severity: info
    message: m
    phrases: [路线]
    context: {sets: [china], within: structure}
  - id: k/core
    kind: requires
    severity: warning
    scope: segment
    message: m
    when: [中国的核心利益]
    require: [韩国的核心利益]
  - id: k/next
    kind: requires
    severity: info
    scope: segment
    lookahead: 1
    message: m
    when: [China's core interests]
    require: [Korea's core interests]
  - id: k/doc
    kind: requires
    severity: info
    scope: document
    message: m
    when: [denuclearization]
    require: [Korean Peninsula]
  - id: k/same
    kind: consistency
    severity: warning
    message: m
    groups: [[practical diplomacy, pragmatic diplomacy]]
  - id: k/consistent
    kind: term
    severity: info
    message: m
    consistent: true
    terms:
      en: [free trade agreement, FTA]
`;

const parsed = parsePack(PACK, 'k.yaml');
if (!parsed.pack) throw new Error('test pack does not parse');
const { ruleSet } = compilePacks([parsed.pack]);

const PIECES = [
  '韩国奉行实用外交。',
  '中方与韩方相互尊重，尊重彼此。',
  '双方恢复战略合作伙伴关系。',
  '战略合作伙伴关系包括安全合作，韩国与中国。',
  'The strategic cooperative partnership covers economic cooperation with Korea and China.',
  'Seoul pursues practical diplomacy. Beijing prefers pragmatic diplomacy.',
  "We respect China's core interests.",
  "Korea's core interests matter too.",
  '中方维护中国的核心利益。',
  '韩方尊重中国的核心利益，也维护韩国的核心利益。',
  'On denuclearization, talks resume.',
  'The Korean Peninsula stays calm.',
  'The FTA and the free trade agreement.',
  '# 关于中韩关系的声明',
  '## 韩国',
  '## Trade',
  '- 韩国外交\n- 实用外交',
  '| 国家 | 路线 |\n|---|---|\n| 中国 | 路线 |\n| 韩国 | 实用外交 |',
  'A neutral paragraph about culture and tourism.',
  '한국과 중국은 실용외교를 논의했다.',
  '實用外交與韓國。',
  '<!-- nuance-disable-next-line k/wushi -->\n韩国奉行实用外交。',
  '韩国奉行实用外交。 <!-- nuance-disable-line -->',
  '> 引用：韩国奉行实用外交。',
  'Seoul and Beijing: practical diplomacy.\r\nA second line, CRLF.',
];
/** Put at the very start of a document now and then: front matter that declares a topic. */
const FRONT_MATTER = '---\ntopic: [korea, china]\n---\n\n';
const TYPED = ['实', '韩', '国', '中', ' ', 'x', '\n', '\n\n', '# ', '- ', '|', 'Korea', '外交', '安全'];

function randomDocument(next: () => number): string {
  const n = 3 + Math.floor(next() * 14);
  const parts = Array.from({ length: n }, () => PIECES[Math.floor(next() * PIECES.length)] ?? '');
  return `${next() < 0.2 ? FRONT_MATTER : ''}${parts.join('\n\n')}\n`;
}

function randomEdit(text: string, next: () => number): string {
  const where = Math.floor(next() * (text.length + 1));
  const cut = next() < 0.35 ? Math.floor(next() * 6) : 0;
  const r = next();
  const insert =
    r < 0.55
      ? (TYPED[Math.floor(next() * TYPED.length)] ?? '')
      : r < 0.8
        ? (PIECES[Math.floor(next() * PIECES.length)] ?? '')
        : '';
  return text.slice(0, where) + insert + text.slice(where + cut);
}

describe('findings kept across the lints of one document', () => {
  test('equal those of a lint without a cache (key for key) and of a full parse after 2,000 random edits', () => {
    const next = random(20261202);
    let steps = 0;
    let withFindings = 0;
    for (let round = 0; round < 50; round++) {
      const document = new MarkdownDocument();
      const cache = createScanCache();
      let text = randomDocument(next);
      for (let step = 0; step < 40; step++) {
        text = randomEdit(text, next);
        document.update(text);
        // The topic its front matter declares, as the language server gives it.
        const kept = document.lint(ruleSet, { cache, topic: documentTopic({ text, path: 'd.md' }) });
        const fresh = lintDocument({ text, path: 'd.md', ruleSet }).findings;
        // As JSON: the same keys in the same order too, as a client that writes them out sees them.
        expect({ text, kept: JSON.stringify(kept) }).toEqual({ text, kept: JSON.stringify(fresh) });
        // And those of a full parse (the block model's own promise, with these rules' context).
        const full = lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings;
        expect({ text, kept }).toEqual({ text, kept: full });
        steps++;
        if (fresh.length > 0) withFindings++;
      }
    }
    expect(steps).toBe(2000);
    expect(withFindings).toBeGreaterThan(1600);
  });

  test('an edit in one paragraph makes again only the findings of that paragraph', () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) => `第${i}段：韩国奉行实用外交，中方与韩方尊重彼此。`,
    );
    let text = `# 声明\n\n${paragraphs.join('\n\n')}\n`;
    const calls = countFindingsCalls(ruleSet, ['k/wushi', 'k/scoped']);
    const document = new MarkdownDocument();
    const cache = createScanCache();
    document.update(text);
    const first = document.lint(ruleSet, { cache });
    expect(first.filter((f) => f.ruleId === 'k/wushi')).toHaveLength(40);
    expect(calls()).toEqual({ 'k/wushi': 40, 'k/scoped': 40 });
    const at = text.indexOf('第20段');
    const edits: string[] = [];
    for (const insert of ['实', '', '韩国', '第二十段，实用外交。\n\n']) {
      text =
        insert === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(at);
      document.update(text);
      const kept = document.lint(ruleSet, { cache });
      edits.push(JSON.stringify(calls()));
      expect(JSON.stringify(kept)).toBe(
        JSON.stringify(lintDocument({ text, path: 'd.md', ruleSet }).findings),
      );
      calls();
    }
    // One paragraph changed (typing, deleting, a mention typed in it), then one more is added.
    expect(edits).toEqual([
      JSON.stringify({ 'k/wushi': 1, 'k/scoped': 1 }),
      JSON.stringify({ 'k/wushi': 1, 'k/scoped': 1 }),
      JSON.stringify({ 'k/wushi': 1, 'k/scoped': 1 }),
      // A new paragraph (with no match of k/scoped): the segments are numbered again, and every
      // segment's findings are made again.
      JSON.stringify({ 'k/wushi': 41, 'k/scoped': 40 }),
    ]);
  });

  test('a mention the document head gives others, typed away, makes everything again', () => {
    let text = '# 关于中韩关系的声明\n\n双方恢复战略合作伙伴关系。\n\n战略合作伙伴关系。\n';
    const document = new MarkdownDocument();
    const cache = createScanCache();
    document.update(text);
    expect(document.lint(ruleSet, { cache }).map((f) => f.ruleId)).toEqual(['k/partner', 'k/partner']);
    text = text.replace('中韩', '中');
    document.update(text);
    expect(document.lint(ruleSet, { cache })).toEqual([]);
    expect(lintDocument({ text, path: 'd.md', ruleSet }).findings).toEqual([]);
  });
});

/** What this test reads of a compiled rule set (core's `CompiledRuleSet`, internal). */
interface Compiled {
  compiled: Array<{ source: { rule: { id: string } }; findings(doc: unknown, matches: unknown): Finding[] }>;
}

/** Counts each named rule's calls of its kind's findings, per lint (the counts since the last call). */
function countFindingsCalls(rs: RuleSet, ids: string[]): () => Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of (rs as unknown as Compiled).compiled) {
    const id = rule.source.rule.id;
    if (!ids.includes(id)) continue;
    counts[id] = 0;
    const findings = rule.findings.bind(rule);
    rule.findings = (doc, matches) => {
      counts[id] = (counts[id] ?? 0) + 1;
      return findings(doc, matches);
    };
  }
  return () => {
    const out = { ...counts };
    for (const id of ids) counts[id] = 0;
    return out;
  };
}

// Findings after an edit are the last lint's moved with the text (core's finding-mover.ts): on
// the lines after the one the edit ends on, their lines move by one number and their columns stay,
// without the line index being searched for each; on the edit's own line (a table's next cell)
// they are read from the index. Whatever line break the edit types, deletes or joins (a \r typed
// before a \n makes one \r\n, not a line more), the places must be those of a lint without a cache.
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

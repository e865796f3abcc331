// Termbases as packs (README: Termbases as packs): TBX v2, TBX v3 and CSV/TSV files written for
// these tests, with the positions of terms, problems and findings asserted exactly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePacks, type Finding, lintSegments, type ParsedPack, type Problem } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { loadPack, parseTermbase } from '../src/index.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'termbase');

const located = (problems: readonly Problem[]) =>
  problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`);

async function load(name: string): Promise<{ pack: ParsedPack; problems: Problem[] }> {
  const { pack, problems } = await loadPack(`./${name}`, DIR);
  if (!pack) throw new Error(`${name} did not load: ${located(problems).join('; ')}`);
  return { pack, problems };
}

function terms(pack: ParsedPack, ruleIndex: number): string[] {
  const rule = pack.definition.rules[ruleIndex];
  if (rule?.kind !== 'term') return [];
  return rule.terms.map((t) => `${t.lang} ${t.status} ${t.text}`);
}

function lint(pack: ParsedPack, text: string): Finding[] {
  const { ruleSet, problems } = compilePacks([pack]);
  expect(problems).toEqual([]);
  return lintSegments({ text, segments: [{ pieces: [{ start: 0, end: text.length }] }] }, ruleSet);
}

const rows = (findings: readonly Finding[]) =>
  findings.map(
    (f) => `${f.line}:${f.column}-${f.endColumn} ${f.ruleId} ${f.actual} -> ${f.expected.join(', ')}`,
  );

describe('TBX v2 (martif)', () => {
  it('makes a term rule of each termEntry, ids from concept ids, statuses mapped', async () => {
    const { pack, problems } = await load('diplomacy-v2.tbx');
    expect(problems).toEqual([]);
    expect(pack.definition.pack).toBe('diplomacy-v2');
    expect(pack.definition.rules.map((r) => r.id)).toEqual([
      'diplomacy-v2/pragmatic-diplomacy',
      'diplomacy-v2/territory-013',
      'diplomacy-v2/c-draft',
    ]);
    expect(terms(pack, 0)).toEqual([
      'zh-Hans preferred 务实外交',
      'zh-Hans deprecated 实用外交',
      'zh-Hant preferred 務實外交',
      'zh-Hant deprecated 實用外交', // supersededTerm-admn-sts, in an ntig/termGrp
      'en preferred pragmatic diplomacy', // no status: preferred
      'en admitted practical diplomacy',
    ]);
    const rule = pack.definition.rules[0];
    expect(rule?.note).toBe(
      "Subject field: diplomacy\n\nDefinition: Korea's 실용외교: a foreign policy of practical interests.\n\n" +
        '实用外交 (zh-Hans): 实用 reads as materialist and opportunistic.',
    );
    expect(rule?.source).toBe('diplomacy-v2.tbx, concept pragmatic-diplomacy');
    // Phrase syntax in a term is text.
    expect(terms(pack, 2)).toEqual(['en deprecated C++ \\{draft\\}', 'en preferred C++ draft']);
  });

  it('places every term and concept in the TBX file', async () => {
    const { pack } = await load('diplomacy-v2.tbx');
    expect(pack.locate(['rules', 0, 'terms', 'zh-Hans', 0])).toEqual({ line: 11, column: 19 });
    expect(pack.locate(['rules', 0, 'terms', 'zh-Hans', 1])).toEqual({ line: 15, column: 19 });
    expect(pack.locate(['rules', 0, 'terms', 'zh-Hant', 1])).toEqual({ line: 29, column: 21 });
    expect(pack.locate(['rules', 0, 'terms', 'en', 1])).toEqual({ line: 36, column: 22 });
    expect(pack.locate(['rules', 2, 'terms', 'en', 0])).toEqual({ line: 45, column: 43 });
    expect(pack.locate(['rules', 1])).toEqual({ line: 39, column: 7 });
    expect(pack.locate(['rules', 1, 'id'])).toEqual({ line: 39, column: 7 });
  });

  it('lints with the termbase: the finding carries the definition and notes', async () => {
    const { pack } = await load('diplomacy-v2.tbx');
    const findings = lint(pack, '韩国奉行实用外交，C++ {draft} 也是。');
    expect(rows(findings)).toEqual([
      '1:5-9 diplomacy-v2/pragmatic-diplomacy 实用外交 -> 务实外交',
      '1:10-21 diplomacy-v2/c-draft C++ {draft} -> C++ draft',
    ]);
    expect(findings[0]?.message).toBe('Use `务实外交` instead of `实用外交`');
    expect(findings[0]?.note).toContain('实用 reads as materialist');
    expect(findings[0]?.fix).toEqual({ start: 4, end: 6, text: '务实' });
    expect(rows(lint(pack, '他們奉行實用外交。'))).toEqual([
      '1:5-9 diplomacy-v2/pragmatic-diplomacy 實用外交 -> 務實外交',
    ]);
  });

  it("limits a term to its tag's script and does not fold it across scripts", async () => {
    const { pack } = await load('diplomacy-v2.tbx');
    const { ruleSet } = compilePacks([pack]);
    const rule = ruleSet.rules.find((r) => r.id === 'diplomacy-v2/territory-013');
    expect(rule).toBeDefined();
    // Simplified 中美 (China-US) is not the Traditional 中美 (Central America): nothing to say
    // here, and the Traditional 实用外交 term does not fire on Simplified text.
    expect(rows(lint(pack, '中美关系和實用外交。'))).toEqual([]);
  });
});

describe('TBX v3 (tbx, conceptEntry, langSec, termSec) and TBX-Min statuses', () => {
  it('reads v3 with CRLF line ends, DCA and DCT data categories', async () => {
    const { pack, problems } = await load('diplomacy-v3.tbx');
    expect(problems).toEqual([]);
    expect(pack.definition.rules.map((r) => r.id)).toEqual([
      'diplomacy-v3/south-korea',
      'diplomacy-v3/mutual-respect',
    ]);
    expect(terms(pack, 0)).toEqual([
      'zh-Hans preferred 韩国',
      'zh-Hans deprecated 南韩',
      'zh-Hant preferred 韓國',
      'zh-Hant deprecated 南韓',
      'en preferred South Korea',
      'en admitted ROK',
    ]);
    expect(terms(pack, 1)).toEqual([
      'en preferred mutual respect', // TBX-Min `preferred`
      'en deprecated respect each other', // `notRecommended`
      'en deprecated reciprocal esteem', // `<min:termStatus>obsolete`
    ]);
    expect(pack.definition.rules[0]?.note).toBe('Definition (en): The Republic of Korea.');
    expect(pack.definition.rules[1]?.note).toBe(
      'respect each other (en): Both sides will respect each other.',
    );
    expect(pack.locate(['rules', 0, 'terms', 'zh-Hans', 1])).toEqual({ line: 9, column: 26 });
    expect(pack.locate(['rules', 1, 'terms', 'en', 2])).toEqual({ line: 26, column: 26 });
  });

  it('applies zh-Hans terms to Simplified text and zh-Hant terms to Traditional text', async () => {
    const { pack } = await load('diplomacy-v3.tbx');
    expect(rows(lint(pack, '他访问了南韩。'))).toEqual(['1:5-7 diplomacy-v3/south-korea 南韩 -> 韩国']);
    expect(rows(lint(pack, '他訪問了南韓。'))).toEqual(['1:5-7 diplomacy-v3/south-korea 南韓 -> 韓國']);
    expect(rows(lint(pack, 'They respect each other.'))).toEqual([
      '1:6-24 diplomacy-v3/mutual-respect respect each other -> mutual respect',
    ]);
  });
});

describe('CSV and TSV glossaries', () => {
  it('reads a column per language tag, status, note and context; rows sharing an id are one concept', async () => {
    const { pack, problems } = await load('glossary.csv');
    expect(problems).toEqual([]);
    expect(pack.definition.rules.map((r) => r.id)).toEqual([
      'glossary/pragmatic-diplomacy',
      'glossary/concept-2', // no id: its place in the file
      'glossary/korea',
    ]);
    expect(terms(pack, 0)).toEqual([
      'en preferred pragmatic diplomacy',
      'zh-Hans preferred 务实外交',
      'zh-Hans deprecated 实用外交',
      'zh-Hant preferred 務實外交',
      'zh-Hant deprecated 實用外交',
      'ko preferred 실용외교',
    ]);
    expect(pack.definition.rules[0]?.note).toBe(
      'Korea\'s "pragmatic" diplomacy.\n\n实用外交 (zh-Hans), 實用外交 (zh-Hant): 实用 reads as\nopportunism. Context: 他们奉行实用外交。',
    );
    // ` | ` separates terms in a cell; a quoted cell keeps its comma.
    expect(terms(pack, 1)).toEqual([
      'en preferred THAAD, the system',
      'zh-Hans preferred 萨德',
      'zh-Hans preferred 薩德',
      'ko preferred 사드',
    ]);
    expect(terms(pack, 2)).toContain('zh-Hans deprecated 南韩'); // `Deprecated`: case does not matter
  });

  it('places every cell, quoted, multi-line and after an empty line', async () => {
    const { pack } = await load('glossary.csv');
    expect(pack.locate(['rules', 0, 'terms', 'zh-Hans', 0])).toEqual({ line: 2, column: 41 });
    expect(pack.locate(['rules', 0, 'terms', 'zh-Hans', 1])).toEqual({ line: 3, column: 22 });
    expect(pack.locate(['rules', 1, 'terms', 'en', 0])).toEqual({ line: 6, column: 3 });
    expect(pack.locate(['rules', 1, 'terms', 'zh-Hans', 1])).toEqual({ line: 6, column: 27 });
    expect(pack.locate(['rules', 2])).toEqual({ line: 7, column: 1 });
    expect(pack.locate(['rules', 2, 'terms', 'zh-Hans', 1])).toEqual({ line: 8, column: 8 });
  });

  it('reads a TSV like the CLDR termbase (concept_id, domain, zh_Hans columns; CRLF)', async () => {
    const { pack, problems } = await load('glossary.tsv');
    expect(problems).toEqual([]);
    expect(pack.definition.rules.map((r) => r.id)).toEqual([
      'glossary/territory-013',
      'glossary/territory-kr',
    ]);
    expect(pack.definition.rules[0]?.note).toBe('Subject field: territory');
    expect(pack.locate(['rules', 1, 'terms', 'zh-Hant', 0])).toEqual({ line: 3, column: 39 });
  });
});

describe('a termbase with errors', () => {
  it('gives positioned problems naming the element, drops the bad entries and loads the rest (TBX)', async () => {
    const { pack, problems } = await load('broken.tbx');
    expect(located(problems)).toEqual([
      'broken.tbx:5:71 error xml-syntax: Bad XML in <tig>: unexpected close tag; <termEntry id="bad-xml"> is dropped',
      'broken.tbx:6:73 error invalid-value: Unexpected status `loudTerm-admn-sts` in <termNote type="administrativeStatus">, expected `preferredTerm-admn-sts`, `admittedTerm-admn-sts`, `deprecatedTerm-admn-sts`, `supersededTerm-admn-sts`, `preferred`, `admitted`, `notRecommended`, `obsolete`; `loud` is dropped',
      'broken.tbx:7:1 error missing-key: <termEntry id="empty"> has no terms; it is dropped',
      'broken.tbx:8:70 error xml-syntax: Bad XML in <term>: undefined entity; <termEntry id="bad-entity"> is dropped',
      'broken.tbx:9:67 error invalid-value: Unexpected key `zh Hans`, expected a BCP 47 language tag such as `en`, `zh` or `zh-Hant`',
    ]);
    expect(pack.definition.rules.map((r) => r.id)).toEqual([
      'broken/ok-1',
      'broken/bad-status',
      'broken/ok-2',
    ]);
    expect(terms(pack, 1)).toEqual(['en preferred quiet']);
  });

  it('gives positioned problems naming the column, drops the bad rows and loads the rest (CSV)', async () => {
    const { pack, problems } = await load('broken.csv');
    expect(located(problems)).toEqual([
      'broken.csv:1:14 warning unknown-key: Unknown column `part of speech`, expected a language tag (`en`, `zh-Hans`) or `id`, `status`, `note`, `context` or `domain`; it is ignored',
      'broken.csv:3:1 error csv-syntax: Bad CSV: Invalid Closing Quote: got "q" instead of delimiter, record delimiter, trimable character (if activated) or comment; the row is dropped',
      'broken.csv:4:1 error missing-key: concept `c` (line 4) has no terms; it is dropped',
      "broken.csv:4:9 error invalid-value: Unexpected value `loud` in column `status`, expected `preferred`, `admitted`, `deprecated`, `forbidden`, `preferredTerm-admn-sts`, `admittedTerm-admn-sts`, `deprecatedTerm-admn-sts`, `supersededTerm-admn-sts`, `notRecommended`, `obsolete`; the row's terms are dropped",
      'broken.csv:5:1 error missing-key: concept `d` (line 5) has no terms; it is dropped',
    ]);
    expect(pack.definition.rules.map((r) => r.id)).toEqual(['broken/a', 'broken/e']);
  });

  it('keeps the concepts before a truncated end, and refuses a file with no concept at all', () => {
    const truncated =
      '<martif><text><body>\n<termEntry id="a"><langSet xml:lang="en"><tig><term>a</term></tig></langSet></termEntry>\n' +
      '<termEntry id="b"><langSet xml:lang="en"><tig><term>b</te';
    const { pack, problems } = parseTermbase(truncated, 'cut.tbx');
    expect(pack?.definition.rules.map((r) => r.id)).toEqual(['cut/a']);
    expect(located(problems)).toEqual([
      'cut.tbx:3:58 error xml-syntax: Bad XML in <term>: unclosed tag: term; <termEntry id="b"> is dropped',
    ]);
    const junk = parseTermbase('id,en\n', 'header-only.csv');
    expect(junk.pack).toBeUndefined();
    expect(located(junk.problems)).toEqual([
      'header-only.csv:1:1 error unreadable-pack: Cannot read termbase `header-only.csv`: it holds no concept (a TBX `termEntry` or `conceptEntry`, a row under a CSV header)',
    ]);
  });
});

// The CLDR termbase in ../shared/corpus/termbase (2,260 concepts, TBX and TSV) as a pack, and
// corpus text linted with it. The corpus lives beside the repository, never in it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePacks, lintSegments, type ParsedPack, type TermRule } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../src/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const corpus = join(here, '..', '..', '..', '..', 'shared', 'corpus');
const termbase = join(corpus, 'termbase');
const present = existsSync(join(termbase, 'cldr_names_en_zh_ko.tbx'));
if (!present) {
  console.warn(
    `CLDR termbase test skipped: ${termbase} is absent (it lives beside the repository, never in it)`,
  );
}

async function load(name: string): Promise<ParsedPack> {
  const { pack, problems } = await loadPack(join(termbase, name), here);
  expect(problems).toEqual([]);
  if (!pack) throw new Error(`${name} did not load`);
  return pack;
}

/** Terms of a rule as `lang status text`. */
const termsOf = (rule: TermRule) => rule.terms.map((t) => `${t.lang} ${t.status} ${t.text}`);

/** The first `count` paragraphs of a corpus file holding `needle`: real text, bounded in size (a
 *  whole corpus file with 2,260 concepts' terms takes minutes on a shared machine). */
function paragraphs(file: string, needle: string, count: number): string {
  const text = readFileSync(join(corpus, file), 'utf8');
  return text
    .split(/\n\n+/)
    .filter((p) => p.includes(needle) && !p.startsWith('#') && !p.startsWith('<!--'))
    .slice(0, count)
    .join('\n\n');
}

/** Blank-line blocks as segments. */
function blocks(text: string) {
  const segments = [];
  for (const m of text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
    segments.push({ pieces: [{ start: m.index, end: m.index + m[0].length }] });
  }
  return segments;
}

describe.skipIf(!present)('the CLDR termbase as a pack', () => {
  it('loads the TBX and the TSV to the same 2,260 term rules, ids from the concept ids', async () => {
    const tbx = await load('cldr_names_en_zh_ko.tbx');
    const tsv = await load('cldr_names_en_zh_ko.tsv');
    expect(tbx.definition.pack).toBe('cldr-names-en-zh-ko');
    expect(tbx.definition.rules).toHaveLength(2260);
    expect(tsv.definition.rules.map((r) => r.id)).toEqual(tbx.definition.rules.map((r) => r.id));
    const kr = tbx.definition.rules.find((r) => r.id === 'cldr-names-en-zh-ko/territory-kr') as TermRule;
    expect(termsOf(kr)).toEqual([
      'en preferred South Korea',
      'zh-Hans preferred 韩国',
      'zh-Hant preferred 南韓',
      'ko preferred 대한민국',
    ]);
    expect(kr.source).toBe('cldr_names_en_zh_ko.tbx, concept territory:KR');
    expect(kr.note).toBe('Subject field: territory');
    const tsvKr = tsv.definition.rules.find((r) => r.id === kr.id) as TermRule;
    expect(termsOf(tsvKr)).toEqual(termsOf(kr));
  });

  it('compiles, and gives no finding on corpus text: only preferred terms, glossary data', async () => {
    const pack = await load('cldr_names_en_zh_ko.tbx');
    const { ruleSet, problems } = compilePacks([pack]);
    expect(problems).toEqual([]);
    const text = paragraphs('zh/peoples_daily_theory_intl_diplomacy_2019-2020.md', '中国', 40);
    expect(lintSegments({ text, segments: blocks(text) }, ruleSet)).toEqual([]);
  });

  it('with its terms marked deprecated, Simplified 中美 in corpus text is never Central America', async () => {
    const pack = await load('cldr_names_en_zh_ko.tbx');
    // Every match becomes a finding: what bilingual checks would see as concepts in the text.
    const definition = {
      ...pack.definition,
      rules: pack.definition.rules.map((rule) => {
        const r = rule as TermRule;
        return { ...r, terms: r.terms.map((t) => ({ ...t, status: 'forbidden' as const })) };
      }),
    };
    const { ruleSet } = compilePacks([{ ...pack, definition }]);
    const text = paragraphs('zh/peoples_daily_theory_intl_diplomacy_2019-2020.md', '中美', 20);
    const findings = lintSegments({ text, segments: blocks(text) }, ruleSet);
    expect([...text.matchAll(/中美/g)].length).toBeGreaterThanOrEqual(20);
    expect(findings.filter((f) => f.ruleId === 'cldr-names-en-zh-ko/territory-013')).toEqual([]);
    // The Simplified names do match: China (territory:CN) and the United States among them.
    const rules = new Set(findings.map((f) => f.ruleId));
    expect(rules.has('cldr-names-en-zh-ko/territory-cn')).toBe(true);
    expect(rules.has('cldr-names-en-zh-ko/territory-us')).toBe(true);
  });
});

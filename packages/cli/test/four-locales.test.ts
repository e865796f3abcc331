// A Traditional, a Simplified, a Korean and an English draft, each through every format: the
// message, note, readings and offered wording are in the draft's own language and script, and the
// plain-text formats quote terms the language's way instead of showing backticks.
import path from 'node:path';
import { documentLanguageOf, foldT2S, hanScript, toTraditional } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './helpers.js';

const DIR = path.join(FIXTURES, 'four-drafts');
const LOCALE_OF: Record<string, string> = {
  'hant.md': 'zh-Hant',
  'hans.md': 'zh-Hans',
  'ko.md': 'ko',
  'en.md': 'en',
};
const LANGUAGE_OF: Record<string, string> = { 'zh-Hant': 'zh', 'zh-Hans': 'zh', ko: 'ko', en: 'en' };

interface JsonFinding {
  ruleId: string;
  message: string;
  note?: string;
  audiences?: Record<string, string>;
  expected: string[];
  locale: string;
}

/** Text in the locale's language and, for Chinese, its script (code spans are quoted terms). */
function expectIn(locale: string, text: string, where: string): void {
  const prose = text.replace(/`[^`]*`|「[^」]*」|“[^”]*”|‘[^’]*’/g, '');
  expect([where, documentLanguageOf(prose)]).toEqual([where, LANGUAGE_OF[locale]]);
  if (locale === 'zh-Hant') expect([where, hanScript(text)]).toEqual([where, 'hant']);
  if (locale === 'zh-Hans') expect([where, hanScript(text)]).toEqual([where, 'hans']);
}

/** Wording offered to the draft: its script only (Hangul, Han in its script, Latin). */
function expectWordingIn(locale: string, wording: string, where: string): void {
  expect([where, wording, documentLanguageOf(wording)]).toEqual([where, wording, LANGUAGE_OF[locale]]);
  // Every character in the script's own form (核, 心 and 彼 are both scripts' alike).
  if (locale === 'zh-Hant') expect([where, toTraditional(wording)]).toEqual([where, wording]);
  if (locale === 'zh-Hans') expect([where, foldT2S(wording)]).toEqual([where, wording]);
}

describe('four drafts in four locales', () => {
  it('JSON: message, note, readings and expected in each draft’s language and script', async () => {
    const result = await run(['.', '--format', 'json'], DIR);
    const files = JSON.parse(result.stdout) as { path: string; messages: JsonFinding[] }[];
    expect(files.map((f) => f.path).sort()).toEqual(['en.md', 'hans.md', 'hant.md', 'ko.md']);
    for (const file of files) {
      const locale = LOCALE_OF[file.path] ?? '';
      expect(file.messages.length).toBeGreaterThanOrEqual(2);
      for (const m of file.messages) {
        const where = `${file.path} ${m.ruleId}`;
        expect([where, m.locale]).toEqual([where, locale]);
        expectIn(locale, m.message, `${where} message`);
        if (m.note) expectIn(locale, m.note, `${where} note`);
        for (const [tag, reading] of Object.entries(m.audiences ?? {}))
          expectIn(locale, reading, `${where} ${tag}`);
        for (const e of m.expected) expectWordingIn(locale, e, `${where} expected`);
      }
      // Each draft is offered wording for core-interest reciprocity, in its own language only.
      expect(
        file.messages.find((m) => m.ruleId === 'korea-china/core-interests-reciprocity')?.expected.length,
      ).toBeGreaterThan(0);
    }
  });

  it('stylish: plain text in each language’s quotation marks, and with --audience the readings under each finding', async () => {
    const result = await run(['.', '--audience', 'zh'], DIR);
    expect(result.stdout).not.toContain('`');
    expect(result.stdout).toContain('請用「務實外交」（務實）代替「實用外交」（實用）');
    expect(result.stdout).toContain('请用“务实外交”（务实）代替“实用外交”（实用）');
    expect(result.stdout).toContain('‘미한’이 아니라 ‘한미’');
    expect(result.stdout).toContain('“strategic cooperative partnership” reads differently');
    const lines = result.stdout.split('\n');
    const readingAfter = (text: string) => lines[lines.findIndex((l) => l.includes(text)) + 1]?.trim();
    expect(readingAfter('請用「務實外交」')).toBe(
      'zh: 用「實用」形容外交路線帶有物質主義和機會主義的色彩；「務實」則顯得平衡、建設性。',
    );
    expect(readingAfter('‘전략적 협력 동반자 관계’는')).toBe(
      'zh: 주로 경제·외교 분야에서 중장기적으로 협력하는 동반자.',
    );
    expect(readingAfter('“strategic cooperative partnership” reads')).toBe(
      'zh: A partner for medium- to long-term cooperation, primarily in economic and diplomatic areas.',
    );
    // Without --audience, no readings under the findings.
    const plain = await run(['.'], DIR);
    expect(plain.stdout).not.toContain('zh: ');
  });

  it('SARIF: each result’s text is plain and in the draft’s language, its markdown keeps the code spans', async () => {
    const result = await run(['.', '--format', 'sarif'], DIR);
    const sarif = JSON.parse(result.stdout) as {
      runs: {
        results: {
          message: { text: string; markdown: string };
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    expect(results.length).toBeGreaterThanOrEqual(8);
    for (const r of results) {
      const file = r.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
      expect(r.message.text).not.toContain('`');
      expect(r.message.markdown).toContain('`');
      expectIn(LOCALE_OF[file] ?? '', r.message.text, `${file} ${r.message.text}`);
    }
  });

  it('GitHub: annotations in the draft’s language, without backticks', async () => {
    const result = await run(['.', '--format', 'github'], DIR);
    expect(result.stdout).not.toContain('`');
    expect(result.stdout).toContain(
      'file=hant.md,line=3,col=8,endLine=3,endColumn=12,title=korea-china/wushi-not-shiyong::請用「務實外交」',
    );
    expect(result.stdout).toContain(
      'title=korea-china/rok-first-order::한국 측이 내는 글에서는 한국을 먼저 쓰십시오: ‘미한’이 아니라 ‘한미’',
    );
  });

  it('HTML: each finding’s message, note, readings and “Preferred” wording in its draft’s language', async () => {
    const result = await run(['.', '--format', 'html'], DIR);
    const block = /<script type="application\/json" id="nuance-data">([^<]*)<\/script>/.exec(
      result.stdout,
    )?.[1];
    if (block === undefined) throw new Error('no data block');
    const data = JSON.parse(block) as {
      files: string[];
      findings: { f: number; o?: string; m: string; e?: string[]; n?: string; u?: Record<string, string> }[];
    };
    expect([...data.files].sort()).toEqual(['en.md', 'hans.md', 'hant.md', 'ko.md']);
    expect(data.findings.length).toBeGreaterThanOrEqual(8);
    for (const item of data.findings) {
      const file = data.files[item.f] ?? '';
      const locale = LOCALE_OF[file] ?? '';
      // The page labels a finding (Preferred, Readings...) and sets its `lang` by this locale.
      expect([file, item.o ?? 'en']).toEqual([file, locale]);
      expectIn(locale, item.m, `${file} ${item.m}`);
      for (const e of item.e ?? []) expectWordingIn(locale, e, `${file} preferred`);
      // A note or reading given per finding is the draft's (the rule's own is the English).
      if (item.n !== undefined) expectIn(locale, item.n, `${file} note`);
      for (const reading of Object.values(item.u ?? {})) expectIn(locale, reading, `${file} reading`);
      if (locale !== 'en' && item.n === undefined)
        throw new Error(`${file}: the note is the rule's English one`);
    }
  });

  it('--locale sets the locale of every draft', async () => {
    const result = await run(['.', '--format', 'json', '--locale', 'ko'], DIR);
    const files = JSON.parse(result.stdout) as { path: string; messages: JsonFinding[] }[];
    for (const file of files) for (const m of file.messages) expect(m.locale).toBe('ko');
    const bad = await run(['.', '--locale', 'fr'], DIR);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'Unexpected value `fr` for `--locale`, expected `en`, `zh-Hans`, `zh-Hant` or `ko`',
    );
  });

  it('explain --locale and rules list --locale print the rule texts in that locale', async () => {
    const explain = await run(['explain', 'korea-china/denuclearization', '--locale', 'zh-Hant'], DIR);
    expect(explain.stdout).toContain('  summary   簡體中文用「無核化」，不用「非核化」');
    expect(explain.stdout).toContain('  message   簡體中文請用`{expected}`代替`{actual}`');
    const list = await run(['rules', 'list', '--locale', 'ko'], DIR);
    expect(list.stdout).toMatch(
      /korea-china\/rok-first-order +term +warning +yes +한국 측 글에서는 한국을 먼저 쓴다/,
    );
  });
});

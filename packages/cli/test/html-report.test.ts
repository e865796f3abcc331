// The HTML report (`--format html`) on a fixture folder linted by the real engine: escaping,
// nothing loaded from the network, totals equal to `--format json`'s, and the page itself in
// headless Chromium (skipped with a message only when /usr/bin/chromium is absent).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPack } from '@nuance/config';
import { compilePacks, type Finding, parsePack, type RuleSet, toolFinding, toolRule } from '@nuance/core';
import { builtinPack } from '@nuance/rules';
import { lintDocument } from '@nuance/unified';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf } from '../src/reporters/html/context.js';
import { buildReportData, jsonForScript } from '../src/reporters/html/data.js';
import { MarkdownProse } from '../src/reporters/html/prose.js';
import type { ReportData } from '../src/reporters/html/report-data.js';
import { formatHtml } from '../src/reporters/html.js';
import { toJsonResults } from '../src/reporters/json.js';
import type { FileResult } from '../src/results.js';
import { FIXTURES } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// In CI a missing Chromium is a failed install (.ci/run installs it), never a silent skip.
if (!hasChromium && process.env.CI) {
  it('has what it needs in CI', () => {
    throw new Error(
      `${CHROMIUM} is absent, and CI must run the report's browser tests (apt-get install chromium)`,
    );
  });
}
if (!hasChromium)
  console.warn(`html report browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

function koreaChina(): RuleSet {
  const source = builtinPack('korea-china');
  if (!source) throw new Error('korea-china pack missing');
  const { pack } = parsePack(source.text, source.file);
  if (!pack) throw new Error('korea-china pack does not parse');
  return compilePacks([pack]).ruleSet;
}

const ruleSet = koreaChina();
const dir = path.join(FIXTURES, 'html');

function lintFixtures(): FileResult[] {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      return { path: name, text, messages: lintDocument({ text, path: name, ruleSet }).findings };
    });
}

const results = lintFixtures();
const html = formatHtml(results, { ruleSet });

const DATA_BLOCK = /<script type="application\/json" id="nuance-data">([^<]*)<\/script>/;

function dataOf(page: string): ReportData {
  const block = DATA_BLOCK.exec(page)?.[1];
  if (block === undefined) throw new Error('no data block');
  return JSON.parse(block) as ReportData;
}

/** The page without its data block: the markup, style and script the report itself wrote. */
function markupOf(page: string): string {
  return page.replace(DATA_BLOCK, '');
}

function countsBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('formatHtml on the fixture folder', () => {
  it('reports the findings the engine gives, each in its sentence', () => {
    const lines = results.flatMap((r) =>
      r.messages.map((m) => `${r.path}:${m.line}:${m.column} ${m.ruleId}`),
    );
    expect(lines).toEqual([
      'briefing.ko.md:3:15 korea-china/strategic-cooperative-partner',
      'briefing.ko.md:4:5 korea-china/core-interests-reciprocity',
      'press-release.en.md:7:2 korea-china/strategic-cooperative-partner',
      'press-release.en.md:8:18 korea-china/practical-pragmatic-consistency',
      'statement.zh.md:3:8 korea-china/wushi-not-shiyong',
      'statement.zh.md:3:56 korea-china/strategic-cooperative-partner',
      'statement.zh.md:5:45 korea-china/wushi-not-shiyong',
      'statement.zh.md:7:10 korea-china/mutual-respect',
    ]);
    const data = dataOf(html);
    const sentences = data.findings.map((f) => `${f.b}[${f.x}]${f.t}`);
    expect(sentences).toEqual([
      '양국은 2008년 수립한 [전략적 협력 동반자 관계]를 복원한다.',
      '우리는 [중국의 핵심 이익]을 존중한다.',
      'Both leaders agreed to restore the [strategic cooperative partnership] established in 2008.',
      "The government's [pragmatic diplomacy] takes a long view.",
      '韩国新政府奉行[实用外交]。',
      '<script>alert(1)</script>双方同意恢复[战略合作伙伴关系]。',
      '"><img src=x onerror=alert(1)>韩方表示，[实用外交]以国家利益为中心。',
      '中韩两国领导人强调[相互尊重]。',
    ]);
    const wushi = data.findings[4];
    expect(wushi?.e).toEqual(['务实外交']);
    const rule = data.rules[wushi?.r ?? -1];
    expect(rule?.id).toBe('korea-china/wushi-not-shiyong');
    expect(rule?.note).toContain('务实');
    expect(rule?.source).toContain('Jaeho Hwang');
    const partner = data.rules.find((r) => r.id === 'korea-china/strategic-cooperative-partner');
    expect(Object.keys(partner?.audiences ?? {}).sort()).toEqual(['ko', 'zh']);
  });

  it('escapes document text: markup-like prose (entities in the draft) is data, never markup', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(2);
    const block = DATA_BLOCK.exec(html)?.[1] ?? '';
    expect(block).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(block).toContain('\\"\\u003e\\u003cimg src=x onerror=alert(1)\\u003e');
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('loads nothing: no src, import or url(), and web addresses only as links to click', () => {
    const markup = markupOf(html);
    expect(markup).not.toMatch(/\ssrc\s*=|@import|url\s*\(|<link|<iframe|<object|<embed/i);
    expect(markup).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    // Outside the data block, an address may only be an <a href> the user clicks.
    const outsideLinks = markup.replace(/<a href="https?:\/\/[^"]*"/g, '<a href=""');
    expect(outsideLinks).not.toMatch(/https?:\/\//i);
    // Inside it, only document text (escaped, rendered as text) and rule links may hold one.
    const data = dataOf(html);
    const withoutText = {
      rules: data.rules.map(({ url: _url, ...rule }) => rule),
      files: data.files,
      findings: data.findings.map(({ b: _b, x: _x, t: _t, a: _a, m: _m, e: _e, ...rest }) => rest),
    };
    expect(JSON.stringify(withoutText)).not.toMatch(/https?:\/\//i);
    // A sentence is quoted as prose: a link reads as its text, its address left out.
    expect(JSON.stringify(data.findings.map((f) => `${f.b}${f.x}${f.t}`))).not.toMatch(/https?:\/\//);
  });

  it('shows totals per rule, severity and file equal to the --format json counts', () => {
    const json = toJsonResults(results);
    const all = json.flatMap((r) => r.messages);
    const number = (pattern: RegExp) => Number(pattern.exec(html)?.[1]);
    expect(number(/data-total="findings">(\d+)</)).toBe(all.length);
    for (const [severity, n] of Object.entries({
      error: 0,
      warning: 0,
      info: 0,
      hint: 0,
      ...countsBy(all, (m) => m.severity),
    })) {
      expect(number(new RegExp(`data-total-severity="${severity}">(\\d+)<`))).toBe(n);
    }
    const perRule = countsBy(all, (m) => m.ruleId);
    expect(perRule).toEqual({
      'korea-china/core-interests-reciprocity': 1,
      'korea-china/mutual-respect': 1,
      'korea-china/practical-pragmatic-consistency': 1,
      'korea-china/strategic-cooperative-partner': 3,
      'korea-china/wushi-not-shiyong': 2,
    });
    for (const [id, n] of Object.entries(perRule)) {
      expect(number(new RegExp(`data-rule-total="${id}">(\\d+)<`))).toBe(n);
    }
    for (const file of json) {
      const shown = /data-file-total="([^"]+)">(\d+)</g;
      const rows = Object.fromEntries([...html.matchAll(shown)].map((m) => [m[1], Number(m[2])]));
      expect(rows[file.path]).toBe(file.messages.length > 0 ? file.messages.length : undefined);
    }
    expect(html).toContain('4 files · 3 with findings · 8 findings');
  });

  it('draws accessible charts of findings per rule and per file', () => {
    expect(html).toMatch(
      /<svg class="chart" id="chart-rules" role="img" aria-labelledby="chart-rules-title chart-rules-desc"/,
    );
    expect(html).toContain('<title>korea-china/strategic-cooperative-partner: 3 findings</title>');
    expect(html).toContain('<title>statement.zh.md: 4 findings (2 error, 1 warning, 1 info)</title>');
    expect(html.match(/<rect class="bar sev-/g)?.length).toBe(5 + 1 + 1 + 3);
  });

  it("charts a termbase's 30 rules with the most findings, and tables every one", () => {
    // 40 rules with findings, rule k with k + 1 findings of one severity (a termbase's report).
    const messages: Finding[] = [];
    for (let k = 0; k < 40; k++) {
      for (let n = 0; n <= k; n++) {
        messages.push({
          ruleId: `team/t${String(k).padStart(2, '0')}`,
          severity: k % 2 === 0 ? 'warning' : 'error',
          message: 'm',
          start: n,
          end: n + 1,
          line: 1,
          column: n + 1,
          endLine: 1,
          endColumn: n + 2,
          actual: 'x',
          expected: [],
        });
      }
    }
    const page = formatHtml([{ path: 'terms.txt', messages }], { ruleSet });
    const chart = /<svg class="chart" id="chart-rules"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    expect(chart.match(/<g class="row">/g)?.length).toBe(30);
    expect(chart).toContain('<title>team/t39: 40 findings</title>');
    expect(chart).toContain('<title>team/t10: 11 findings</title>');
    expect(chart).not.toContain('team/t09');
    expect(page).toContain('the 30 of 40 rules with findings, most first');
    expect(page.match(/class="rule-filter" data-rule="team\/t\d\d"/g)?.length).toBe(40);
  });

  it('is deterministic and dated only when asked', () => {
    expect(formatHtml(lintFixtures(), { ruleSet })).toBe(html);
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const dated = formatHtml(results, {
      ruleSet,
      title: 'Audit <2025>',
      generatedAt: '2025-06-24T09:00:00Z',
    });
    expect(dated).toContain('<title>Audit &lt;2025&gt;</title>');
    expect(dated).toContain('generated 2025-06-24T09:00:00Z');
  });
});

describe('formatHtml on hostile paths and links', () => {
  const finding = (ruleId: string, url: string) => ({
    ruleId,
    severity: 'error' as const,
    message: 'Unreadable',
    start: 0,
    end: 0,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    actual: '',
    expected: [],
    url,
  });
  const page = formatHtml(
    [
      { path: '"><b>x</b>.md', messages: [finding('nuance/unreadable-file', 'javascript:alert(1)')] },
      { path: 'ok.md', messages: [finding('team/doc-link', 'https://example.org/rules#doc-link')] },
    ],
    { ruleSet },
  );

  it('escapes file paths in tables, charts and attributes', () => {
    expect(page).not.toContain('<b>x</b>');
    expect(page).toContain('<td class="path">&quot;&gt;&lt;b&gt;x&lt;/b&gt;.md</td>');
    expect(page).toContain('data-file-total="&quot;&gt;&lt;b&gt;x&lt;/b&gt;.md">1<');
  });

  it('links a rule only to a web address', () => {
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain('<a href="https://example.org/rules#doc-link" rel="noopener noreferrer"');
    expect(page.match(/<a href=/g)).toHaveLength(1);
  });
});

describe("formatHtml on the tool's own findings", () => {
  it("describes a tool rule from core's registry: its severity and its help as the note", () => {
    const ignored = toolFinding('nuance/file-ignored', 'File ignored by `.gitignore`; it was not linted');
    const data = dataOf(formatHtml([{ path: 'old.md', messages: [ignored] }], { ruleSet }));
    expect(data.rules).toEqual([
      { id: 'nuance/file-ignored', severity: 'info', note: toolRule('nuance/file-ignored')?.help },
    ]);
    expect(data.findings[0]).toMatchObject({ r: 0, s: 'info', m: ignored.message });
  });
});

describe('report helpers', () => {
  it('escapes JSON for a script block', () => {
    expect(jsonForScript({ a: '</script><!--&\u2028\u2029' })).toBe(
      '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}',
    );
  });

  it('cuts the sentence of a finding from a paragraph, a long line and a CJK run', () => {
    const text = 'First one. Second has 实用外交 in it. Third.\n\nNext paragraph.';
    const start = text.indexOf('实用外交');
    expect(contextOf(text, start, start + 4)).toEqual({
      before: 'Second has ',
      match: '实用外交',
      after: ' in it.',
    });
    const long = `${'很'.repeat(5000)}实用外交${'好'.repeat(5000)}`;
    const c = contextOf(long, 5000, 5004);
    expect(c.match).toBe('实用外交');
    expect(c.before).toBe(`…${'很'.repeat(240)}`);
    expect(c.after).toBe(`${'好'.repeat(240)}…`);
    const wrapped = '韩国新政府\n奉行实用外交。';
    expect(contextOf(wrapped, 8, 12)).toEqual({ before: '韩国新政府奉行', match: '实用外交', after: '。' });
  });

  it('quotes a Markdown finding in prose: no list marker, emphasis, link syntax or code ticks', () => {
    const quote = (text: string, term: string, end = term) => {
      const start = text.indexOf(term);
      const stop = text.indexOf(end, start) + end.length;
      return contextOf(text, start, stop, new MarkdownProse(text, 2000));
    };
    const item = '# 성명\n\n- 첫 항목.\n- 양국은 **전략적 협력 동반자 관계**를 강화하기로 했다. 다음 문장.\n';
    expect(quote(item, '전략적 협력 동반자 관계')).toEqual({
      before: '양국은 ',
      match: '전략적 협력 동반자 관계',
      after: '를 강화하기로 했다.',
    });
    // The match itself spans emphasis; a link reads as its text, inline code as its content.
    const quoted = '> 韩方奉行**实用**外交，见[声明](https://example.com/a_b)与`实用`一词。\n';
    expect(quote(quoted, '实用**外交', '外交')).toEqual({
      before: '韩方奉行',
      match: '实用外交',
      after: '，见声明与实用一词。',
    });
    // A continuation line of a list item joins its sentence, without the indentation.
    const wrapped = '1. 韩国新政府\n   奉行实用外交。\n';
    expect(quote(wrapped, '实用外交')).toEqual({ before: '韩国新政府奉行', match: '实用外交', after: '。' });
    // Outside any prose segment (a code block), the raw text is quoted as before.
    const code = '```\n实用外交\n```\n';
    expect(quote(code, '实用外交').match).toBe('实用外交');
  });

  it('quotes Markdown files in prose and plain-text files as written, in the report data', () => {
    const text = '- **实用外交**。\n';
    const finding = {
      ruleId: 'korea-china/wushi-not-shiyong',
      severity: 'error' as const,
      message: 'm',
      start: 4,
      end: 8,
      line: 1,
      column: 5,
      endLine: 1,
      endColumn: 9,
      actual: '实用外交',
      expected: ['务实外交'],
    };
    const data = buildReportData(
      [
        { path: 'a.md', messages: [finding], text },
        { path: 'a.txt', messages: [finding], text },
      ],
      ruleSet,
    );
    expect(data.findings.map((f) => [f.b ?? '', f.x, f.t ?? ''])).toEqual([
      ['', '实用外交', '。'],
      ['- **', '实用外交', '**。'],
    ]);
  });
});

describe.skipIf(!hasChromium)('the report in headless Chromium', () => {
  let browser: BrowserContext;
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'nuance-html-'));
    // A fresh profile each run; playwright takes it as launchPersistentContext's userDataDir.
    browser = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function open(page: string, name: string) {
    const file = path.join(work, name);
    writeFileSync(file, page);
    const url = pathToFileURL(file).href;
    const tab = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    tab.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    tab.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await tab.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    await tab.goto(url);
    await tab.waitForSelector('html[data-ready="true"]');
    return { tab, problems, requests };
  }

  it('labels each finding in its draft’s language and script, and sets its lang', async () => {
    // The built-in pack as the CLI loads it: with its locale files.
    const { pack } = await loadPack('korea-china', FIXTURES);
    if (!pack) throw new Error('korea-china does not load');
    const localized = compilePacks([pack]).ruleSet;
    const drafts = path.join(FIXTURES, 'four-drafts');
    const files = ['hant.md', 'ko.md'].map((name) => {
      const text = readFileSync(path.join(drafts, name), 'utf8');
      return { path: name, text, messages: lintDocument({ text, path: name, ruleSet: localized }).findings };
    });
    const { tab, problems } = await open(formatHtml(files, { ruleSet: localized }), 'locales.html');
    expect(await tab.locator('article.finding[lang="zh-Hant"]').count()).toBe(3);
    expect(await tab.locator('article.finding[lang="ko"]').count()).toBe(3);
    const hant = (await tab.locator('article.finding[lang="zh-Hant"]').allTextContents()).join('\n');
    expect(hant).toContain('建議用語：務實外交');
    expect(hant).toContain('建議用語（任選其一）：韓國核心利益');
    expect(hant).toContain('適用原因：');
    expect(hant).not.toMatch(/Preferred|Applies because|[实务国韩]/);
    const ko = (await tab.locator('article.finding[lang="ko"]').allTextContents()).join('\n');
    expect(ko).toContain('권장 표현(택일): 한국 핵심 이익');
    expect(ko).toContain('zh 독자');
    expect(ko).not.toMatch(/Preferred|Read by/);
    expect(problems).toEqual([]);
  });

  it('runs nothing from the drafts, loads nothing, and filters by rule', async () => {
    const { tab, problems, requests } = await open(html, 'report.html');
    const json = toJsonResults(results);
    const all = json.flatMap((r) => r.messages);
    expect(await tab.locator('article.finding').count()).toBe(all.length);
    expect(await tab.textContent('#shown-count')).toBe(String(all.length));
    expect(await tab.textContent('[data-total="findings"]')).toBe(String(all.length));
    for (const severity of ['error', 'warning', 'info', 'hint'] as const) {
      const n = all.filter((m) => m.severity === severity).length;
      expect(await tab.textContent(`[data-total-severity="${severity}"]`)).toBe(String(n));
    }
    for (const file of json.filter((f) => f.messages.length > 0)) {
      const group = tab.locator(`details.file-group[data-path="${file.path}"]`);
      expect(await group.locator('article.finding').count()).toBe(file.messages.length);
    }
    // The draft's markup is shown as text and never became elements.
    const quotes = await tab.locator('blockquote.sentence').allTextContents();
    expect(quotes).toContain('<script>alert(1)</script>双方同意恢复战略合作伙伴关系。');
    expect(quotes).toContain('"><img src=x onerror=alert(1)>韩方表示，实用外交以国家利益为中心。');
    expect(await tab.locator('main img, main script').count()).toBe(0);
    expect(await tab.locator('mark').first().textContent()).toBe('전략적 협력 동반자 관계');

    await tab.click('button.rule-filter[data-rule="korea-china/wushi-not-shiyong"]');
    expect(await tab.textContent('#shown-count')).toBe('2');
    const shown = tab.locator('article.finding:visible');
    expect(await shown.count()).toBe(2);
    expect(
      new Set(await shown.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-rule')))),
    ).toEqual(new Set(['korea-china/wushi-not-shiyong']));
    expect(await tab.locator('details.file-group:visible').count()).toBe(1);
    expect(await tab.textContent('[data-sev-count="error"]')).toBe('2');
    expect(await tab.textContent('[data-sev-count="warning"]')).toBe('0');

    await tab.click('#reset');
    await tab.uncheck('input[name="severity"][value="warning"]');
    expect(await tab.textContent('#shown-count')).toBe('3');
    expect(await tab.locator('article.finding:visible').count()).toBe(3);
    await tab.check('input[name="severity"][value="warning"]');
    expect(await tab.textContent('#shown-count')).toBe(String(all.length));

    await tab.screenshot({ path: '/tmp/nuance-report.png', fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await tab.close();
  });

  it('keeps 12,000 findings usable: a page at a time, more on request', async () => {
    const text = `${'韩国奉行实用外交，中韩恢复战略合作伙伴关系。\n\n'.repeat(6000)}`;
    const name = 'big.zh.md';
    const big = [{ path: name, text, messages: lintDocument({ text, path: name, ruleSet }).findings }];
    expect(big[0]?.messages).toHaveLength(12_000);
    const page = formatHtml(big, { ruleSet });
    const { tab, problems, requests } = await open(page, 'big.html');
    expect(await tab.textContent('#shown-count')).toBe('12000');
    expect(await tab.locator('article.finding').count()).toBe(100);
    await tab.click('button.more');
    expect(await tab.locator('article.finding').count()).toBe(200);
    await tab.selectOption('#filter-rule', { label: 'korea-china/wushi-not-shiyong (6000)' });
    expect(await tab.textContent('#shown-count')).toBe('6000');
    expect(await tab.locator('article.finding').count()).toBe(100);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await tab.close();
  });
});

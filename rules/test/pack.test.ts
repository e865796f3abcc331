import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyPackLocale,
  compilePacks,
  deserializeRuleSet,
  type Finding,
  type ParsedPack,
  parsePack,
  type RuleSet,
} from '@nuance/core';
// rules/ has no @nuance/unified dependency (nothing in the package needs it at run time), so the
// test reaches the unified package's entry point by path.
import { type ExampleResult, lintDocument, runPackExamples } from '@nuance/unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCompiled, builtinPack, builtinPacks } from '../src/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packFile = 'rules/korea-china/pack.yaml';
const packText = readFileSync(join(repo, packFile), 'utf8');

let pack: ParsedPack;
let ruleSet: RuleSet;

beforeAll(() => {
  const parsed = parsePack(packText, packFile);
  expect(parsed.problems).toEqual([]);
  if (!parsed.pack) throw new Error('korea-china did not parse');
  pack = parsed.pack;
  // The pack with its translations, as a loader reads it (its `locales` files beside it).
  for (const [locale, relative] of Object.entries(pack.definition.locales ?? {})) {
    const file = join(dirname(packFile), relative);
    const text = readFileSync(join(repo, file), 'utf8');
    expect(applyPackLocale(pack, locale as 'zh-Hans' | 'zh-Hant' | 'ko', { file, text })).toEqual([]);
  }
  const compiled = compilePacks([pack]);
  expect(compiled.problems).toEqual([]);
  ruleSet = compiled.ruleSet;
});

let exampleResults: ExampleResult[] | undefined;

// Run once for the whole pack: each rule's test then reads its own results.
function resultsFor(id: string): ExampleResult[] {
  exampleResults ??= runPackExamples(pack, ruleSet);
  return exampleResults.filter((result) => result.ruleId === id);
}

function lint(text: string, path: string): Finding[] {
  return lintDocument({ text, path, ruleSet }).findings;
}

/** `line:column ruleId` per finding: readable expectations. */
function places(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`);
}

const DATA_ONLY = [
  'korea-china/thaad',
  'korea-china/korean-wave',
  'korea-china/visa-free-entry',
  'korea-china/national-security-office',
  'korea-china/fta-second-phase',
  'korea-china/rok-us-alliance',
  'korea-china/peninsula-denuclearization',
  'korea-china/north-korea-denuclearization',
];
// Findings in bilingual files only (packages/bilingual/test): the confusable set and the numbers.
const BILINGUAL_ONLY = ['korea-china/denuclearization-scope', 'korea-china/numbers'];

describe('korea-china pack', () => {
  it('parses and compiles with no problem, with the rules the issue names', () => {
    expect(pack.definition.pack).toBe('korea-china');
    expect(pack.definition.rules.map((rule) => `${rule.id} ${rule.kind} ${rule.severity}`)).toEqual([
      'korea-china/wushi-not-shiyong term error',
      'korea-china/strategic-cooperative-partner caution warning',
      'korea-china/mutual-respect caution info',
      'korea-china/core-interests-reciprocity requires warning',
      'korea-china/practical-pragmatic-consistency consistency warning',
      'korea-china/neighborhood-diplomacy term info',
      'korea-china/sensitive-technology-cooperation caution warning',
      'korea-china/rok-first-order term warning',
      'korea-china/denuclearization term warning',
      'korea-china/thaad term info',
      'korea-china/korean-wave term info',
      'korea-china/visa-free-entry term info',
      'korea-china/national-security-office term info',
      'korea-china/central-foreign-affairs-commission-office term warning',
      'korea-china/fta-second-phase term info',
      'korea-china/rok-us-alliance term info',
      'korea-china/peninsula-denuclearization term warning',
      'korea-china/north-korea-denuclearization term warning',
      'korea-china/denuclearization-scope confusable error',
      'korea-china/numbers numbers warning',
    ]);
    for (const rule of pack.definition.rules) {
      // The numbers check comes from translation practice, not from the essay.
      if (rule.id !== 'korea-china/numbers')
        expect(rule.source, rule.id).toMatch(
          /^Jaeho Hwang, "A partnership with limits: Lee Jae-myung's China reset", 24 Jun 2025, /,
        );
      expect(rule.note?.length ?? 0, rule.id).toBeGreaterThan(60);
      expect(rule.examples.valid.length, rule.id).toBeGreaterThanOrEqual(3);
      if (!DATA_ONLY.includes(rule.id) && !BILINGUAL_ONLY.includes(rule.id))
        expect(rule.examples.invalid.length, rule.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives every deprecated term a replacement and a Traditional form', () => {
    for (const rule of pack.definition.rules) {
      if (rule.kind !== 'term') continue;
      for (const term of rule.terms) {
        if (term.status !== 'deprecated' && term.status !== 'forbidden') continue;
        expect(term.use, term.text).toBeDefined();
        if (term.lang === 'zh') expect(term.useHant, term.text).toBeDefined();
      }
    }
  });

  describe('examples (plain, CRLF, after a heading, in a list item)', () => {
    const ids = readFileSync(join(repo, packFile), 'utf8').match(/^ {2}- id: (\S+)$/gm) ?? [];
    it.each(ids.map((line) => line.replace(/^ {2}- id: /, '')))('%s', (id) => {
      const results = resultsFor(id);
      const rule = pack.definition.rules.find((candidate) => candidate.id === id);
      const count = (rule?.examples.valid.length ?? 0) + (rule?.examples.invalid.length ?? 0);
      expect(results).toHaveLength(count * 4);
      expect(
        results.filter((result) => !result.ok).map((result) => `${result.variant}: ${result.message}`),
      ).toEqual([]);
    });
  });

  it('gives no finding on the false-positive fixture', () => {
    const text = readFileSync(join(repo, 'rules/test/fixtures/false-positives.md'), 'utf8');
    for (const trap of [
      '切实用以',
      '切实用更新',
      '实用新型',
      '实用工具',
      '非常实用',
      '越南韩国',
      '중공업',
      '한국인',
      '실용외교적',
    ]) {
      expect(text).toContain(trap);
    }
    expect(text).toContain('中方将坚定维护中国的核心利益。');
    expect(lint(text, 'false-positives.md')).toEqual([]);
  });

  it('gives no finding from the preferred/admitted-only concepts, even on a text full of their terms', () => {
    const terms: string[] = [];
    for (const id of DATA_ONLY) {
      const rule = pack.definition.rules.find((candidate) => candidate.id === id);
      if (rule?.kind !== 'term') throw new Error(`${id} is not a term rule`);
      expect(rule.terms.every((term) => term.status === 'preferred' || term.status === 'admitted')).toBe(
        true,
      );
      for (const term of rule.terms) if (term.text !== undefined) terms.push(term.text);
    }
    expect(terms).toContain('萨德');
    expect(terms).toContain('무비자 입국');
    const text = `${terms.join('\n\n')}\n\n${terms.join(', ')}。\n`;
    expect(lint(text, 'terms.md')).toEqual([]);
    // The same terms do give findings once a finding rule is added next to them.
    expect(places(lint(`${text}\n韩国奉行实用外交。\n`, 'terms.md'))).toEqual([
      `${text.split('\n').length + 1}:5 korea-china/wushi-not-shiyong`,
    ]);
  });
});

describe('the samples', () => {
  // Every finding rule shows up in the samples; expectations are `line:column ruleId`.
  const expected: Record<string, string[]> = {
    'briefing.ko.md': [
      '6:19 korea-china/strategic-cooperative-partner',
      '7:7 korea-china/core-interests-reciprocity',
      '8:7 korea-china/rok-first-order',
      '8:35 korea-china/sensitive-technology-cooperation',
      '10:33 korea-china/mutual-respect',
    ],
    'press-release.en.md': [
      '13:2 korea-china/strategic-cooperative-partner',
      '14:16 korea-china/core-interests-reciprocity',
      '18:64 korea-china/central-foreign-affairs-commission-office',
      '23:46 korea-china/mutual-respect',
      '23:66 korea-china/strategic-cooperative-partner',
      '25:18 korea-china/practical-pragmatic-consistency',
      '26:9 korea-china/neighborhood-diplomacy',
    ],
    'remarks.zh.txt': ['3:8 korea-china/wushi-not-shiyong'],
    'statement-hant.zh.md': [
      '3:17 korea-china/wushi-not-shiyong',
      '5:16 korea-china/strategic-cooperative-partner',
      '5:29 korea-china/mutual-respect',
      '7:7 korea-china/core-interests-reciprocity',
      '14:10 korea-china/wushi-not-shiyong',
    ],
    'statement.zh.md': [
      '3:38 korea-china/strategic-cooperative-partner',
      '5:19 korea-china/wushi-not-shiyong',
      '10:7 korea-china/core-interests-reciprocity',
      '18:12 korea-china/denuclearization',
      '19:14 korea-china/wushi-not-shiyong',
    ],
  };

  it.each(Object.keys(expected))('%s', (name) => {
    const text = readFileSync(join(repo, 'rules/korea-china/samples', name), 'utf8');
    expect(places(lint(text, name))).toEqual(expected[name]);
  });

  it('cover every rule that can give a finding', () => {
    const shown = new Set(Object.values(expected).flatMap((list) => list.map((line) => line.split(' ')[1])));
    const finding = pack.definition.rules
      .map((rule) => rule.id)
      .filter((id) => !DATA_ONLY.includes(id) && !BILINGUAL_ONLY.includes(id));
    expect([...shown].sort()).toEqual(finding.sort());
  });

  it('fix across emphasis and in Traditional script', () => {
    const zh = readFileSync(join(repo, 'rules/korea-china/samples/statement.zh.md'), 'utf8');
    const emphasis = lint(zh, 'statement.zh.md').find((finding) => finding.line === 5);
    expect(emphasis && zh.slice(emphasis.start, emphasis.end)).toBe('实用**外交');
    expect(emphasis?.actual).toBe('实用外交');
    expect(emphasis?.fix?.text).toBe('务实');
    const hant = readFileSync(join(repo, 'rules/korea-china/samples/statement-hant.zh.md'), 'utf8');
    expect(lint(hant, 'statement-hant.zh.md')[0]?.expected).toEqual(['務實外交路線']);
  });
});

describe('the generated files', () => {
  it('are up to date (generate.mjs --check)', () => {
    const run = spawnSync(process.execPath, ['rules/scripts/generate.mjs', '--check'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('embed every pack, so nothing reads packs from disk at run time', () => {
    expect(builtinPacks.map((entry) => `${entry.name} ${entry.file}`)).toEqual([
      'korea-china rules/korea-china/pack.yaml',
    ]);
    expect(builtinPack('korea-china')?.text).toBe(packText);
    expect(builtinPack('no-such-pack')).toBeUndefined();
  });

  it('embed every pack compiled, giving the findings of the pack compiled from its YAML', () => {
    const text = builtinCompiled('korea-china');
    if (text === undefined) throw new Error('korea-china is not precompiled');
    const loaded = deserializeRuleSet(text);
    expect(loaded.problems).toEqual([]);
    expect(loaded.ruleSet.rules).toEqual(ruleSet.rules);
    for (const name of readdirSync(join(repo, 'rules/korea-china/samples'))) {
      const sample = readFileSync(join(repo, 'rules/korea-china/samples', name), 'utf8');
      const findings = lintDocument({ text: sample, path: name, ruleSet: loaded.ruleSet }).findings;
      expect(findings.length).toBeGreaterThan(0);
      expect(findings).toEqual(lint(sample, name));
    }
    expect(builtinCompiled('no-such-pack')).toBeUndefined();
  });

  describe('with a broken pack', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'nuance-generate-'));
      mkdirSync(join(dir, 'rules', 'broken'), { recursive: true });
      writeFileSync(
        join(dir, 'rules', 'broken', 'pack.yaml'),
        'pack: broken\nrules:\n  - id: broken/loud\n    kind: caution\n    severity: loud\n    message: x\n    phrases: [x]\n',
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('prints file:line:col problems and exits 1, writing nothing', () => {
      const run = spawnSync(process.execPath, ['rules/scripts/generate.mjs', '--root', dir], {
        cwd: repo,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^rules\/broken\/pack\.yaml:5:15 {2}error {2}.*`loud`.* {2}pack\/invalid-value$/m,
      );
      expect(run.stdout).toBe('');
    });
  });
});

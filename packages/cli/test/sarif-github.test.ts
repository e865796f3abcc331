import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compilePacks, type Finding, parsePack, TOOL_RULES, toolFinding } from '@nuance/core';
import { builtinPack } from '@nuance/rules';
import { lintDocument } from '@nuance/unified';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../src/reporters/github.js';
import { formatSarif } from '../src/reporters/sarif.js';
import type { FileResult } from '../src/results.js';

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;

const source = builtinPack('korea-china');
if (!source) throw new Error('korea-china pack missing');
const { pack } = parsePack(source.text, source.file);
if (!pack) throw new Error('korea-china pack does not parse');
const { ruleSet } = compilePacks([pack]);

function result(path: string, text: string): FileResult {
  return { path, text, messages: lintDocument({ text, path, ruleSet }).findings };
}

const zh = '# 声明\n\n韩国奉行实用外交，中韩是战略合作伙伴关系。\n';
const en = 'We respect China’s core interests, says Seoul.\n\nPeripheral diplomacy matters.\n';

describe('--format sarif', () => {
  const results = [result('drafts/statement.zh.md', zh), result('drafts/release en.md', en)];
  const sarif = JSON.parse(formatSarif(results, { ruleSet, cwd: '/work/project' })) as {
    runs: Array<{
      columnKind: string;
      originalUriBaseIds: Record<string, { uri: string }>;
      tool: { driver: { rules: Array<{ id: string; helpUri?: string; help?: { text: string } }> } };
      results: Array<{
        ruleId: string;
        ruleIndex: number;
        level: string;
        locations: Array<{
          physicalLocation: {
            artifactLocation: { uri: string; uriBaseId: string };
            region: Record<string, number>;
          };
        }>;
        fixes?: Array<{
          artifactChanges: Array<{
            replacements: Array<{ deletedRegion: Record<string, number>; insertedContent: { text: string } }>;
          }>;
        }>;
        partialFingerprints: Record<string, string>;
      }>;
    }>;
  };
  const run = sarif.runs[0]!;

  it('validates against the official SARIF 2.1.0 schema', () => {
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(sarifSchema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The validator does reject a broken log.
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
    expect(validate({ ...sarif, runs: [{ ...run, columnKind: 'bytes' }] })).toBe(false);
  });

  it('describes every rule, with help from the note and levels from the severity table', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(ruleSet.rules.map((r) => r.id));
    const wushi = run.tool.driver.rules.find((r) => r.id === 'korea-china/wushi-not-shiyong');
    expect(wushi?.help?.text).toContain('实用');
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(run.results.map((r) => `${r.ruleId} ${r.level}`)).toEqual([
      'korea-china/wushi-not-shiyong error',
      'korea-china/strategic-cooperative-partner warning',
      'korea-china/core-interests-reciprocity warning',
      'korea-china/neighborhood-diplomacy note',
    ]);
  });

  it('locates results with UTF-16 columns and relative URIs, and carries fixes', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///work/project/');
    const first = run.results[0]!;
    expect(first.locations[0]?.physicalLocation.artifactLocation).toEqual({
      uri: 'drafts/statement.zh.md',
      uriBaseId: '%SRCROOT%',
    });
    expect(first.locations[0]?.physicalLocation.region).toMatchObject({
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 9,
    });
    expect(first.fixes?.[0]?.artifactChanges[0]?.replacements[0]).toEqual({
      deletedRegion: {
        charOffset: 10,
        charLength: 2,
        startLine: 3,
        startColumn: 5,
        endLine: 3,
        endColumn: 7,
      },
      insertedContent: { text: '务实' },
    });
    expect(run.results[3]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'drafts/release%20en.md',
    );
  });

  it('keeps fingerprints when lines move', () => {
    const moved = JSON.parse(
      formatSarif([result('drafts/statement.zh.md', `前言。\n\n${zh}`)], { ruleSet, cwd: '/work/project' }),
    ) as typeof sarif;
    expect(moved.runs[0]?.results.map((r) => r.partialFingerprints)).toEqual(
      run.results.slice(0, 2).map((r) => r.partialFingerprints),
    );
    const fps = run.results.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(fps).size).toBe(fps.length);
  });

  it('adds tool rules such as nuance/unreadable-file on demand', () => {
    const unreadable = toolFinding('nuance/unreadable-file', 'Cannot read `bin.md`: binary file');
    const out = JSON.parse(
      formatSarif([{ path: 'bin.md', messages: [unreadable] }], { ruleSet, cwd: '/w' }),
    ) as typeof sarif;
    const r = out.runs[0]!.results[0]!;
    expect(out.runs[0]!.tool.driver.rules[r.ruleIndex]?.id).toBe('nuance/unreadable-file');
  });

  it("describes each tool rule from core's registry: description, help and level", () => {
    const findings = TOOL_RULES.map((rule) => toolFinding(rule.id, 'm'));
    const out = JSON.parse(formatSarif([{ path: 'a.md', messages: findings }], { ruleSet, cwd: '/w' }));
    const listed = new Map<string, Record<string, unknown>>(
      out.runs[0].tool.driver.rules.map((r: { id: string }) => [r.id, r]),
    );
    expect(
      TOOL_RULES.map((rule) => {
        const sarifRule = listed.get(rule.id);
        return [rule.id, sarifRule?.shortDescription, sarifRule?.help, sarifRule?.defaultConfiguration];
      }),
    ).toEqual(
      TOOL_RULES.map((rule) => [
        rule.id,
        { text: rule.description },
        { text: rule.help.replace(/`/g, ''), markdown: rule.help },
        { level: { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.severity] },
      ]),
    );
    expect(TOOL_RULES.find((rule) => rule.id === 'nuance/file-ignored')?.severity).toBe('info');
    expect(listed.get('nuance/file-ignored')?.defaultConfiguration).toEqual({ level: 'note' });
  });
});

describe('--format github', () => {
  it('prints workflow commands per the severity table, escaped, and no hints', () => {
    const base = {
      start: 0,
      end: 1,
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 4,
      actual: 'x',
      expected: [],
    };
    const messages: Finding[] = [
      { ...base, ruleId: 'p/e', severity: 'error', message: 'Use `务实外交`: 100%\nnext' },
      { ...base, ruleId: 'p/w', severity: 'warning', message: 'w' },
      { ...base, ruleId: 'p/i', severity: 'info', message: 'i' },
      { ...base, ruleId: 'p/h', severity: 'hint', message: 'h' },
    ];
    expect(formatGithub([{ path: 'a,b:c.md', messages }]).split('\n')).toEqual([
      '::error file=a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=4,title=p/e::Use “务实外交”: 100%25%0Anext',
      '::warning file=a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=4,title=p/w::w',
      '::notice file=a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=4,title=p/i::i',
      '',
    ]);
  });
});

// remark-cli with `.remarkrc` plugins naming @nuance/remark-nuance, as a user runs it: the
// findings, their positions and `--frail` exit codes, and the same findings as `nuance --format json`.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locale, plainText } from '@nuance/core';
import { beforeAll, describe, expect, it } from 'vitest';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(PACKAGE, '..', '..');
const REMARK = path.join(PACKAGE, 'node_modules', 'remark-cli', 'cli.js');
// By path: remark-cli looks reporters up from the working folder, the repository root here.
const JSON_REPORTER = path.join(PACKAGE, 'node_modules', 'vfile-reporter-json', 'index.js');
const NUANCE = path.join(ROOT, 'packages', 'cli', 'dist', 'bin.cjs');
const RC = 'packages/remark/test/fixtures/rc';
const DRAFTS = 'packages/remark/test/fixtures/drafts';
const SAMPLES = [
  'briefing.ko.md',
  'press-release.en.md',
  'remarks.zh.txt',
  'statement-hant.zh.md',
  'statement.zh.md',
].map((name) => `rules/korea-china/samples/${name}`);

interface RemarkMessage {
  reason: string;
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
  line?: number;
  column?: number;
  place?: { start: { line: number; column: number }; end: { line: number; column: number } };
  actual?: string;
  expected?: string[];
}

/** remark-cli from the repository root, with the JSON reporter; its exit code and its files. */
function remark(rc: string, files: string[], ...flags: string[]) {
  const run = spawnSync(
    process.execPath,
    [
      REMARK,
      '--rc-path',
      `${RC}/${rc}`,
      '--no-stdout',
      '--no-color',
      '--report',
      JSON_REPORTER,
      ...flags,
      ...files,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  const results = JSON.parse(run.stderr) as { path: string; messages: RemarkMessage[] }[];
  return { code: run.status, results };
}

/** `path line:col-line:col severity ruleId message`, the form both tools are compared in. */
function remarkLines(results: { path: string; messages: RemarkMessage[] }[]): string[] {
  return results.flatMap(({ path: file, messages }) =>
    messages.map((m) => {
      const { start, end } = m.place!;
      const severity = m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info';
      return `${file} ${start.line}:${start.column}-${end.line}:${end.column} ${severity} ${m.ruleId} ${m.reason}`;
    }),
  );
}

beforeAll(() => {
  // remark-cli loads the plugin, and the spawned CLI its bundle, as built.
  execFileSync('npx', ['tsc', '-b', 'packages/remark', 'packages/cli'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, ['packages/cli/scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe' });
}, 180_000);

describe('remark-cli with @nuance/remark-nuance', () => {
  it('reports the findings of the samples with their positions and fields', () => {
    const { code, results } = remark('default.json', ['rules/korea-china/samples/statement.zh.md']);
    expect(code).toBe(1);
    const messages = results[0]!.messages;
    const wushi = messages.find((m) => m.ruleId === 'korea-china/wushi-not-shiyong' && m.line === 5);
    expect(wushi).toMatchObject({
      source: 'nuance',
      fatal: true,
      column: 19,
      place: { start: { line: 5, column: 19 }, end: { line: 5, column: 25 } },
      actual: '实用外交',
      expected: ['务实外交'],
    });
    expect(messages.find((m) => m.ruleId === 'korea-china/strategic-cooperative-partner')?.fatal).toBe(false);
  });

  it('gives the same findings as `nuance --format json` (its messages as plain text)', () => {
    const nuance = spawnSync(process.execPath, [NUANCE, '--format', 'json', ...SAMPLES], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: path.join(PACKAGE, 'node_modules', '.cache') },
    });
    const expected = (
      JSON.parse(nuance.stdout) as {
        path: string;
        messages: {
          line: number;
          column: number;
          endLine: number;
          endColumn: number;
          severity: string;
          ruleId: string;
          message: string;
          locale?: Locale;
        }[];
      }[]
    ).flatMap(({ path: file, messages }) =>
      messages.map(
        (m) =>
          `${file} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity === 'hint' ? 'info' : m.severity} ${m.ruleId} ${plainText(m.message, m.locale)}`,
      ),
    );
    expect(expected.length).toBeGreaterThan(20);
    const { results } = remark('default.json', SAMPLES);
    expect(remarkLines(results)).toEqual(expected);
  });

  it('exits as `--frail` says: warnings fail it, a clean draft passes', () => {
    expect(remark('default.json', SAMPLES).code).toBe(1);
    const warning = `${DRAFTS}/warning-only.zh.md`;
    expect(remark('default.json', [warning]).code).toBe(0);
    expect(remark('default.json', [warning], '--frail').code).toBe(1);
    expect(remark('default.json', [`${DRAFTS}/clean.zh.md`], '--frail')).toMatchObject({
      code: 0,
      results: [{ messages: [] }],
    });
  });

  it('finds the .nuancerc.yaml of each file', () => {
    const { code, results } = remark(
      'default.json',
      ['packages/remark/test/fixtures/configured/warning-only.zh.md'],
      '--frail',
    );
    expect(code).toBe(0);
    expect(results[0]!.messages).toEqual([]);
  });

  it('takes plain data options over the config, and refuses bad ones', () => {
    const { results } = remark('options.json', ['rules/korea-china/samples/statement.zh.md']);
    const ids = results[0]!.messages.map((m) => m.ruleId);
    expect(ids).not.toContain('korea-china/wushi-not-shiyong');
    expect(ids).toContain('korea-china/strategic-cooperative-partner');

    const bad = spawnSync(
      process.execPath,
      [REMARK, '--rc-path', `${RC}/bad-options.json`, '--no-stdout', '--no-color', `${DRAFTS}/clean.zh.md`],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'Invalid options for @nuance/remark-nuance: Unexpected value `loud` for `korea-china/wushi-not-shiyong`',
    );
  });
});

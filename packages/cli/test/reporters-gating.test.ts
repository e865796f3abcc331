import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, withTempDir, writeTree } from './helpers.js';

const BASIC = path.join(FIXTURES, 'basic');
const CONFIG = ['--config', 'nuance.yaml'];
const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;

// basic/: a.md has an error and a warning, b.txt an error, notes/c.markdown an info.
describe('--output FILE', () => {
  for (const format of ['stylish', 'json', 'sarif', 'github'] as const) {
    it(`writes the ${format} report to the file and nothing to stdout`, async () => {
      await withTempDir(async (dir) => {
        const out = path.join(dir, `report.${format}`);
        const direct = await run([...CONFIG, '--format', format], BASIC);
        const result = await run([...CONFIG, '--format', format, '--output', out], BASIC);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe('');
        expect(result.code).toBe(1);
        const written = await readFile(out, 'utf8');
        // The file gets exactly what stdout would have shown, never colour.
        expect(written).toBe(direct.stdout);
        expect(written).not.toContain('\u001b[');
        // No temporary file is left behind.
        expect(await readdir(dir)).toEqual([`report.${format}`]);
      });
    });
  }

  it('exits 2 when the report cannot be written', async () => {
    const result = await run([...CONFIG, '--output', '/no/such/folder/r.json'], BASIC);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'nuance: Cannot write the report to `/no/such/folder/r.json`: no such file or folder\n',
    );
  });
});

describe('--format sarif and github from the command line', () => {
  it('writes valid SARIF with the rules of every config and fix regions with lines', async () => {
    const result = await run(['--format', 'sarif'], path.join(FIXTURES, 'configs'));
    const log = JSON.parse(result.stdout);
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(sarifSchema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run0 = log.runs[0];
    const ids: string[] = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('team/utilitarian');
    expect(ids).toContain('korea-china/wushi-not-shiyong');
    expect(ids).toContain('local/no-ally');
    const wushi = run0.results.find((r: { ruleId: string }) => r.ruleId === 'korea-china/wushi-not-shiyong');
    expect(wushi.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'zh/doc.md',
      uriBaseId: '%SRCROOT%',
    });
    expect(wushi.fixes[0].artifactChanges[0].replacements[0].deletedRegion).toEqual({
      charOffset: 4,
      charLength: 2,
      startLine: 1,
      startColumn: 5,
      endLine: 1,
      endColumn: 7,
    });
  });

  it('prints GitHub workflow commands: ::error, ::warning, ::notice', async () => {
    const result = await run([...CONFIG, '--format', 'github'], BASIC);
    expect(result.stdout.split('\n')).toEqual([
      '::error file=a.md,line=3,col=11,endLine=3,endColumn=32,title=team/utilitarian::Use “pragmatic diplomacy” instead of “utilitarian diplomacy”',
      '::warning file=a.md,line=5,col=3,endLine=5,endColumn=20,title=team/partner-scope::Say which scope “strategic partner” has',
      '::error file=b.txt,line=1,col=5,endLine=1,endColumn=9,title=team/zh-term::Use “务实外交” instead of “实用外交”',
      '::notice file=notes/c.markdown,line=1,col=13,endLine=1,endColumn=19,title=team/tone::Consider “call for” instead of “demand”',
      '',
    ]);
  });
});

describe('--quiet', () => {
  it('reports errors only, in every reporter', async () => {
    const stylish = await run([...CONFIG, '--quiet'], BASIC);
    expect(stylish.stdout).not.toContain('warning  ');
    expect(stylish.stdout).toContain('✖ 2 problems (2 errors, 0 warnings, 0 infos)');
    const json = JSON.parse((await run([...CONFIG, '-q', '--format', 'json'], BASIC)).stdout);
    expect(
      json.flatMap((r: { messages: { severity: string }[] }) => r.messages.map((m) => m.severity)),
    ).toEqual(['error', 'error']);
    expect(json[0]).toMatchObject({ path: 'a.md', errorCount: 1, warningCount: 0 });
    const github = await run([...CONFIG, '-q', '--format', 'github'], BASIC);
    expect(
      github.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf(' '))),
    ).toEqual(['::error', '::error']);
    const sarif = JSON.parse((await run([...CONFIG, '-q', '--format', 'sarif'], BASIC)).stdout);
    expect(sarif.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'error']);
  });

  it('prints nothing and exits 0 when there are only warnings', async () => {
    expect(await run([...CONFIG, '--quiet', 'notes'], BASIC)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('--max-warnings and exit codes', () => {
  const files = {
    // Beside the config: packs are read only inside a config's repository or folder.
    'team.yaml': readFileSync(path.join(FIXTURES, 'team.yaml'), 'utf8'),
    '.nuancerc.yaml': 'packs: [./team.yaml]\n',
    'w.md': 'A strategic partner.\n\nAnother strategic partner.\n',
    'i.md': 'Leaders demand it.\n',
  };

  it('exits 0 with warnings at the maximum, 1 over it; infos never count', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, files);
      expect((await run([], dir)).code).toBe(0);
      expect((await run(['--max-warnings', '2'], dir)).code).toBe(0);
      const over = await run(['--max-warnings', '1'], dir);
      expect(over.code).toBe(1);
      expect(over.stderr).toBe('nuance: 2 warnings, more than the maximum of 1 (--max-warnings)\n');
      expect((await run(['i.md', '--max-warnings', '0'], dir)).code).toBe(0);
      // Warnings still count under --quiet, as in ESLint: quiet hides them, the gate still sees them.
      const quiet = await run(['--quiet', '--max-warnings', '0'], dir);
      expect(quiet.code).toBe(1);
      expect(quiet.stdout).toBe('');
    });
  });

  it('exits 1 for an error whatever --max-warnings, and 2 over 1 for a setup problem', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { ...files, 'e.md': 'utilitarian diplomacy\n' });
      expect((await run(['--max-warnings', '99'], dir)).code).toBe(1);
      const setup = await run(['missing.md', 'e.md'], dir);
      expect(setup.code).toBe(2);
      expect(setup.stderr).toBe('nuance: No such file or folder: `missing.md`\n');
    });
  });
});

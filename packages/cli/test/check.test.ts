import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, findingLines, run, withTempDir } from './helpers.js';

const BASIC = path.join(FIXTURES, 'basic');

describe('nuance check', () => {
  it('lints a folder recursively in path order, skipping dot-folders and other extensions', async () => {
    const result = await run(['--config', 'nuance.yaml', '--format', 'json'], BASIC);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).map((r: { path: string }) => r.path)).toEqual([
      'a.md',
      'b.txt',
      'clean.md',
      'notes/c.markdown',
    ]);
    expect(findingLines(result.stdout)).toEqual([
      'a.md:3:11 team/utilitarian',
      'a.md:5:3 team/partner-scope',
      // The BOM is not counted: 实 is the fifth character after it.
      'b.txt:1:5 team/zh-term',
      'notes/c.markdown:1:13 team/tone',
    ]);
    expect(result.code).toBe(1);
  });

  it('keeps the argument order, lists a file once and lints an explicit file of any extension', async () => {
    const result = await run(
      [
        'check',
        'notes',
        'other.rst',
        'a.md',
        'notes/c.markdown',
        '--config',
        'nuance.yaml',
        '--format',
        'json',
      ],
      BASIC,
    );
    expect(findingLines(result.stdout)).toEqual([
      'notes/c.markdown:1:13 team/tone',
      'other.rst:1:11 team/utilitarian',
      'a.md:3:11 team/utilitarian',
      'a.md:5:3 team/partner-scope',
    ]);
  });

  it('shows paths relative to the working folder with / separators', async () => {
    const result = await run(['basic/notes', '--config', 'basic/nuance.yaml', '--format', 'json'], FIXTURES);
    expect(findingLines(result.stdout)).toEqual(['basic/notes/c.markdown:1:13 team/tone']);
  });

  it('exits 0 when there are only warnings and infos, and prints nothing when clean', async () => {
    const infoOnly = await run(['notes', '--config', 'nuance.yaml'], BASIC);
    expect(infoOnly.code).toBe(0);
    const clean = await run(['clean.md', '--config', 'nuance.yaml'], BASIC);
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints stylish output: a header per file, aligned rows and a summary', async () => {
    const result = await run(['a.md', 'b.txt', 'clean.md', '--config', 'nuance.yaml'], BASIC);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('');
    expect(lines[1]).toBe('a.md');
    expect(lines[2]).toMatch(
      /^ {2}3:11 {2}error {4}Use “pragmatic diplomacy” instead of “utilitarian diplomacy” {2}team\/utilitarian$/,
    );
    expect(lines[3]).toMatch(
      /^ {2}5:3 {3}warning {2}Say which scope “strategic partner” has +team\/partner-scope$/,
    );
    // The rule ids line up.
    expect(lines[2]!.indexOf('team/')).toBe(lines[3]!.indexOf('team/'));
    expect(lines[5]).toBe('b.txt');
    expect(lines[6]).toMatch(/^ {2}1:5 {2}error {2}Use “务实外交” instead of “实用外交” {2}team\/zh-term$/);
    expect(result.stdout.endsWith('\n✖ 3 problems (2 errors, 1 warning, 0 infos)\n')).toBe(true);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colours only on a terminal without NO_COLOR', async () => {
    const tty = await run(['a.md', '--config', 'nuance.yaml'], BASIC, { tty: true });
    expect(tty.stdout).toContain('\u001b[31merror');
    const noColor = await run(['a.md', '--config', 'nuance.yaml'], BASIC, {
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('uses the built-in korea-china pack when there is no config', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'draft.zh.md'), '# 声明\n\n韩国奉行实用外交。\n');
      const result = await run(['--format', 'json'], dir);
      expect(findingLines(result.stdout)).toEqual(['draft.zh.md:3:5 korea-china/wushi-not-shiyong']);
      expect(result.code).toBe(1);
    });
  });

  it('skips node_modules inside a folder', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'node_modules', 'x'), { recursive: true });
      await writeFile(path.join(dir, 'node_modules', 'x', 'readme.md'), 'utilitarian diplomacy\n');
      await writeFile(path.join(dir, 'draft.md'), 'utilitarian diplomacy\n');
      const config = path.join(BASIC, 'nuance.yaml');
      const result = await run(['--config', config, '--format', 'json'], dir);
      expect(findingLines(result.stdout)).toEqual(['draft.md:1:1 team/utilitarian']);
    });
  });
});

describe('exit code 2', () => {
  it('for a missing path, after linting the paths that exist', async () => {
    const result = await run(['a.md', 'no-such.md', '--config', 'nuance.yaml', '--format', 'json'], BASIC);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('nuance: No such file or folder: `no-such.md`\n');
    expect(findingLines(result.stdout)).toEqual([
      'a.md:3:11 team/utilitarian',
      'a.md:5:3 team/partner-scope',
    ]);
  });

  it('for a usage error', async () => {
    const badFormat = await run(['--format', 'xml'], BASIC);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain(
      'Unexpected value `xml` for `--format`, expected `stylish`, `json`, `sarif`, `github` or `html`',
    );
    expect(badFormat.stdout).toBe('');
    const unknownOption = await run(['--frobnicate'], BASIC);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--frobnicate'");
  });

  it('for a broken config: problems with positions on stderr, linting still done', async () => {
    const dir = path.join(FIXTURES, 'broken-config');
    const result = await run(['doc.md', '--config', 'nuance.yaml', '--format', 'json'], dir);
    expect(result.code).toBe(2);
    const problems = result.stderr.trimEnd().split('\n');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^nuance\.yaml:2:1 {2}error {2}.*`colour`.* {2}pack\/unknown-key$/),
        expect.stringMatching(/^nuance\.yaml:4:21 {2}error {2}.*`loud`.* {2}pack\/invalid-value$/),
        expect.stringMatching(
          /^nuance\.yaml:1:23 {2}error {2}.*missing-pack\.yaml.* {2}pack\/unreadable-pack$/,
        ),
        expect.stringMatching(/^nuance\.yaml:5:3 {2}error {2}.*`team\/nope`.* {2}pack\/unknown-rule$/),
      ]),
    );
    expect(problems).toHaveLength(4);
    // The valid part of the config still applies: the team pack is loaded.
    expect(findingLines(result.stdout)).toEqual(['doc.md:1:11 team/utilitarian']);
  });

  it('for a config file that cannot be read, still linting with the defaults', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'doc.md'), '韩国奉行实用外交。\n');
      const result = await run(['--config', 'nope.yaml', '--format', 'json'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^nope\.yaml:1:1 {2}error {2}Cannot read config file `.*nope\.yaml`: no such file or folder {2}pack\/unreadable-config\n$/,
      );
      expect(findingLines(result.stdout)).toEqual(['doc.md:1:5 korea-china/wushi-not-shiyong']);
    });
  });
});

describe('--help and --version', () => {
  it('prints help and the version with exit 0', async () => {
    const help = await run(['--help'], BASIC);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: nuance [check] [paths...]');
    const version = await run(['--version'], BASIC);
    const pkg = JSON.parse(await readFile(path.join(FIXTURES, '..', '..', 'package.json'), 'utf8'));
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

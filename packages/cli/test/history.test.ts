// `--changed-lines-from REF` and `--baseline FILE` / `--write-baseline FILE`: a check judged
// against history, in a git repository made for each test.
import { execFileSync } from 'node:child_process';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingLines, run, withTempDir, writeTree } from './helpers.js';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  }).trim();
}

const BASE = '# 声明\n\n韩国奉行实用外交。\n\n双方讨论了经济合作。\n';

async function repository(dir: string): Promise<string> {
  git(dir, 'init', '-q', '-b', 'main');
  await writeTree(dir, { 'drafts/声明.md': BASE, 'drafts/old.md': '旧稿：实用外交。\n' });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return git(dir, 'rev-parse', 'HEAD');
}

describe('--changed-lines-from', () => {
  it('reports only the findings on lines added or changed since REF, committed or not', async () => {
    await withTempDir(async (dir) => {
      const base = await repository(dir);
      git(dir, 'switch', '-q', '-c', 'edit');
      // Line 5 changes and gets a finding; the finding on line 3 was there before.
      await writeFile(path.join(dir, 'drafts/声明.md'), BASE.replace('经济合作', '经济合作与实用外交'));
      git(dir, 'commit', '-q', '-am', 'edit');
      // Uncommitted and untracked: they count too.
      await writeFile(path.join(dir, 'drafts/old.md'), '旧稿：实用外交。\n新句：实用外交。\n');
      await writeTree(dir, { 'drafts/new.md': '实用外交\n' });

      const all = await run(['--format', 'json', 'drafts'], dir);
      expect(findingLines(all.stdout)).toHaveLength(5);
      const changed = await run(['--format', 'json', '--changed-lines-from', base, 'drafts'], dir);
      expect(changed.stderr).toBe('');
      expect(findingLines(changed.stdout)).toEqual([
        'drafts/new.md:1:1 korea-china/wushi-not-shiyong',
        'drafts/old.md:2:4 korea-china/wushi-not-shiyong',
        'drafts/声明.md:5:11 korea-china/wushi-not-shiyong',
      ]);
      expect(changed.code).toBe(1);
      // From a subfolder, with paths relative to it; a branch name works as REF.
      const sub = await run(
        ['--format', 'json', '--changed-lines-from', 'main', '.'],
        path.join(dir, 'drafts'),
      );
      expect(findingLines(sub.stdout)).toEqual([
        'new.md:1:1 korea-china/wushi-not-shiyong',
        'old.md:2:4 korea-china/wushi-not-shiyong',
        '声明.md:5:11 korea-china/wushi-not-shiyong',
      ]);
    });
  });

  it('judges from where the branch forked, and a moved file is not new', async () => {
    await withTempDir(async (dir) => {
      await repository(dir);
      git(dir, 'switch', '-q', '-c', 'topic');
      git(dir, 'mv', 'drafts/old.md', 'drafts/moved.md');
      git(dir, 'commit', '-q', '-m', 'move');
      // main moves on after the fork: its new lines are not the branch's changes.
      git(dir, 'switch', '-q', 'main');
      await writeFile(path.join(dir, 'drafts/声明.md'), `${BASE}\n又一句实用外交。\n`);
      git(dir, 'commit', '-q', '-am', 'main moves');
      git(dir, 'switch', '-q', 'topic');
      const result = await run(['--format', 'json', '--changed-lines-from', 'main', 'drafts'], dir);
      expect(findingLines(result.stdout)).toEqual([]);
      expect(result.code).toBe(0);
    });
  });

  it('lints only the files with a changed line, for the report it would give linting them all', async () => {
    await withTempDir(async (dir) => {
      await repository(dir);
      const more: Record<string, string> = {};
      for (let i = 0; i < 5; i++) more[`drafts/more-${i}.md`] = '又一稿：实用外交。\n';
      await writeTree(dir, more);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'more');
      const base = git(dir, 'rev-parse', 'HEAD');
      await writeFile(path.join(dir, 'drafts/old.md'), '旧稿：实用外交。\n新句：实用外交。\n');
      // Changed by a deleted line only: no finding of it can be on a changed line.
      await writeFile(path.join(dir, 'drafts/声明.md'), BASE.replace('\n双方讨论了经济合作。\n', ''));
      for (const format of ['json', 'sarif', 'html']) {
        const judged = await run(['--format', format, '--changed-lines-from', base, 'drafts'], dir);
        const all = await run(['--format', 'json', 'drafts'], dir);
        expect(findingLines(all.stdout)).toHaveLength(8);
        if (format === 'json') {
          expect(findingLines(judged.stdout)).toEqual(['drafts/old.md:2:4 korea-china/wushi-not-shiyong']);
          // Every file is in the report, as a linted file.
          expect((JSON.parse(judged.stdout) as unknown[]).length).toBe(7);
        }
        expect(judged.code).toBe(1);
      }
      // The files linted are the ones --cache keeps: the one with an added line.
      await run(['--changed-lines-from', base, '--cache', 'drafts'], dir);
      const cached = JSON.parse(await readFile(path.join(dir, '.nuancecache'), 'utf8'));
      expect(Object.keys(cached.files)).toEqual(['drafts/old.md']);
    });
  });

  it('fails with exit 2 on an unknown revision or outside a repository', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'a.md': '实用外交\n' });
      const outside = await run(['--changed-lines-from', 'main', 'a.md'], dir);
      expect(outside.code).toBe(2);
      expect(outside.stderr).toMatch(/^nuance: --changed-lines-from: .*not a git repository/im);
      git(dir, 'init', '-q');
      const unknown = await run(['--changed-lines-from', 'nope', 'a.md'], dir);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('Unknown revision `nope` for `--changed-lines-from`');
    });
  });
});

describe('--baseline and --write-baseline', () => {
  it('records the known findings, then fails only on new ones, matched by fingerprint not line', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'drafts/a.md': BASE, 'drafts/b.md': '旧稿：实用外交。\n' });
      const written = await run(['--write-baseline', 'nuance-baseline.json', 'drafts'], dir);
      expect(written.code).toBe(0);
      expect(written.stdout).toBe('');
      expect(written.stderr).toBe(
        'nuance: wrote 2 known findings to nuance-baseline.json (--write-baseline)\n',
      );
      const baseline = JSON.parse(await readFile(path.join(dir, 'nuance-baseline.json'), 'utf8'));
      expect(baseline.nuanceBaseline).toBe(1);
      expect(baseline.findings.map((f: { path: string; ruleId: string; actual: string }) => f)).toEqual([
        expect.objectContaining({
          path: 'drafts/a.md',
          ruleId: 'korea-china/wushi-not-shiyong',
          actual: '实用外交',
        }),
        expect.objectContaining({
          path: 'drafts/b.md',
          ruleId: 'korea-china/wushi-not-shiyong',
          actual: '实用外交',
        }),
      ]);

      // The same fingerprints as SARIF's partialFingerprints.
      const sarif = JSON.parse((await run(['--format', 'sarif', 'drafts'], dir)).stdout);
      expect(
        sarif.runs[0].results.map((r: { partialFingerprints: object }) => r.partialFingerprints),
      ).toEqual(
        baseline.findings.map((f: { fingerprint: string }) => ({ 'nuanceFinding/v1': f.fingerprint })),
      );

      const clean = await run(['--format', 'json', '--baseline', 'nuance-baseline.json', 'drafts'], dir);
      expect([clean.code, findingLines(clean.stdout)]).toEqual([0, []]);

      // Lines added above the known finding move it; a second 实用外交 is new.
      await writeFile(path.join(dir, 'drafts/a.md'), `前言。\n\n前言二。\n\n${BASE}\n新的实用外交。\n`);
      const moved = await run(['--format', 'json', '--baseline', 'nuance-baseline.json', 'drafts'], dir);
      expect(findingLines(moved.stdout)).toEqual(['drafts/a.md:11:3 korea-china/wushi-not-shiyong']);
      expect(moved.code).toBe(1);
      // A renamed file's findings are new: the path is part of the fingerprint.
      await rename(path.join(dir, 'drafts/b.md'), path.join(dir, 'drafts/c.md'));
      const renamed = await run(
        ['--format', 'json', '--baseline', 'nuance-baseline.json', 'drafts/c.md'],
        dir,
      );
      expect(findingLines(renamed.stdout)).toEqual(['drafts/c.md:1:4 korea-china/wushi-not-shiyong']);
    });
  });

  it('combines with --changed-lines-from and rejects what cannot work', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'a.md': '实用外交\n', 'bad.json': '{"findings": []}' });
      expect((await run(['--baseline', 'missing.json', 'a.md'], dir)).stderr).toMatch(
        /^nuance: Cannot read the baseline `.*missing\.json`/,
      );
      const bad = await run(['--baseline', 'bad.json', 'a.md'], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('is not a nuance baseline');
      const both = await run(['--write-baseline', 'b.json', '--baseline', 'bad.json', 'a.md'], dir);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('`--write-baseline` records every finding');
      const misplaced = await run(['rules', 'list', '--baseline', 'b.json'], dir);
      expect(misplaced.stderr).toContain('`--baseline` applies to `nuance check` only');
    });
  });
});

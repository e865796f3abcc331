import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, findingLines, run, withTempDir, writeTree } from './helpers.js';

const CONFIGS = path.join(FIXTURES, 'configs');

describe('config discovery', () => {
  it('applies the nearest .nuancerc.yaml to each file, with no cascade, and its ignore globs', async () => {
    const result = await run(['--format', 'json'], CONFIGS);
    expect(result.stderr).toBe('');
    expect(findingLines(result.stdout)).toEqual([
      // audience/.nuancerc.yaml: korea-china, Korean readings only.
      'audience/doc.md:1:4 korea-china/strategic-cooperative-partner',
      // local-pack/.nuancerc.yaml names ./packs/local.yaml: relative to the config, not the draft.
      'local-pack/docs/deep/doc.md:1:4 local/no-ally',
      // The root config: the team pack, team/tone raised to warning; archive/** ignored.
      'root.md:3:11 team/utilitarian',
      'root.md:5:9 team/tone',
      'sub/note.txt:1:9 team/tone',
      // zh/.nuancerc.yaml: korea-china only, so `utilitarian diplomacy` (team) is not reported.
      'zh/doc.md:1:5 korea-china/wushi-not-shiyong',
    ]);
    const severities = JSON.parse(result.stdout).flatMap((r: { messages: { severity: string }[] }) =>
      r.messages.map((m) => m.severity),
    );
    expect(severities).toEqual(['warning', 'warning', 'error', 'warning', 'warning', 'error']);
    expect(result.code).toBe(1);
  });

  it('lets --config override discovery for every file', async () => {
    const result = await run(['zh', 'local-pack', '--config', '.nuancerc.yaml', '--format', 'json'], CONFIGS);
    // The team pack everywhere; local-pack/ has no team terms, so only zh/doc.md has findings.
    expect(findingLines(result.stdout)).toEqual([
      'zh/doc.md:1:5 team/zh-term',
      'zh/doc.md:3:11 team/utilitarian',
    ]);
  });

  it('reports a broken nearest config with positions, exits 2 and still lints', async () => {
    const result = await run(['--format', 'json'], path.join(FIXTURES, 'broken-nearest'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '.nuancerc.yaml:2:1  error  Unknown key `colour`  pack/unknown-key\n' +
        '.nuancerc.yaml:4:21  error  Unexpected value `loud` for `team/utilitarian`, expected `error`, `warning`, `info`, `hint` or `off`  pack/invalid-value\n',
    );
    expect(findingLines(result.stdout)).toEqual(['doc.md:1:11 team/utilitarian']);
  });

  it('prints the problems of a config shared by many files once', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        '.nuancerc.yaml': 'packs: [korea-china, ./missing.yaml]\n',
        'a.md': 'x\n',
        'b/c.md': 'y\n',
        'b/d.txt': 'z\n',
      });
      const result = await run([], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        '.nuancerc.yaml:1:22  error  Cannot read pack `./missing.yaml`: no such file or folder  pack/unreadable-pack\n',
      );
    });
  });

  it('uses the built-in defaults outside any config', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'draft.md': '韩国奉行实用外交。\n' });
      const result = await run(['--format', 'json', 'draft.md'], dir);
      expect(findingLines(result.stdout)).toEqual(['draft.md:1:5 korea-china/wushi-not-shiyong']);
    });
  });
});

describe('precedence: CLI flags > .nuancerc.yaml > defaults', () => {
  const readings = async (args: string[], cwd: string) => {
    const result = await run(['--format', 'json', ...args], cwd);
    const [file] = JSON.parse(result.stdout);
    return Object.keys(file.messages[0].audiences);
  };

  it('takes audience from the flag over the file over the default (all)', async () => {
    const dir = path.join(CONFIGS, 'audience');
    expect(await readings(['doc.md'], dir)).toEqual(['ko']);
    expect(await readings(['doc.md', '--audience', 'zh'], dir)).toEqual(['zh']);
    await withTempDir(async (tmp) => {
      await writeTree(tmp, { 'doc.md': '中韩是战略合作伙伴关系。\n' });
      expect((await readings(['doc.md'], tmp)).sort()).toEqual(['ko', 'zh']);
    });
  });
});

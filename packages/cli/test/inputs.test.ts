import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles, displayPath } from '../src/files.js';
import { readSnapshot } from '../src/read-file.js';
import { FIXTURES, findingLines, run, withTempDir, writeTree } from './helpers.js';

const TEAM = path.join(FIXTURES, 'team.yaml');
// The pack beside the config: packs are read only inside a config's repository or folder.
const LOCAL_TEAM = { 'team.yaml': readFileSync(TEAM, 'utf8') };
const BAD = 'We pursue utilitarian diplomacy.\n';

describe('globs', () => {
  it('expands a glob to its Markdown and text files, sorted, skipping node_modules', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        ...LOCAL_TEAM,
        '.nuancerc.yaml': 'packs: [./team.yaml]\n',
        'drafts/b.md': BAD,
        'drafts/a.txt': BAD,
        'drafts/deep/c.markdown': BAD,
        'drafts/image.png': 'x',
        'drafts/node_modules/d.md': BAD,
      });
      const result = await run(['drafts/**/*', '--format', 'json'], dir);
      expect(findingLines(result.stdout)).toEqual([
        'drafts/a.txt:1:11 team/utilitarian',
        'drafts/b.md:1:11 team/utilitarian',
        'drafts/deep/c.markdown:1:11 team/utilitarian',
      ]);
      const md = await run(['drafts/*.md', '--format', 'json'], dir);
      expect(findingLines(md.stdout)).toEqual(['drafts/b.md:1:11 team/utilitarian']);
    });
  });

  it('treats an existing path with glob characters as a path, not a pattern', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { '[draft].md': BAD, 'd.md': BAD });
      const { files, errors } = await collectFiles(['[draft].md'], dir);
      expect(errors).toEqual([]);
      expect(files.map((f) => displayPath(f, dir))).toEqual(['[draft].md']);
    });
  });

  it('exits 2 for a glob that matches nothing, or only ignored files, after linting the rest', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        ...LOCAL_TEAM,
        '.nuancerc.yaml': 'packs: [./team.yaml]\nignore: ["old/**"]\n',
        'a.md': BAD,
        'old/b.md': BAD,
      });
      const result = await run(['*.rst', 'old/*.md', 'a.md', '--format', 'json'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'nuance: No files match `*.rst`\nnuance: All files matching `old/*.md` are ignored\n',
      );
      expect(findingLines(result.stdout)).toEqual(['a.md:1:11 team/utilitarian']);
    });
  });
});

describe('.gitignore and config ignore', () => {
  it('honours .gitignore files from the repository root down, with re-inclusion', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'repo', '.git'), { recursive: true });
      await writeTree(dir, {
        'repo/.gitignore': 'build/\n*.tmp.md\n',
        'repo/docs/.gitignore': 'private/\n!keep.tmp.md\n',
        'repo/docs/a.md': BAD,
        'repo/docs/x.tmp.md': BAD,
        'repo/docs/keep.tmp.md': BAD,
        'repo/docs/private/p.md': BAD,
        'repo/docs/build/out.md': BAD,
        'repo/build/out.md': BAD,
      });
      // Walking docs/ inside the repository still reads the repository root's .gitignore.
      const { files, errors } = await collectFiles(['docs'], path.join(dir, 'repo'));
      expect(errors).toEqual([]);
      expect(files.map((f) => displayPath(f, path.join(dir, 'repo')))).toEqual([
        'docs/a.md',
        'docs/keep.tmp.md',
      ]);
      const all = await collectFiles([], path.join(dir, 'repo'));
      expect(all.files.map((f) => displayPath(f, path.join(dir, 'repo')))).toEqual([
        'docs/a.md',
        'docs/keep.tmp.md',
      ]);
    });
  });

  it('uses the walked folder as the root outside a git repository', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { '.gitignore': 'skip.md\n', 'skip.md': BAD, 'keep.md': BAD });
      const { files } = await collectFiles([], dir);
      expect(files.map((f) => displayPath(f, dir))).toEqual(['keep.md']);
      const without = await collectFiles([], dir, { gitignore: false });
      expect(without.files.map((f) => displayPath(f, dir))).toEqual(['keep.md', 'skip.md']);
    });
  });

  it('does not lint an explicitly named ignored file: an info finding says why (as ESLint warns)', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        '.gitignore': 'generated.md\n',
        ...LOCAL_TEAM,
        '.nuancerc.yaml': 'packs: [./team.yaml]\nignore: ["archive/"]\n',
        'generated.md': BAD,
        'archive/old.md': BAD,
        'a.md': BAD,
      });
      const result = await run(
        ['generated.md', 'archive/old.md', 'a.md', '--format', 'json', '--max-warnings', '0'],
        dir,
      );
      expect(result.code).toBe(1);
      const output = JSON.parse(result.stdout);
      expect(output.map((r: { path: string }) => r.path)).toEqual(['generated.md', 'archive/old.md', 'a.md']);
      expect(output[0].messages).toEqual([
        expect.objectContaining({
          ruleId: 'nuance/file-ignored',
          severity: 'info',
          message: 'File ignored by `.gitignore`; it was not linted',
        }),
      ]);
      expect(output[1].messages[0].message).toBe(
        'File ignored by `ignore` in `.nuancerc.yaml`; it was not linted',
      );
      expect(findingLines(result.stdout)[2]).toBe('a.md:1:11 team/utilitarian');
      // Only ignored files: exit 0, even with --max-warnings 0 (a pre-commit hook passes names).
      const onlyIgnored = await run(['generated.md', '--max-warnings', '0'], dir);
      expect(onlyIgnored.code).toBe(0);
    });
  });
});

describe('--stdin', () => {
  it('lints stdin as plain text under the working folder config, shown as <stdin>', async () => {
    const result = await run(
      ['--stdin', '--config', TEAM.replace('team.yaml', 'basic/nuance.yaml'), '--format', 'json'],
      FIXTURES,
      {
        stdin: '# 实用外交\n\nutilitarian diplomacy\n',
      },
    );
    expect(result.stderr).toBe('');
    expect(findingLines(result.stdout)).toEqual(['<stdin>:1:3 team/zh-term', '<stdin>:3:1 team/utilitarian']);
  });

  it('takes the format, the nearest config and the language from --stdin-filename', async () => {
    // `configs/zh/x.md` is Markdown under configs/zh/.nuancerc.yaml (korea-china only).
    const text = '```\n实用外交\n```\n\n韩国奉行实用外交。\n';
    const result = await run(
      ['--stdin', '--stdin-filename', 'configs/zh/x.md', '--format', 'json'],
      FIXTURES,
      {
        stdin: text,
      },
    );
    expect(findingLines(result.stdout)).toEqual(['configs/zh/x.md:5:5 korea-china/wushi-not-shiyong']);
    // As plain text the fenced block is prose too.
    const asText = await run(
      ['--stdin', '--stdin-filename', 'configs/zh/x.txt', '--format', 'json'],
      FIXTURES,
      {
        stdin: text,
      },
    );
    expect(findingLines(asText.stdout)).toEqual([
      'configs/zh/x.txt:2:1 korea-china/wushi-not-shiyong',
      'configs/zh/x.txt:5:5 korea-china/wushi-not-shiyong',
    ]);
  });

  it('reports stdin that is not UTF-8 as an unreadable file', async () => {
    const result = await run(['--stdin', '--format', 'json'], FIXTURES, {
      stdin: Uint8Array.of(0x61, 0, 0x62),
    });
    expect(result.code).toBe(1);
    expect(findingLines(result.stdout)).toEqual(['<stdin>:1:1 nuance/unreadable-file']);
  });
});

describe('unreadable files among many', () => {
  it('reports each and lints the rest of a folder', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        ...LOCAL_TEAM,
        '.nuancerc.yaml': 'packs: [./team.yaml]\n',
        'a.md': BAD,
        'b.md': Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0),
        'c.txt': Buffer.concat([Buffer.from('ok '), Buffer.from([0xc3, 0x28])]),
        'd.md': BAD,
      });
      const result = await run(['--format', 'json'], dir);
      expect(result.code).toBe(1);
      expect(findingLines(result.stdout)).toEqual([
        'a.md:1:11 team/utilitarian',
        'b.md:1:1 nuance/unreadable-file',
        'c.txt:1:4 nuance/unreadable-file',
        'd.md:1:11 team/utilitarian',
      ]);
    });
  });

  it('gives a snapshot with bytes, BOM and mode, or a finding when reading fails', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'bom.md': Buffer.from('\uFEFF务实\r\n', 'utf8') });
      const read = readSnapshot(path.join(dir, 'bom.md'), 'bom.md');
      expect(read.ok).toBe(true);
      if (read.ok) {
        expect(read.snapshot).toMatchObject({ displayPath: 'bom.md', text: '务实\r\n', bom: true });
        expect(read.snapshot.bytes.length).toBe(3 + 6 + 2);
        expect(read.snapshot.mode & 0o777).toBeGreaterThan(0);
      }
      const folder = readSnapshot(dir, 'dir');
      expect(folder.ok).toBe(false);
      if (!folder.ok) expect(folder.finding.message).toBe('Cannot read file: it is a folder');
    });
  });
});

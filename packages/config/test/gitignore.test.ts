import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitignoreTree } from '../src/index.js';
import { withDir } from './helpers.js';

describe('GitignoreTree', () => {
  it('applies every .gitignore from the repository root down, a deeper one re-including', async () => {
    const files = {
      // A BOM is not part of the first pattern.
      'repo/.gitignore': '\uFEFFbuild/\n*.tmp.md\n',
      'repo/docs/.gitignore': 'private/\n!keep.tmp.md\n',
    };
    await withDir(files, async (dir) => {
      await mkdir(path.join(dir, 'repo', '.git'));
      const repo = path.join(dir, 'repo');
      const tree = new GitignoreTree();
      const root = await tree.rootFor(path.join(repo, 'docs'));
      expect(root).toBe(repo);
      const ignored = (file: string, isDir = false) => tree.isIgnored(root, path.join(repo, file), isDir);
      expect(await ignored('build', true)).toBe(true);
      expect(await ignored('docs/build', true)).toBe(true);
      expect(await ignored('docs/x.tmp.md')).toBe(true);
      expect(await ignored('docs/keep.tmp.md')).toBe(false);
      expect(await ignored('docs/private', true)).toBe(true);
      expect(await ignored('private', true)).toBe(false);
      expect(await ignored('docs/a.md')).toBe(false);
      // Outside the root nothing is ignored.
      expect(await tree.isIgnored(root, path.join(dir, 'x.tmp.md'), false)).toBe(false);
    });
  });

  it('uses the folder itself as the root outside a git repository', async () => {
    await withDir({ 'a/.gitignore': 'skip.md\n' }, async (dir) => {
      const tree = new GitignoreTree();
      const folder = path.join(dir, 'a');
      // The temporary folder is not inside a repository.
      expect(await tree.rootFor(folder)).toBe(folder);
      expect(await tree.isIgnored(folder, path.join(folder, 'skip.md'), false)).toBe(true);
    });
  });
});

/// <reference types="node" />
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { stripBom } from '@nuance/core';
import ignore from 'ignore';
import { readText } from './text-file.js';

type Ignore = ReturnType<typeof ignore>;

/** Whether the entry `name` of a folder (a folder itself when `isDir`) is ignored. */
export type EntryCheck = (name: string, isDir: boolean) => boolean;

/**
 * `.gitignore` files, read lazily and cached per folder. A path is checked against every
 * `.gitignore` from its root folder down to its own folder, each relative to where it lives; a
 * deeper file can re-include (`!pattern`) what a shallower one excluded, as in git. The root is the
 * enclosing git repository (the nearest folder up with a `.git`), else the folder being walked.
 * Not read: `.git/info/exclude` and the global excludes file (they are per clone, not per project).
 */
export class GitignoreTree {
  private readonly files = new Map<string, Promise<Ignore | undefined>>();
  private readonly repoRoots = new Map<string, Promise<string | undefined>>();

  /** The folder whose `.gitignore` is the outermost that applies to paths under `start`. */
  async rootFor(start: string): Promise<string> {
    return (await this.repoRoot(path.resolve(start))) ?? path.resolve(start);
  }

  /** Whether `absPath` (a folder when `isDir`) is ignored by the `.gitignore` files under `root`. */
  async isIgnored(root: string, absPath: string, isDir: boolean): Promise<boolean> {
    const relative = path.relative(root, absPath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return (await this.entriesOf(root, path.dirname(absPath)))(path.basename(absPath), isDir);
  }

  /**
   * What the `.gitignore` files under `root` say of the entries of folder `dir` (at or under
   * `root`), by name: loaded once, then asked without a wait (a folder walk asks of every entry;
   * an await each cost more than the walk). Without a `.gitignore` on the way, nothing is ignored.
   */
  async entriesOf(root: string, dir: string): Promise<EntryCheck> {
    const relative = path.relative(root, dir);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return () => false;
    const parts = relative === '' ? [] : relative.split(path.sep);
    // Each folder from the root down to `dir`, with the path from it to `dir` (`a/b/`).
    const chain: { rules: Ignore; prefix: string }[] = [];
    let at = root;
    for (let depth = 0; depth <= parts.length; depth++) {
      const rules = await this.load(at);
      if (rules)
        chain.push({
          rules,
          prefix: parts
            .slice(depth)
            .map((p) => `${p}/`)
            .join(''),
        });
      if (depth < parts.length) at = path.join(at, parts[depth] as string);
    }
    if (chain.length === 0) return () => false;
    return (name, isDir) => {
      let ignored = false;
      for (const { rules, prefix } of chain) {
        const verdict = rules.test(prefix + name + (isDir ? '/' : ''));
        if (verdict.ignored) ignored = true;
        else if (verdict.unignored) ignored = false;
      }
      return ignored;
    };
  }

  private load(dir: string): Promise<Ignore | undefined> {
    let loaded = this.files.get(dir);
    if (!loaded) {
      loaded = readText(path.join(dir, '.gitignore')).then(
        (text) => ignore({ allowRelativePaths: true }).add(stripBom(text)),
        () => undefined,
      );
      this.files.set(dir, loaded);
    }
    return loaded;
  }

  private repoRoot(dir: string): Promise<string | undefined> {
    let found = this.repoRoots.get(dir);
    if (!found) {
      found = (async () => {
        // A `.git` folder, or a `.git` file in a worktree or submodule.
        if (await exists(path.join(dir, '.git'))) return dir;
        const parent = path.dirname(dir);
        return parent === dir ? undefined : this.repoRoot(parent);
      })();
      this.repoRoots.set(dir, found);
    }
    return found;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

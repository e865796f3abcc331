/// <reference types="node" />
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError, GitignoreTree } from '@nuance/config';
import { glob, isDynamicPattern } from 'tinyglobby';
import { errorCode } from './atomic-file.js';

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

export const LINTED_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.xlf', '.xliff'];

/** Why a file is excluded (`ignore` of a config), or undefined when it is not. */
export type IgnoreCheck = (absPath: string) => Promise<string | undefined> | string | undefined;

export interface CollectOptions {
  /** Config `ignore` globs; folders walked and globs expanded skip what this excludes. */
  isIgnored?: IgnoreCheck;
  /** Honour `.gitignore` files (default true). */
  gitignore?: boolean;
}

export interface FileList {
  /** Absolute paths, in a stable order: arguments as given, each folder or glob sorted by path. */
  files: string[];
  /**
   * Files named on the command line that an ignore pattern covers, with the reason: listed in
   * `files` (so they keep their place) but not linted.
   */
  ignored: Map<string, string>;
  /** Problems with the arguments: a missing path, a folder with nothing to lint, an empty glob. */
  errors: string[];
  /** Files a folder walk listed as regular files (see config's `SyncReadOptions.listedRegular`). */
  listed: Set<string>;
}

/**
 * Expand the path arguments into files. An argument that exists is a path (so a file named
 * `[draft].md` needs no quoting); otherwise one with `*?[]{}` is a glob. An explicit file is
 * linted whatever its extension; a folder or a glob yields its Markdown and text files, skipping
 * `node_modules`, dot-folders, `.gitignore`d and config-ignored paths. A file reached twice is
 * listed once (first place).
 */
export async function collectFiles(
  paths: readonly string[],
  cwd: string,
  options: CollectOptions = {},
): Promise<FileList> {
  const explicit = paths.length > 0;
  const files: string[] = [];
  const ignored = new Map<string, string>();
  const errors: string[] = [];
  const listed = new Set<string>();
  const seen = new Set<string>();
  const gitignore = options.gitignore === false ? undefined : new GitignoreTree();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  const whyIgnored = async (file: string, root: string | undefined): Promise<string | undefined> => {
    if (gitignore) {
      const gitRoot = root ?? (await gitignore.rootFor(path.dirname(file)));
      if (await gitignore.isIgnored(gitRoot, file, false)) return 'File ignored by `.gitignore`';
    }
    return (await options.isIgnored?.(file)) ?? undefined;
  };

  for (const arg of explicit ? paths : ['.']) {
    const absolute = path.resolve(cwd, arg);
    let info: Stats | undefined;
    try {
      info = await stat(absolute);
    } catch (error) {
      // A path that exists but cannot be looked at (permission denied, a loop of symbolic links)
      // is no glob and no missing file: say why.
      if (!MISSING.has(errorCode(error))) {
        errors.push(`Cannot read \`${arg}\`: ${describeFsError(error)}`);
        continue;
      }
      info = undefined;
    }
    if (!info) {
      if (isDynamicPattern(arg)) {
        const matched = await expandGlob(arg, cwd);
        if (matched.length === 0) {
          errors.push(`No files match \`${arg}\``);
          continue;
        }
        const kept: string[] = [];
        for (const file of matched) if ((await whyIgnored(file, undefined)) === undefined) kept.push(file);
        if (kept.length === 0) errors.push(`All files matching \`${arg}\` are ignored`);
        kept.forEach(add);
      } else {
        errors.push(`No such file or folder: \`${arg}\``);
      }
      continue;
    }
    if (!info.isDirectory()) {
      // Named on purpose: kept in the list, but an ignore pattern still wins (as in ESLint).
      const reason = seen.has(absolute) ? undefined : await whyIgnored(absolute, undefined);
      if (reason !== undefined) ignored.set(absolute, reason);
      add(absolute);
      continue;
    }
    const root = gitignore ? await gitignore.rootFor(absolute) : absolute;
    const found = await notIgnored(await walk(absolute, gitignore, root, listed), options.isIgnored);
    if (found.length === 0 && explicit) {
      errors.push(`No Markdown or text files in \`${arg}\``);
    }
    sortPaths(found).forEach(add);
  }
  return { files, ignored, errors, listed };
}

/**
 * `files` without those `isIgnored` excludes, in order; asked of all at once (the check is per
 * folder underneath), not with a wait per file in a loop.
 */
async function notIgnored(files: string[], isIgnored: IgnoreCheck | undefined): Promise<string[]> {
  if (!isIgnored) return files;
  const reasons = await Promise.all(files.map((file) => isIgnored(file)));
  return files.filter((_, i) => reasons[i] === undefined);
}

export function isLintedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return LINTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

// Plain code-unit order, not locale order: the same listing on every machine.
function sortPaths(files: string[]): string[] {
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const matched = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**'],
  });
  return sortPaths(matched.map((f) => path.resolve(f)).filter((f) => isLintedFile(f)));
}

async function walk(
  dir: string,
  gitignore: GitignoreTree | undefined,
  root: string,
  listed: Set<string>,
): Promise<string[]> {
  const out: string[] = [];
  const pending = [dir];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      // An unreadable sub-folder is skipped like an ignored one; its files were never asked for by name.
      continue;
    }
    const ignored = gitignore ? await gitignore.entriesOf(root, current) : undefined;
    // `current` is absolute and normalized: a name is joined without path.join's normalizing.
    const under = current.endsWith(path.sep) ? current : current + path.sep;
    for (const entry of entries) {
      const full = under + entry.name;
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        if (ignored?.(entry.name, true)) continue;
        pending.push(full);
      } else if (isLintedFile(entry.name)) {
        if (ignored?.(entry.name, false)) continue;
        // Symlinked folders are not followed (no cycles); a symlink to a file is linted. A FIFO or a
        // device (or a link to one) is listed too: reading it gives a finding, never a hang.
        if (entry.isFile()) listed.add(full);
        if (!entry.isSymbolicLink() || (await isNotFolder(full))) out.push(full);
      }
    }
  }
  return out;
}

/** Whether a symbolic link leads to something that exists and is not a folder. */
async function isNotFolder(file: string): Promise<boolean> {
  try {
    return !(await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** A path as shown in reports: relative to the working folder, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  // A file the walk listed under the working folder (most of a run): the rest of its path, without
  // path.relative's resolving both paths again for each of thousands of files.
  const under = normalizedFolder(cwd);
  if (under !== undefined && file.startsWith(under)) {
    const rest = file.slice(under.length);
    if (rest !== '' && !NOT_PLAIN.test(rest)) return path.sep === '/' ? rest : rest.split(path.sep).join('/');
  }
  const relative = path.relative(cwd, file) || path.basename(file);
  return relative.split(path.sep).join('/');
}

// A rest of a path that path.relative would not give back as it is: `.`, `..`, an empty part.
const NOT_PLAIN = /(?:^|[\\/])\.{1,2}(?:[\\/]|$)|[\\/]{2}|^[\\/]|[\\/]$/;
let lastFolder: { cwd: string; under: string | undefined } | undefined;

/** `cwd` with a separator after it when it is absolute and normalized, else undefined. */
function normalizedFolder(cwd: string): string | undefined {
  if (lastFolder?.cwd !== cwd) {
    const plain = path.isAbsolute(cwd) && path.resolve(cwd) === cwd;
    lastFolder = { cwd, under: plain ? (cwd.endsWith(path.sep) ? cwd : cwd + path.sep) : undefined };
  }
  return lastFolder.under;
}

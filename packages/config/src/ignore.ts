/// <reference types="node" />
import path from 'node:path';
import ignore from 'ignore';

/** Whether an absolute path is excluded by gitignore-style patterns anchored at `baseDir`. */
export type IgnoreMatcher = (absPath: string) => boolean;

/**
 * A matcher for config `ignore` globs (gitignore semantics, relative to the config file's folder).
 * A path outside `baseDir` is never ignored: a config only speaks for the files under it.
 */
export function createIgnoreMatcher(baseDir: string, patterns: readonly string[]): IgnoreMatcher {
  if (patterns.length === 0) return () => false;
  const matcher = ignore({ allowRelativePaths: true }).add([...patterns]);
  return (absPath) => {
    const relative = relativeInside(baseDir, absPath);
    return relative !== undefined && matcher.ignores(relative);
  };
}

/** One-off form of `createIgnoreMatcher` (build the matcher once when testing many paths). */
export function isIgnored(baseDir: string, patterns: readonly string[], absPath: string): boolean {
  return createIgnoreMatcher(baseDir, patterns)(absPath);
}

/** `absPath` relative to `baseDir` with `/` separators, or undefined when it is not inside. */
export function relativeInside(baseDir: string, absPath: string): string | undefined {
  const relative = path.relative(path.resolve(baseDir), path.resolve(absPath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

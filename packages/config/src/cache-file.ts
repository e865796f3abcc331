/// <reference types="node" />
// Writing a cache file: the rule-set cache's digest memo, the word segmenter's answers, `--cache`'s
// results. Into a file beside it, then renamed over it, so that a reader sees the old file or the
// new one, never half of one; without a sync (a lost cache costs one slower run; `--fix` and
// `--output` write drafts and reports with the CLI's atomic-file.ts, which syncs).
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Replace (or create) `file` with `data`; `mode` for a new file (default: what a plain write
 * gives). The folder must exist. Throws the write's error, with nothing left beside the file.
 */
export function writeCacheFile(file: string, data: string, mode?: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data, mode === undefined ? {} : { mode });
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {}
    throw error;
  }
}

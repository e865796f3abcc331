// Where the real-text corpus is (../shared/corpus, beside the repository, never copied into it)
// and its drafts in a fixed order: the one walk of it for the tests that read it (rules' corpus
// counts, unified's fast-path and all-segments) and for differential.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/corpus. */
export const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

/** Whether the corpus is there (its README is). */
export const corpusPresent = existsSync(join(corpus, 'README.md'));

/**
 * The drafts (`.md`, `.txt`, a README left out) under `dir`, searched recursively, in a fixed order.
 * @param {string} dir
 * @returns {string[]}
 */
export function drafts(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return drafts(path);
      return /\.(md|txt)$/.test(name) && name !== 'README.md' ? [path] : [];
    });
}

/// <reference types="node" />
// Where a Chinese candidate starts a word is ICU's word segmenter's answer (core's `hanStartOk`),
// and making the segmenter costs 14-20 ms of a run's start: a run over one draft with a Chinese
// term spent 20 of its 165 ms of CPU there. The answers depend on a window of text and ICU's data
// alone, so the CLI keeps them in its cache folder, one file per ICU version, and a run that meets
// only windows an earlier run answered never makes the segmenter (a draft linted again, in CI or a
// pre-commit hook). A file that cannot be read or written is only a slower run.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeCacheFile } from '@nuance/config';
import { hanWordsMade, keepHanWords } from '@nuance/core';

/** Answers kept at most (about 40 bytes each): the newest first. */
const KEPT = 20_000;
// With the `u` flag, a surrogate in this class matches only where it stands alone.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Keep core's segmenter answers in `dir` (the CLI's cache folder): read when first needed, and with
 * `write` (the main thread; not a --jobs worker, lest they race) the new ones written at exit.
 */
export function keepHanWordsIn(dir: string, write = true): void {
  const file = path.join(dir, `han-words-icu-${process.versions.icu ?? 'none'}.tsv`);
  let before: Map<string, boolean> | undefined;
  const read = () => {
    before ??= readAnswers(file);
    return before;
  };
  keepHanWords(read);
  if (!write) return;
  process.once('exit', () => {
    const made = hanWordsMade();
    if (made.size === 0) return;
    const lines: string[] = [];
    // A lone surrogate would not come back from UTF-8 as it was: such a window is not kept.
    for (const [key, ok] of made) if (!LONE_SURROGATE.test(key)) lines.push(`${ok ? 1 : 0}\t${key}`);
    for (const [key, ok] of read()) {
      if (lines.length >= KEPT) break;
      if (!made.has(key)) lines.push(`${ok ? 1 : 0}\t${key}`);
    }
    writeAtomically(file, `${lines.join('\n')}\n`);
  });
}

/** The answers a file holds: lines `1<TAB>key` or `0<TAB>key` (a key holds no line break); others are skipped. */
export function readAnswers(file: string): Map<string, boolean> {
  const answers = new Map<string, boolean>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return answers;
  }
  for (const line of text.split('\n')) {
    const ok = line.charCodeAt(0);
    if ((ok === 0x30 || ok === 0x31) && line.charCodeAt(1) === 0x09 && line.length > 2 && answers.size < KEPT)
      answers.set(line.slice(2), ok === 0x31);
  }
  return answers;
}

function writeAtomically(file: string, text: string): void {
  try {
    // The cache folder itself, not its parents (the bin makes those; a recursive mkdir can loop
    // where a folder cannot be made).
    try {
      mkdirSync(path.dirname(file), { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return;
    }
    writeCacheFile(file, text, 0o600);
  } catch {}
}

// The benchmark corpus: ../shared/bench/make-corpus.py over ../shared/corpus, the same bytes for
// the same size, generated once per size into the cache (built in a temporary folder and renamed,
// so an interrupted run never leaves half a corpus behind).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './files.js';

export interface Corpus {
  dir: string;
  /** Every file, sorted, absolute. */
  files: string[];
  bytes: number;
}

export function sharedCorpus(shared: string): string {
  return path.join(shared, 'corpus');
}

/** Whether the real-text corpus the bench builds from is there (it lives beside the repository). */
export function sharedCorpusPresent(shared: string): boolean {
  return existsSync(path.join(sharedCorpus(shared), 'README.md'));
}

/** `10mb`, `0.5mb`: the folder name of a corpus of that size. */
export function sizeKey(sizeMb: number): string {
  return `${sizeMb}mb`;
}

/** Runs one of the shared generators, failing with its own message. */
export function runGenerator(shared: string, name: string, args: string[]): void {
  const script = path.join(shared, 'bench', name);
  if (!existsSync(script)) throw new Error(`${script} is absent: it builds the bench's inputs`);
  try {
    execFileSync('python3', [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`python3 ${name} ${args.join(' ')} failed: ${stderr || String(error)}`);
  }
}

export function ensureCorpus(shared: string, cache: string, sizeMb: number): Corpus {
  const dir = path.join(cache, 'corpus', sizeKey(sizeMb));
  if (!existsSync(dir)) {
    if (!sharedCorpusPresent(shared))
      throw new Error(`${sharedCorpus(shared)} is absent: the bench builds its corpus from it`);
    const temporary = `${dir}.tmp-${process.pid}`;
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    runGenerator(shared, 'make-corpus.py', [sharedCorpus(shared), temporary, String(sizeMb)]);
    try {
      renameSync(temporary, dir);
    } catch (error) {
      // Another bench built the same corpus meanwhile: same inputs, same bytes, keep theirs.
      rmSync(temporary, { recursive: true, force: true });
      if (!existsSync(dir)) throw error;
    }
  }
  const files = listFiles(dir);
  return { dir, files, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

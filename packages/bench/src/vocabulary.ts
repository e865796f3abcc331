// The vocabularies the tools are given: the 24 seed terms, N terms from make-terms.py, the same N
// terms with all but the seed's made unmatchable (the size of a termbase apart from the findings
// it gives), or the built-in korea-china pack (nuance only: its contexts, cautions and
// requirements have no equivalent in the peers). A generated term list is kept in the cache
// (make-terms.py takes seconds); every tool's files are rewritten from it on each run
// (milliseconds), so they never go stale when the formats change.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGenerator, sharedCorpus } from './corpus.js';
import {
  grepPatterns,
  nuanceConfig,
  nuancePack,
  parseTsv,
  prhYaml,
  type Term,
  textlintConfig,
  wordList,
} from './formats.js';

export interface Vocabulary {
  /** `24-terms`, `10000-terms`, `10000-unmatched`, `korea-china`. */
  id: string;
  label: string;
  /** The `.nuancerc.yaml` that loads it. */
  nuanceConfig: string;
  /** The pack file, for the engine alone; undefined for a built-in pack. */
  pack?: string;
  /** The terms and the peers' files; undefined for the built-in pack. */
  terms?: {
    count: number;
    textlintConfig: string;
    words: string;
    patterns: string;
  };
}

/** Writes through a temporary file, so a bench running beside this one never reads half a file. */
function write(file: string, content: string): string {
  writeFileSync(`${file}.tmp-${process.pid}`, content);
  renameSync(`${file}.tmp-${process.pid}`, file);
  return file;
}

function seedFile(shared: string): string {
  return path.join(shared, 'bench', 'terms-seed.tsv');
}

function termsTsv(shared: string, count: number, dir: string): string {
  const seed = seedFile(shared);
  const seedCount = parseTsv(readFileSync(seed, 'utf8')).length;
  if (count === seedCount) return seed;
  if (count < seedCount)
    throw new Error(`A vocabulary of ${count} terms: the seed list alone has ${seedCount}`);
  const file = path.join(dir, 'terms.tsv');
  if (!existsSync(file)) {
    const temporary = `${file}.tmp-${process.pid}`;
    runGenerator(shared, 'make-terms.py', [sharedCorpus(shared), seed, String(count), temporary]);
    renameSync(temporary, file);
  }
  return file;
}

/**
 * Appended to a term's forms in an `N-unmatched` vocabulary: a letter no corpus text holds
 * (U+A66E CYRILLIC LETTER MULTIOCULAR O), so every form is still walked as far as the text goes
 * with it, and none is ever found whole.
 */
export const UNMATCHABLE = '\ua66e';

/**
 * `terms` with the forms of every term but the seed's ending in UNMATCHABLE: the same number of
 * terms, the same prefixes to walk in the text, and the findings of the seed alone.
 */
export function unmatchedBeyond(terms: readonly Term[], seed: readonly Term[]): Term[] {
  const kept = new Set(seed.map((t) => `${t.lang}\t${t.pattern}`));
  return terms.map((t) =>
    kept.has(`${t.lang}\t${t.pattern}`)
      ? t
      : { ...t, pattern: t.pattern + UNMATCHABLE, expected: t.expected + UNMATCHABLE },
  );
}

function termVocabulary(shared: string, cache: string, count: number, unmatched: boolean): Vocabulary {
  const id = `${count}-${unmatched ? 'unmatched' : 'terms'}`;
  const dir = path.join(cache, 'vocabulary', id);
  mkdirSync(dir, { recursive: true });
  // An unmatched vocabulary's term list is the N-term one's, generated once for both.
  const listDir = path.join(cache, 'vocabulary', `${count}-terms`);
  mkdirSync(listDir, { recursive: true });
  let terms: Term[] = parseTsv(readFileSync(termsTsv(shared, count, listDir), 'utf8'));
  if (unmatched) terms = unmatchedBeyond(terms, parseTsv(readFileSync(seedFile(shared), 'utf8')));
  const prh = write(path.join(dir, 'prh.yml'), prhYaml(terms));
  return {
    id,
    label: unmatched
      ? `${count.toLocaleString('en')} terms (only the seed's matchable)`
      : `${count.toLocaleString('en')} terms`,
    nuanceConfig: write(path.join(dir, '.nuancerc.yaml'), nuanceConfig('./pack.yaml')),
    pack: write(path.join(dir, 'pack.yaml'), nuancePack(terms)),
    terms: {
      count: terms.length,
      textlintConfig: write(path.join(dir, 'textlintrc.json'), textlintConfig(prh)),
      words: write(path.join(dir, 'words.txt'), wordList(terms)),
      patterns: write(path.join(dir, 'patterns.txt'), grepPatterns(terms)),
    },
  };
}

export function ensureVocabulary(spec: string, shared: string, cache: string): Vocabulary {
  const unmatched = /^([0-9]+)-unmatched$/.exec(spec);
  if (unmatched) return termVocabulary(shared, cache, Number(unmatched[1]), true);
  if (spec !== 'korea-china') return termVocabulary(shared, cache, Number(spec), false);
  const dir = path.join(cache, 'vocabulary', spec);
  mkdirSync(dir, { recursive: true });
  return {
    id: spec,
    label: 'korea-china (built-in pack)',
    nuanceConfig: write(path.join(dir, '.nuancerc.yaml'), nuanceConfig('korea-china')),
  };
}

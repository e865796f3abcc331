// The language server with a translator's termbase: the issue asks a keystroke to cost the same
// whatever the size of the termbase, and the other drafts are checked with the built-in pack alone.
// One draft of real Chinese prose from the bench corpus (its `zh` files in order, 100 K of them
// where the corpus holds that much), edited twice: with the bench's 24 terms and with its 10,000,
// each time saved in a folder of its own beside a config that loads them, so the server finds that
// config as an editor's file would.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpus, sharedCorpusPresent } from './corpus.js';
import { ensureVocabulary } from './vocabulary.js';

/** Terms in the vocabularies the draft is checked with: the seed's, and a termbase's. */
export const TERMBASE_TERMS = [24, 10_000] as const;

/** The most of the corpus's Chinese the draft holds, in UTF-16 units. */
const TERMBASE_DRAFT_CHARS = 100_000;

/** What a session needs to edit the termbase draft: its text, and the pack that config loads. */
export interface TermbaseDraft {
  text: string;
  pack: string;
  terms: number;
}

/** The document a session edits: written to a folder of its own, removed by `remove`. */
export interface TermbaseDocument {
  uri: string;
  text: string;
  label: string;
  remove(): void;
}

/**
 * The draft from `cache`'s corpus of `sizeMb`, once per vocabulary of TERMBASE_TERMS (all made
 * when absent); none, with nothing made, when ../shared/corpus is absent.
 */
export function termbaseDrafts(shared: string, cache: string, sizeMb: number): TermbaseDraft[] {
  if (!sharedCorpusPresent(shared)) return [];
  const corpus = ensureCorpus(shared, cache, sizeMb);
  let text = '';
  for (const file of corpus.files) {
    if (text.length >= TERMBASE_DRAFT_CHARS) break;
    if (path.basename(path.dirname(file)) !== 'zh') continue;
    const body = readFileSync(file, 'utf8');
    text += text === '' || text.endsWith('\n\n') ? body : `\n${body}`;
  }
  if (text === '') return [];
  return TERMBASE_TERMS.flatMap((terms) => {
    const pack = ensureVocabulary(String(terms), shared, cache).pack;
    return pack === undefined ? [] : [{ text, pack, terms }];
  });
}

/**
 * `draft` saved in a new folder of the system's temporary one, beside a `.nuancerc.yaml` and a copy
 * of its pack (a config reads packs only inside its own repository, as the CLI does).
 */
export function writeTermbaseDocument(draft: TermbaseDraft): TermbaseDocument {
  const dir = mkdtempSync(path.join(tmpdir(), 'nuance-bench-termbase-'));
  copyFileSync(draft.pack, path.join(dir, 'pack.yaml'));
  writeFileSync(path.join(dir, '.nuancerc.yaml'), 'packs: ["./pack.yaml"]\n');
  const file = path.join(dir, 'draft.zh.md');
  writeFileSync(file, draft.text);
  return {
    uri: pathToFileURL(file).href,
    text: draft.text,
    label: `${Math.round(draft.text.length / 1000)} K, the corpus's Chinese, ${draft.terms.toLocaleString('en-US')} terms`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

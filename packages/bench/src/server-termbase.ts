// The language server with a translator's termbase: the issue asks a keystroke to cost the same
// whatever the size of the termbase, and the other drafts are checked with the built-in pack alone.
// One draft of real Chinese prose from the bench corpus (its `zh` files in order, 100 K of them
// where the corpus holds that much), edited twice: with the bench's 24 terms and with its 10,000,
// each time saved in a folder of its own beside a config that loads them, so the server finds that
// config as an editor's file would.
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpus, sharedCorpusPresent } from './corpus.js';
import type { TermbaseSaveResult } from './results.js';
import { withServerProcess } from './server-process.js';
import { median } from './stats.js';
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
  /** The copy of the pack its config reads. */
  pack: string;
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
    pack: path.join(dir, 'pack.yaml'),
  };
}

/** Saves of the termbase timed, at most (each compiles the whole termbase again). */
const SAVE_RUNS = 5;

/**
 * A translator saving the termbase while its draft is open, as VS Code runs the server (a cache
 * folder for compiled packs, watched files reported by the client): each save adds a rule that
 * flags a phrase of the draft, then a keystroke follows at once. The server compiles the changed
 * pack on a worker thread (the language server's precompile.ts), so the keystroke is answered with
 * the termbase as it was, and the new rule's finding comes when the compile is done.
 */
export async function termbaseSaves(draft: TermbaseDraft, rounds: number): Promise<TermbaseSaveResult> {
  const runs = Math.max(1, Math.min(SAVE_RUNS, rounds));
  const document = writeTermbaseDocument(draft);
  const cacheFolder = mkdtempSync(path.join(tmpdir(), 'nuance-bench-termbase-cache-'));
  const folder = path.dirname(document.pack);
  const keystrokes: number[] = [];
  const newFindings: number[] = [];
  try {
    await withServerProcess(async (connection) => {
      let latest: { version?: number; count: number } = { count: -1 };
      let waiter: (() => void) | undefined;
      connection.onRequest('client/registerCapability', () => null);
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
      connection.onNotification(
        'textDocument/publishDiagnostics',
        (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
          if (p.uri !== document.uri) return;
          latest = {
            count: p.diagnostics.length,
            ...(p.version !== undefined ? { version: p.version } : {}),
          };
          waiter?.();
        },
      );
      const until = (check: () => boolean) =>
        new Promise<void>((resolve) => {
          waiter = () => check() && resolve();
          waiter();
        });
      connection.listen();
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'termbase' }],
        capabilities: {
          workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
          textDocument: { publishDiagnostics: { versionSupport: true } },
        },
        initializationOptions: { debounce: 0, cacheFolder },
      });
      await connection.sendNotification('initialized', {});
      let version = 1;
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: document.uri, languageId: 'markdown', version, text: document.text },
      });
      await until(() => latest.version === version);
      const flagged = hanPhrase(document.text);
      const lines = document.text.split('\n');
      for (let run = 0; run < runs; run++) {
        const before = latest.count;
        appendFileSync(
          document.pack,
          `  - id: bench/saved-${run}\n    kind: caution\n    severity: info\n    message: 'A phrase the translator flagged'\n    phrases: ["${flagged}"]\n`,
        );
        const start = performance.now();
        await connection.sendNotification('workspace/didChangeWatchedFiles', {
          changes: [{ uri: pathToFileURL(document.pack).href, type: 2 }],
        });
        version++;
        const line = lines.length - 1;
        const character = (lines[line] ?? '').length;
        await connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: document.uri, version },
          contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ' ' }],
        });
        await until(() => latest.version === version);
        keystrokes.push(performance.now() - start);
        await until(() => latest.version === version && latest.count > before);
        newFindings.push(performance.now() - start);
      }
    });
  } finally {
    document.remove();
    rmSync(cacheFolder, { recursive: true, force: true });
  }
  return {
    terms: draft.terms,
    runs,
    keystrokeMs: median(keystrokes),
    keystrokeMaxMs: Math.max(...keystrokes),
    newFindingsMs: median(newFindings),
  };
}

/** Four Han characters in a row from the middle of `text`: a phrase each save's rule flags. */
function hanPhrase(text: string): string {
  const match = /\p{Script=Han}{4}/u.exec(text.slice(Math.floor(text.length / 2)));
  if (!match) throw new Error('The termbase draft has no run of four Han characters to flag');
  return match[0];
}

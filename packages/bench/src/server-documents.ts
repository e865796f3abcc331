// The documents the language server bench edits: untitled drafts, release sets saved beside their
// sources (one in a folder of many other sets), and a draft saved deep in folders.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { draft, releaseSet } from './drafts.js';

export const SERVER_DRAFTS = [
  { chars: 20_000, dense: false },
  { chars: 100_000, dense: false },
  { chars: 20_000, dense: true },
  { chars: 100_000, dense: true },
] as const;

/**
 * A release set's translation, the size of the typical 20 K draft and of a long report (the issue
 * asks a keystroke in a long release to cost what one in a short one does), its Korean source on disk.
 */
export const RELEASE_SET_SIZES = [20_000, 100_000] as const;

/**
 * The 20 K release set again, in a folder of this many other release sets (three short files
 * each): a press office's archive, where each keystroke's lookup of the source must not cost the
 * folder's size.
 */
export const ARCHIVE_SETS = 1_000;

/** A document to edit: an untitled draft, or a release set's translation saved beside its source. */
export interface Edited {
  uri: string;
  text: string;
  label: string;
  dense: boolean;
}

export function draftDocument(spec: { chars: number; dense: boolean }): Edited {
  const { chars, dense } = spec;
  return {
    uri: `untitled:bench-${chars}-${dense ? 'dense' : 'typical'}.md`,
    text: draft(chars, dense),
    label: `${chars / 1000} K, ${dense ? 'dense (every paragraph flagged)' : 'typical (1 paragraph in 10 flagged)'}`,
    dense,
  };
}

/** Folders between the bench's temporary folder and the saved typical draft. */
export const SAVED_DEPTH = 10;

/**
 * The typical 100 K draft saved as a file `depth` folders below `dir` (removed by the caller): the
 * server looks for its `.nuancerc.yaml` in every folder up to the root at each keystroke (configs
 * come and go above the workspace, where no watcher looks), which an untitled draft never asks.
 */
export function savedDraftDocument(dir: string, depth: number): Edited {
  const spec = SERVER_DRAFTS[1];
  const folder = path.join(dir, ...Array.from({ length: depth }, (_, i) => `level-${i + 1}`));
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'draft.md');
  const text = draft(spec.chars, spec.dense);
  writeFileSync(file, text);
  return {
    uri: pathToFileURL(file).href,
    text,
    label: `${spec.chars / 1000} K, typical (1 paragraph in 10 flagged), saved ${depth} folders down`,
    dense: spec.dense,
  };
}

/**
 * A release set of `chars` in `dir` (removed by the caller), its translation to edit; with `others`,
 * that many other release sets beside it.
 */
export function releaseSetDocument(dir: string, chars: number, others = 0): Edited {
  const { ko, zh } = releaseSet(chars);
  const stem = `statement-${chars / 1000}k`;
  writeFileSync(path.join(dir, `${stem}.ko.md`), ko);
  const target = path.join(dir, `${stem}.zh.md`);
  writeFileSync(target, zh);
  for (let i = 0; i < others; i++) {
    const other = `release-${String(i).padStart(4, '0')}`;
    writeFileSync(path.join(dir, `${other}.ko.md`), '# 성명\n\n한중 양국은 협력을 논의했다.\n');
    writeFileSync(path.join(dir, `${other}.zh.md`), '# 声明\n\n中韩两国讨论了合作。\n');
    writeFileSync(
      path.join(dir, `${other}.en.md`),
      '# Statement\n\nThe two countries discussed cooperation.\n',
    );
  }
  const archive = others > 0 ? `, in a folder of ${(others * 3 + 2).toLocaleString('en-US')} files` : '';
  return {
    uri: pathToFileURL(target).href,
    text: zh,
    label: `${chars / 1000} K, release set (the Chinese of a Korean statement, ${Math.round(ko.length / 1000)} K)${archive}`,
    dense: false,
  };
}

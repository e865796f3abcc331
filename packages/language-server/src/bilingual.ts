/// <reference types="node" />
// Bilingual documents in the editor (XLIFF, parallel TSV, a release set's translation):
// @nuance/bilingual decides and lints; this module gives it the file system and the config.
import path from 'node:path';
import { type BilingualHost, bilingualLinter, releaseSetMembers } from '@nuance/bilingual';
import { type ResolvedConfig, siblingFiles } from '@nuance/config';
import type { Finding } from '@nuance/core';
import { voiceTopic } from '@nuance/unified';

const DISK = siblingFiles({ cacheFolders: false });

/** The documents open in the editor, by absolute path: their text is what they hold now. */
export interface OpenFiles {
  text(file: string): string | undefined;
  /** The open documents' paths in `dir` (saved or not). */
  inFolder(dir: string): string[];
}

/**
 * A release set's other files as the editor has them: an open document's unsaved text wins over
 * the file on disk, and a new document not saved yet is a member too.
 */
function editorHost(open: OpenFiles): BilingualHost {
  return {
    siblings: (file) => withOpen(DISK.siblings(file), open.inFolder(path.dirname(file))),
    read: (file) => open.text(file) ?? DISK.read(file),
    shown: DISK.shown,
  };
}

// Per listing of the disk: its paths, and the listing with the open documents it lacks, as made last.
const listed = new WeakMap<readonly string[], { paths: Set<string>; unsaved?: string; merged?: string[] }>();

/**
 * A folder's listing with the open documents in it: the listing itself when every one is on disk
 * (as most are), else the same merged array while the same documents are missing from it, so that
 * its release sets, indexed once per listing, are not indexed again at every keystroke.
 */
function withOpen(disk: string[], open: readonly string[]): string[] {
  let known = listed.get(disk);
  if (known === undefined) {
    known = { paths: new Set(disk) };
    listed.set(disk, known);
  }
  const paths = known.paths;
  const unsaved = open.filter((file) => !paths.has(file));
  if (unsaved.length === 0) return disk;
  const key = [...new Set(unsaved)].sort().join('\0');
  if (known.unsaved !== key || known.merged === undefined) {
    known.unsaved = key;
    known.merged = [...new Set([...disk, ...unsaved])];
  }
  return known.merged;
}

/**
 * The open documents whose findings may change when `file` changes: the other members of its
 * release set (one of them is its source, or it is theirs).
 */
export function releaseSetPeers(file: string, open: OpenFiles): string[] {
  const siblings = open.inFolder(path.dirname(file));
  return releaseSetMembers(file, siblings).map((member) => member.path);
}

/** The findings of a bilingual document, or undefined for any other document. */
export function bilingualFindings(
  filePath: string | undefined,
  text: string,
  config: ResolvedConfig,
  open: OpenFiles,
): Finding[] | undefined {
  const { topic = [], voice, lang } = config.loaded.config;
  const lint = bilingualLinter(
    filePath,
    {
      ruleSet: config.loaded.ruleSet,
      sourceLanguage: config.loaded.config['source-language'],
      topic: voice === undefined ? topic : [...topic, voiceTopic(voice)],
      lang,
    },
    editorHost(open),
  );
  return lint?.(text);
}

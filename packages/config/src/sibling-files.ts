/// <reference types="node" />
// The file system a release set is read through (@nuance/bilingual asks for a file's neighbours
// and their text): one implementation for the CLI and the language server, reading only regular
// files within the size limit, as every other read does (text-file.ts), so a FIFO or /dev/zero
// beside a draft neither hangs nor fills memory. A file read lately is read again only when it is
// no longer the file it was (its identity: digest-memo.ts): the language server lints a release
// set's translation against its source at every keystroke, and read the source from disk each time.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RecentMap, stripBom } from '@nuance/core';
import { type FileIdentity, identityOf, RACY_MS, sameFile } from './digest-memo.js';
import { decodeText, readRegularFileSync } from './text-file.js';

/** A file's text as read, with the identity of the file it was read from. */
interface ReadText {
  identity: FileIdentity;
  text: string;
}

export interface SiblingFiles {
  /** The paths of the files in `file`'s folder. */
  siblings(file: string): string[];
  /** A file's text without its BOM, or undefined when it cannot be read or is not a regular file. */
  read(file: string): string | undefined;
  /** How a path is shown in findings: its name. */
  shown(file: string): string;
}

/** A folder's listing, with the identity the folder had when it was listed. */
interface Listing {
  identity: FileIdentity;
  paths: string[];
}

/**
 * `cacheFolders`: list each folder once (a CLI run, where files do not come and go); a long-lived
 * process (the language server) lists it again when it is no longer the folder it was (a file
 * added, removed or renamed in it changes its modification time), and gives the same array while
 * it is: its release sets are indexed once per listing (@nuance/bilingual), and a keystroke in a
 * translation in a folder of 3,000 drafts read the folder and matched every name each time.
 */
export function siblingFiles(options: { cacheFolders: boolean }): SiblingFiles {
  const folders = new Map<string, string[]>();
  const listings = new RecentMap<string, Listing>({ entries: 16 });
  // A few release sets' files, by path.
  const texts = new RecentMap<string, ReadText>({
    entries: 16,
    weight: 8_000_000,
    weigh: (_, r) => r.text.length,
  });
  const list = (dir: string): string[] => {
    try {
      return readdirSync(dir).map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  };
  const listed = (dir: string): string[] => {
    let identity: FileIdentity;
    try {
      identity = identityOf(statSync(dir));
    } catch {
      listings.delete(dir);
      return [];
    }
    const known = listings.get(dir, true);
    if (known && sameFile(known.identity, identity)) return known.paths;
    const readAt = Date.now();
    const paths = list(dir);
    // As for a file's text below: a listing made in the tick of the clock that changed the folder
    // may miss a change made in that tick too.
    if (readAt - Math.max(identity.mtimeMs, identity.ctimeMs) >= RACY_MS)
      listings.set(dir, { identity, paths });
    else listings.delete(dir);
    return paths;
  };
  return {
    siblings(file) {
      const dir = path.dirname(file);
      if (!options.cacheFolders) return listed(dir);
      let names = folders.get(dir);
      if (!names) {
        names = list(dir);
        folders.set(dir, names);
      }
      return names;
    },
    read(file) {
      try {
        const known = texts.get(file, true);
        if (known && sameFile(known.identity, identityOf(statSync(file)))) return known.text;
        const readAt = Date.now();
        const { bytes, stats } = readRegularFileSync(file);
        const text = stripBom(decodeText(bytes));
        // As git does for its index: a file written in the tick of the file system's clock of
        // its read could be written again with the same identity, so such a read is not kept.
        if (readAt - Math.max(stats.mtimeMs, stats.ctimeMs) >= RACY_MS)
          texts.set(file, { identity: identityOf(stats), text });
        else texts.delete(file);
        return text;
      } catch {
        return undefined;
      }
    },
    shown: (file) => path.basename(file),
  };
}

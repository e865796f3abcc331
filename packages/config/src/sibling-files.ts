/// <reference types="node" />
// The file system a release set is read through (@nuance/bilingual asks for a file's neighbours
// and their text): one implementation for the CLI and the language server, reading only regular
// files within the size limit, as every other read does (text-file.ts), so a FIFO or /dev/zero
// beside a draft neither hangs nor fills memory.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { stripBom } from '@nuance/core';
import { decodeText, readRegularFileSync } from './text-file.js';

export interface SiblingFiles {
  /** The paths of the files in `file`'s folder. */
  siblings(file: string): string[];
  /** A file's text without its BOM, or undefined when it cannot be read or is not a regular file. */
  read(file: string): string | undefined;
  /** How a path is shown in findings: its name. */
  shown(file: string): string;
}

/**
 * `cacheFolders`: list each folder once (a CLI run, where files do not come and go); a long-lived
 * process (the language server) lists it each time.
 */
export function siblingFiles(options: { cacheFolders: boolean }): SiblingFiles {
  const folders = new Map<string, string[]>();
  const list = (dir: string): string[] => {
    try {
      return readdirSync(dir).map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  };
  return {
    siblings(file) {
      const dir = path.dirname(file);
      if (!options.cacheFolders) return list(dir);
      let names = folders.get(dir);
      if (!names) {
        names = list(dir);
        folders.set(dir, names);
      }
      return names;
    },
    read(file) {
      try {
        return stripBom(decodeText(readRegularFileSync(file).bytes));
      } catch {
        return undefined;
      }
    },
    shown: (file) => path.basename(file),
  };
}

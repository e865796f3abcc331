/// <reference types="node" />
// Compiled rule sets kept on disk, so that a run does not parse, validate and compile the same packs
// again (a 10,000-term pack: seconds each run; loading its compiled form: a fifth of a second). An
// entry is found by the key of what compiling depends on (core's `ruleSetKey`: the packs' texts,
// the compile options and the identity of the code that compiles, `salt`) and is valid while the
// locale files its packs read still hold what they held (each checked by its hash at every use).
// A cache that cannot be read or written is only a slower run: every failure here is silent.

import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CompileOptions, type Problem, ruleSetKey, stripBom } from '@nuance/core';
import type { LocaleRead } from './load-pack.js';
import { hashText } from './node-crypto.js';
import { describeFsError, readText } from './text-file.js';

export interface RuleSetCacheOptions {
  /** The folder of the cache files, made (mode 0700, with its parent) when first written. */
  dir: string;
  /** The identity of the code that compiles (a build of nuance): an entry never outlives it. */
  salt: string;
  /** Bytes of entries kept; past it the least recently used go first. Default 256 MB. */
  maxBytes?: number;
}

/** What a cache entry holds besides the serialized rule set. */
export interface CachedRuleSet {
  /** `serializeRuleSetBytes` of the rule set, with the problems of loading and compiling its packs. */
  serialized: Uint8Array;
  /** Each pack's own problems (parsing it, its locale files), in the order of the packs. */
  sourceProblems: Problem[][];
  /** Every rule id of the packs, those turned off included (the config's unknown-rule check). */
  ruleIds: string[];
  /** The locale files the packs read, as read now (they match the entry: it is valid). */
  locales: LocaleRead[];
}

interface Header {
  sourceProblems: Problem[][];
  ruleIds: string[];
  /** Each locale file's hash, null when it could not be read. */
  locales: { file: string; hash: string | null }[];
}

const SUFFIX = '.rules';
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export class RuleSetCache {
  constructor(readonly options: RuleSetCacheOptions) {}

  /** The key of the rule set compiled from these pack texts (in order) under these options. */
  key(sources: readonly { file: string; text: string }[], compileOptions: CompileOptions): string {
    return ruleSetKey(sources, compileOptions, this.options.salt, hashText);
  }

  /** The entry of `key` when there is one and its locale files are unchanged. */
  async get(key: string): Promise<CachedRuleSet | undefined> {
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      // At once, not in parts: the run waits on nothing else, and a termbase's entry is 10 MB,
      // which fs/promises read in 21 parts, each a round trip through the thread pool.
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    // A line of JSON (which escapes every line feed in it), then the rule set's bytes.
    const newline = bytes.indexOf(0x0a);
    let header: Header;
    try {
      header = JSON.parse(bytes.toString('utf8', 0, newline)) as Header;
    } catch {
      return undefined;
    }
    if (
      newline < 0 ||
      !Array.isArray(header.sourceProblems) ||
      !Array.isArray(header.ruleIds) ||
      !Array.isArray(header.locales)
    )
      return undefined;
    const locales: LocaleRead[] = [];
    for (const { file: localeFile, hash } of header.locales) {
      const read = await readLocale(localeFile);
      if ((read.text === undefined ? null : hashText(read.text)) !== hash) return undefined;
      locales.push(read);
    }
    // Its time is when it was last used: pruning drops the least recently used.
    const now = new Date();
    // Not waited for: the run goes on while it is written, and loses nothing if it fails.
    utimes(file, now, now).catch(() => {});
    return {
      // A Uint8Array, not a Buffer: the rule set's bytes whatever read them.
      serialized: new Uint8Array(bytes.buffer, bytes.byteOffset + newline + 1, bytes.length - newline - 1),
      sourceProblems: header.sourceProblems,
      ruleIds: header.ruleIds,
      locales,
    };
  }

  /** Store an entry (atomically: a reader sees the old file or the new one), then prune. */
  async set(key: string, entry: CachedRuleSet): Promise<void> {
    const header: Header = {
      sourceProblems: entry.sourceProblems,
      ruleIds: entry.ruleIds,
      locales: entry.locales.map((read) => ({
        file: read.file,
        hash: read.text === undefined ? null : hashText(read.text),
      })),
    };
    const file = this.fileOf(key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await makeDir(this.options.dir);
      // Spaces before the line feed put the rule set's bytes on a multiple of 4 in the file, so
      // that core reads its arrays in place; head and bytes written one after the other, not
      // joined first (a termbase's are 24 MB, and a copy of them costs what writing them does).
      const line = JSON.stringify(header);
      const pad = (4 - ((Buffer.byteLength(line) + 1) % 4)) % 4;
      const handle = await open(temp, 'w', 0o600);
      try {
        await writeFile(handle, `${line}${' '.repeat(pad)}\n`);
        await writeFile(handle, entry.serialized);
      } finally {
        await handle.close();
      }
      await rename(temp, file);
      await this.prune();
    } catch {
      await rm(temp, { force: true }).catch(() => {});
    }
  }

  private fileOf(key: string): string {
    return path.join(this.options.dir, `${key}${SUFFIX}`);
  }

  private async prune(): Promise<void> {
    const max = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    const names = (await readdir(this.options.dir)).filter((name) => name.endsWith(SUFFIX));
    const entries = await Promise.all(
      names.map(async (name) => {
        const file = path.join(this.options.dir, name);
        const stats = await stat(file).catch(() => undefined);
        return { file, size: stats?.size ?? 0, used: stats?.mtimeMs ?? 0 };
      }),
    );
    entries.sort((a, b) => b.used - a.used);
    let kept = 0;
    for (const entry of entries) {
      kept += entry.size;
      if (kept > max) await rm(entry.file, { force: true }).catch(() => {});
    }
  }
}

async function readLocale(file: string): Promise<LocaleRead> {
  try {
    return { file, text: stripBom(await readText(file)) };
  } catch (error) {
    return { file, text: undefined, error: describeFsError(error) };
  }
}

/**
 * The folder, its parent and the one above (`~/.cache/nuance/rule-sets`: on a first run in a fresh
 * home not even `~/.cache` exists), not further up (`recursive` loops on some file systems).
 */
async function makeDir(dir: string): Promise<void> {
  for (const each of [path.dirname(path.dirname(dir)), path.dirname(dir), dir]) {
    await mkdir(each, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

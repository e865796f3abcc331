/// <reference types="node" />
// Compiled rule sets kept on disk, so that a run does not parse, validate and compile the same packs
// again (a 10,000-term pack: seconds each run; loading its compiled form: a fifth of a second). An
// entry is found by the key of what compiling depends on (core's `ruleSetKey`: the packs' texts,
// the compile options and the identity of the code that compiles, `salt`) and is valid while the
// locale files its packs read still hold what they held (each checked by its hash at every use).
// A cache that cannot be read or written is only a slower run: every failure here is silent.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type CompileOptions,
  type Problem,
  type RecordReader,
  ruleSetKey,
  SERIAL_HEAD_BYTES,
  serialLength,
  serialRecordsAt,
  stringListIn,
  stripBom,
} from '@nuance/core';
import { DigestMemo } from './digest-memo.js';
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
  /**
   * `serializeRuleSetBytes` of the rule set, with the problems of loading and compiling its packs;
   * from `get`, only the bytes before its records (core's `serialRecordsAt`), which `readRecords`
   * reads where they lie in the entry's file.
   */
  serialized: Uint8Array;
  /**
   * From `get`: reads the records (core's `deserializeRuleSet` takes it), each when its rule is first
   * used. The file stays open while the reader lives (a run reads a few hundred of a 10,000-term
   * pack's 20,000 records, 7 MB of its 11).
   */
  readRecords?: RecordReader;
  /** From `get`: where `readRecords` reads (for the worker threads' readers: `recordReader`). */
  records?: RecordsFile;
  /** Each pack's own problems (parsing it, its locale files), in the order of the packs. */
  sourceProblems: Problem[][];
  /**
   * Every rule id of the packs, those turned off included (the config's unknown-rule check, which
   * only a config's `rules` asks for); from `get`, parsed when first asked (the bench's 10,000 ids
   * were 150 KB of JSON parsed at every run's start), undefined when they do not parse.
   */
  ruleIds: () => readonly string[] | undefined;
  /** The locale files the packs read, as read now (they match the entry: it is valid). */
  locales: LocaleRead[];
}

/**
 * Where a cache entry's records lie: an open file (the entry's, held open by the reader `get`
 * gave) and where its rule set's bytes start in it. A descriptor is the process's: a worker thread
 * reads the records through it while that reader lives.
 */
export interface RecordsFile {
  fd: number;
  start: number;
}

interface Header {
  sourceProblems: Problem[][];
  /** The rule ids as a JSON text of their own, parsed only when asked for. */
  ruleIds: string;
  /** Each locale file's hash, null when it could not be read. */
  locales: { file: string; hash: string | null }[];
}

const SUFFIX = '.rules';
/** The file of `digests` in the folder (not an entry: pruning reads only SUFFIX). */
const DIGESTS = 'pack-digests.json';
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export class RuleSetCache {
  /** The digests of the large pack files keyed here, by each file's identity (digest-memo.ts). */
  readonly digests: DigestMemo;

  constructor(readonly options: RuleSetCacheOptions) {
    this.digests = new DigestMemo(path.join(options.dir, DIGESTS));
  }

  /**
   * The cache of a tool's cache folder (the CLI's, the language server's default, an editor's
   * storage): its compiled rule sets in `<folder>/rule-sets`, for the build `salt` names.
   */
  static inFolder(folder: string, salt: string): RuleSetCache {
    return new RuleSetCache({ dir: path.join(folder, 'rule-sets'), salt });
  }

  /** The key of the rule set compiled from these pack texts (in order) under these options. */
  key(sources: readonly { file: string; text: string }[], compileOptions: CompileOptions): string {
    return ruleSetKey(sources, compileOptions, this.options.salt, hashText);
  }

  /** The entry of `key` when there is one and its locale files are unchanged. */
  async get(key: string): Promise<CachedRuleSet | undefined> {
    const file = this.fileOf(key);
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    let entry: CachedRuleSet | undefined;
    try {
      // Read at once, not in parts (the run waits on nothing else, and fs/promises reads a 10 MB
      // file in 21 parts, each a round trip through the thread pool), and only up to the records.
      entry = await this.entryIn(fd);
    } catch {
      entry = undefined;
    }
    if (!entry) {
      closeSync(fd);
      return undefined;
    }
    // Its time is when it was last used: pruning drops the least recently used.
    const now = new Date();
    // Not waited for: the run goes on while it is written, and loses nothing if it fails.
    utimes(file, now, now).catch(() => {});
    return entry;
  }

  /** The entry in open file `fd`, its records left where they are; undefined when it is not one. */
  private async entryIn(fd: number): Promise<CachedRuleSet | undefined> {
    const size = fstatSync(fd).size;
    // A line of JSON (which escapes every line feed in it), then the rule set's bytes.
    let head = Buffer.allocUnsafe(Math.min(size, 64 * 1024));
    let got = readAt(fd, head, 0);
    let newline = head.subarray(0, got).indexOf(0x0a);
    while (newline < 0 && got < size) {
      const more = Buffer.allocUnsafe(Math.min(size, head.length * 4));
      head.copy(more, 0, 0, got);
      head = more;
      got += readAt(fd, head.subarray(got), got);
      newline = head.subarray(0, got).indexOf(0x0a);
    }
    const start = newline + 1;
    if (newline < 0 || size - start < SERIAL_HEAD_BYTES) return undefined;
    const header = JSON.parse(head.toString('utf8', 0, newline)) as Header;
    if (
      !Array.isArray(header.sourceProblems) ||
      typeof header.ruleIds !== 'string' ||
      !Array.isArray(header.locales)
    )
      return undefined;
    if (got < start + SERIAL_HEAD_BYTES) {
      const more = Buffer.allocUnsafe(start + SERIAL_HEAD_BYTES);
      head.copy(more, 0, 0, got);
      head = more;
      got += readAt(fd, head.subarray(got), got);
    }
    const before = serialRecordsAt(head.subarray(start, start + SERIAL_HEAD_BYTES));
    if (start + before > size) return undefined;
    // In a buffer of its own, so that its arrays lie on a multiple of 4 and core reads them in place.
    // Not shared memory, which the worker threads of a run read (shared-rule-set.ts copies it there
    // for them): V8 ran the lint over arrays in a SharedArrayBuffer 0.6 % slower (the bench's
    // instruction count at 10,000 terms, 6.830 against 6.790 billion, where two runs differ by 0.1 %).
    const serialized = new Uint8Array(before);
    const had = Math.max(0, Math.min(got, start + before) - start);
    serialized.set(head.subarray(start, start + had));
    if (readAt(fd, serialized.subarray(had), start + had) !== before - had) return undefined;
    // Its records all there (they are read later, one at a time): an entry cut short is no entry.
    if (start + serialLength(serialized) !== size) return undefined;
    const locales: LocaleRead[] = [];
    for (const { file: localeFile, hash } of header.locales) {
      const read = await readLocale(localeFile);
      if ((read.text === undefined ? null : hashText(read.text)) !== hash) return undefined;
      locales.push(read);
    }
    const records = { fd, start };
    const readRecords = recordReader(records);
    // The file is closed when nothing can read it any more (a run's end closes it anyway).
    openEntries.register(readRecords, fd);
    return {
      serialized,
      readRecords,
      records,
      sourceProblems: header.sourceProblems,
      ruleIds: idsOf(header.ruleIds),
      locales,
    };
  }

  /** Store an entry (atomically: a reader sees the old file or the new one), then prune. */
  async set(key: string, entry: CachedRuleSet): Promise<void> {
    const header: Header = {
      sourceProblems: entry.sourceProblems,
      ruleIds: JSON.stringify(entry.ruleIds() ?? []),
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

/** The ids of a header's JSON text of them, parsed when first asked; undefined when they do not parse. */
function idsOf(text: string): () => readonly string[] | undefined {
  let ids: readonly string[] | undefined;
  let read = false;
  return () => {
    if (!read) {
      read = true;
      ids = stringListIn(text);
    }
    return ids;
  };
}

/** The bytes of the buffer a cache entry's records are read into, one at a time. */
const SCRATCH = 0x10000;

/** The entry files `get` left open for their records, each closed once its reader is collected. */
const openEntries = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {}
});

/**
 * A reader of the records in `file`, which it does not close. A record is read into one buffer,
 * kept from one record to the next (core decodes it before it reads another: RecordReader): a
 * fresh buffer per record, or one of every record, is memory touched for the first time, which
 * costs a page fault a page on a virtual machine.
 */
export function recordReader(file: RecordsFile): RecordReader {
  const { fd, start } = file;
  const scratch = new Uint8Array(SCRATCH);
  return (from, to) => {
    const out = to - from <= SCRATCH ? scratch.subarray(0, to - from) : new Uint8Array(to - from);
    return out.subarray(0, readAt(fd, out, start + from));
  };
}

/** Reads `into` from `position` of `fd` until it is full or the file ends; the bytes read. */
function readAt(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
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

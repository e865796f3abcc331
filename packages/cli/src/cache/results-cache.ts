/// <reference types="node" />
// `--cache`: the findings of each file linted, kept in one file between runs (as ESLint's,
// textlint's and cspell's `--cache` keep theirs), so that a run over a folder of drafts lints only
// the files that changed. A file's findings are reused while all of these are as they were: its
// bytes, what else they were read from (a release set's source: record.ts), its config (the
// settings in effect, every pack and locale file's bytes, the options that change findings:
// config-key.ts) and the build of nuance. A file is known unchanged by its identity (device, inode,
// size, modification and change times) as git's index knows it, else by the digest of its bytes:
// a fresh clone or a restored cache has new identities and the same bytes, and reads each file
// once to find it unchanged.
//
// The file is JSON, paths relative to its folder (a cache restored into another checkout still
// applies). A file at the location that is not one is never written over; one of another format or
// build, or damaged, is started afresh.
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { BilingualHost } from '@nuance/bilingual';
import {
  describeFsError,
  type FileIdentity,
  identityOf,
  RACY_MS,
  sameFile,
  writeCacheFile,
} from '@nuance/config';
import type { Finding } from '@nuance/core';
import { errorCode } from '../atomic-file.js';
import { decodeDocument } from '../read-file.js';
import { bytesDigest, type CacheRecord, type Dependencies, depsUnchanged } from './record.js';

/** The cache's file name, in the working folder or in the folder `--cache-location` names. */
export const CACHE_FILE_NAME = '.nuancecache';

const MARK = 'results-cache';
const FORMAT = 1;

interface Stored {
  /** The key of the config the file was linted under (config-key.ts). */
  config: string;
  size: number;
  digest: string;
  identity: FileIdentity | null;
  /** As CacheRecord's, with paths relative to the cache's folder. */
  deps?: Dependencies;
  findings: Finding[];
}

/** A cache that cannot be used: its location holds something else, or cannot be read. */
export class ResultsCacheError extends Error {}

/** What `lookup` gives for a file unchanged since its findings were kept. */
export interface CacheHit {
  findings: Finding[];
  /** The file's text, when asked for. */
  text?: string;
}

/**
 * The file `--cache-location` names (relative to `cwd`): a folder (one that exists, or a path
 * ending with a separator) holds CACHE_FILE_NAME; without a location, the working folder does.
 */
export function cacheFileOf(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, CACHE_FILE_NAME);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location) || isFolder(resolved)) return path.join(resolved, CACHE_FILE_NAME);
  return resolved;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export class ResultsCache {
  private dirty = false;
  private readonly dir: string;
  /** The entries of files this run found or linted: they exist, and need no stat when written. */
  private readonly seen = new Set<string>();
  /** The entries this run dropped (`forget`). */
  private readonly forgotten = new Set<string>();

  private constructor(
    readonly file: string,
    private readonly build: string,
    private readonly entries: Map<string, Stored>,
    private readonly host: BilingualHost,
    /** The cache file as it was read; undefined when there was none. */
    private readonly read?: FileIdentity,
  ) {
    this.dir = path.dirname(file);
  }

  /**
   * The cache in `file` for the build `build` (empty when there is none yet, or it is of another
   * build or format, or damaged). `host`: how release sets are read (their sources, dependencies).
   * Throws ResultsCacheError when `file` is something else, or cannot be read.
   */
  static open(file: string, build: string, host: BilingualHost): ResultsCache {
    let read: { text: string; identity: FileIdentity };
    try {
      read = readWithIdentity(file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return new ResultsCache(file, build, new Map(), host);
      throw new ResultsCacheError(`Cannot read the cache \`${file}\`: ${describeFsError(error)}`);
    }
    const { text, identity } = read;
    // Empty: what a crash can leave of a file renamed into place before its bytes reached the disk
    // (the cache is written without a sync: it can be lost, and the next run lints again).
    if (text.length > 0 && !text.startsWith(`{"nuance":"${MARK}"`)) {
      throw new ResultsCacheError(
        `\`${file}\` is not a nuance results cache, so it is not written over: remove it or give another --cache-location`,
      );
    }
    return new ResultsCache(file, build, entriesOf(text, build), host, identity);
  }

  /**
   * The findings kept for the file at absolute path `file` when it, and what they were read from,
   * are unchanged, and `config` is the key they were kept under; with its text when `withText`.
   */
  lookup(file: string, config: string, withText: boolean): CacheHit | undefined {
    const entry = this.entries.get(this.keyOf(file));
    if (entry === undefined || entry.config !== config) return undefined;
    let stats: Stats;
    try {
      stats = statSync(file);
    } catch {
      return undefined;
    }
    if (!stats.isFile() || stats.size !== entry.size) return undefined;
    let bytes: Buffer | undefined;
    if (entry.identity === null || !sameFile(entry.identity, identityOf(stats))) {
      const readAt = Date.now();
      try {
        bytes = readFileSync(file);
      } catch {
        return undefined;
      }
      if (bytesDigest(bytes) !== entry.digest) return undefined;
      // The same bytes under a new identity (a checkout, a copy): known by it from now on.
      const now = identityOf(stats);
      if (readAt - Math.max(now.mtimeMs, now.ctimeMs) >= RACY_MS) {
        entry.identity = now;
        this.dirty = true;
      }
    }
    if (entry.deps !== undefined && !depsUnchanged(file, this.absolute(entry.deps), this.host))
      return undefined;
    if (!withText) return { findings: entry.findings };
    try {
      bytes ??= readFileSync(file);
    } catch {
      return undefined;
    }
    const decoded = decodeDocument(bytes);
    return decoded.ok ? { findings: entry.findings, text: decoded.text } : undefined;
  }

  /** Keep the findings of the file at absolute path `file`, linted under `config` as `record` says. */
  store(file: string, config: string, record: CacheRecord, findings: Finding[]): void {
    const stored: Stored = {
      config,
      size: record.size,
      digest: record.digest,
      identity: record.identity,
      findings,
    };
    if (record.deps !== undefined) stored.deps = this.relative(record.deps);
    const key = this.keyOf(file);
    this.entries.set(key, stored);
    this.seen.add(key);
    this.dirty = true;
  }

  /** Drop what is kept of a file (`--fix` changed it, or may have). */
  forget(file: string): void {
    const key = this.keyOf(file);
    this.forgotten.add(key);
    if (this.entries.delete(key)) this.dirty = true;
  }

  /**
   * Write the cache when it changed, without the files that no longer exist; a message when it
   * could not be written (the run's findings stand: the next run lints again).
   */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    this.takeWrittenMeanwhile();
    for (const key of [...this.entries.keys()]) {
      if (!this.seen.has(key) && !exists(path.resolve(this.dir, key))) this.entries.delete(key);
    }
    const text = JSON.stringify({
      nuance: MARK,
      format: FORMAT,
      build: this.build,
      files: Object.fromEntries(this.entries),
    });
    try {
      mkdirSync(this.dir, { recursive: true });
      writeCacheFile(this.file, text);
      this.dirty = false;
      return undefined;
    } catch (error) {
      return `Cannot write the cache \`${this.file}\`: ${describeFsError(error)}`;
    }
  }

  /**
   * What another run wrote to the cache since this one read it (two shards, a watcher and a
   * hook): the files this run did not find, lint or drop are as that run left them. Without it
   * the last run to write would drop the other's entries.
   */
  private takeWrittenMeanwhile(): void {
    let read: { text: string; identity: FileIdentity };
    try {
      if (this.read !== undefined && sameFile(this.read, identityOf(statSync(this.file)))) return;
      read = readWithIdentity(this.file);
    } catch {
      return;
    }
    const written = entriesOf(read.text, this.build);
    const mine = (key: string) => this.seen.has(key) || this.forgotten.has(key);
    // The files this run left alone are as the other run left them, dropped ones included.
    for (const key of [...this.entries.keys()]) if (!mine(key) && !written.has(key)) this.entries.delete(key);
    for (const [key, entry] of written) if (!mine(key)) this.entries.set(key, entry);
  }

  private keyOf(file: string): string {
    return path.relative(this.dir, file).split(path.sep).join('/');
  }

  private relative(deps: Dependencies): Dependencies {
    return this.mapFiles(deps, (file) => this.keyOf(file));
  }

  private absolute(deps: Dependencies): Dependencies {
    return this.mapFiles(deps, (key) => path.resolve(this.dir, key));
  }

  private mapFiles(deps: Dependencies, map: (file: string) => string): Dependencies {
    const mapped: Dependencies = {};
    if (deps.members !== undefined) mapped.members = deps.members;
    if (deps.files !== undefined) {
      mapped.files = Object.fromEntries(
        Object.entries(deps.files).map(([file, digest]) => [map(file), digest]),
      );
    }
    return mapped;
  }
}

/** A file's text and its identity as it was read (from the same open file). */
function readWithIdentity(file: string): { text: string; identity: FileIdentity } {
  const fd = openSync(file, 'r');
  try {
    return { identity: identityOf(fstatSync(fd)), text: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ENOENT';
  }
}

/** The entries of a cache file's text when it is of this format and build; else none. */
function entriesOf(text: string, build: string): Map<string, Stored> {
  const entries = new Map<string, Stored>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return entries;
  }
  const cache = parsed as { format?: unknown; build?: unknown; files?: unknown };
  if (cache.format !== FORMAT || cache.build !== build || !cache.files || typeof cache.files !== 'object') {
    return entries;
  }
  for (const [key, value] of Object.entries(cache.files)) if (isStored(value)) entries.set(key, value);
  return entries;
}

function isStored(value: unknown): value is Stored {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.config === 'string' &&
    typeof v.size === 'number' &&
    typeof v.digest === 'string' &&
    (v.identity === null || typeof v.identity === 'object') &&
    Array.isArray(v.findings)
  );
}

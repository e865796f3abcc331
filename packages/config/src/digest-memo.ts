/// <reference types="node" />
// The digests of large pack files, kept in the rule-set cache's folder by each file's identity, so
// that a run whose rule set is cached does not hash its pack again: the bench's 10,000-term pack is
// 2.6 MB, and SHA-256 of it, with Node's crypto module loaded for it, was 13-18 ms of a 0.25 s
// check of one small file on a 2-core machine. The cache is still keyed by content (the digest):
// this only remembers what a file's content hashed to while the file is the one it was.
//
// A file is the one it was while its device, inode, size, and modification and change times are.
// The change time moves at every write and no tool can set it back (a copy or restore that keeps
// the modification time gets a new change time). As git does for its index, a digest is remembered
// only for a file neither modified nor changed in the RACY_MS before it was read: a write in the same
// tick of the file system's clock as the one that was read would leave both times as they were.
// Anything that cannot be read or written here only costs the hash: every failure is silent.

import { mkdirSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { RecentMap } from '@nuance/core';
import { writeCacheFile } from './cache-file.js';

/** What a file must still be for its remembered digest to hold. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function identityOf(stats: Stats): FileIdentity {
  const { dev, ino, size, mtimeMs, ctimeMs } = stats;
  return { dev, ino, size, mtimeMs, ctimeMs };
}

/** A file modified or changed this recently before it was read is hashed at every run. */
export const RACY_MS = 3000;

/** Files remembered at most; past it the ones remembered first go. */
const MAX_ENTRIES = 256;
type Entries = RecentMap<string, Entry>;

interface Entry extends FileIdentity {
  digest: string;
}

export class DigestMemo {
  private entries: Entries | undefined;

  /** `file`: where the digests are kept (JSON); its folder is made when first written. */
  constructor(readonly file: string) {}

  /** The digest remembered for the file at absolute `filePath` while it is the file with `identity`. */
  known(filePath: string, identity: FileIdentity): string | undefined {
    const known = this.load().get(filePath);
    return known && sameFile(known, identity) ? known.digest : undefined;
  }

  /**
   * The digest of the file at absolute `filePath`, read at `readAt` (ms since the epoch, taken
   * before the read) with `identity`: the remembered one while the file is the one it was, else
   * `compute()`, remembered when the file had been left alone for RACY_MS when it was read.
   */
  digestOf(filePath: string, identity: FileIdentity, readAt: number, compute: () => string): string {
    const entries = this.load();
    const known = entries.get(filePath);
    if (known && sameFile(known, identity)) return known.digest;
    const digest = compute();
    if (readAt - Math.max(identity.mtimeMs, identity.ctimeMs) >= RACY_MS) {
      entries.set(filePath, { ...identity, digest });
      this.save(entries);
    }
    return digest;
  }

  private load(): Entries {
    if (this.entries) return this.entries;
    this.entries = new RecentMap({ entries: MAX_ENTRIES });
    try {
      const kept = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      if (kept && typeof kept === 'object') {
        for (const [filePath, entry] of Object.entries(kept)) {
          if (isEntry(entry)) this.entries.set(filePath, entry);
        }
      }
    } catch {
      // None yet, or not one this code wrote: remembered again as files are hashed.
    }
    return this.entries;
  }

  /**
   * Written at once, atomically (a reader sees the old file or the new one), and synchronously: a
   * run that ends with `process.exit` would lose a write still in flight. A digest is written only
   * when a file was hashed, which is the slow path already.
   */
  private save(entries: Entries): void {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      writeCacheFile(this.file, JSON.stringify(Object.fromEntries(entries.entries())), 0o600);
    } catch {}
  }
}

/** Whether a file is still the one it was: its identity then (`a`) and now (`b`). */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return (
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}

function isEntry(value: unknown): value is Entry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.digest === 'string' &&
    ['dev', 'ino', 'size', 'mtimeMs', 'ctimeMs'].every((key) => typeof e[key] === 'number')
  );
}

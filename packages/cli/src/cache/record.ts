/// <reference types="node" />
// What the lint of a file records for `--cache` (results-cache.ts): the digest of the bytes it
// linted, the file's identity when it was read, and what else its findings were read from. A
// release set's target (`statement.zh.md`) is linted against its source (`statement.ko.md`), which
// the file's own bytes do not show: the source's text, and which other members the set has (they
// decide which one is the source), are its dependencies. Every other document depends on its own
// bytes alone. Plain data: a record crosses from a worker thread to the main thread.
import type { Stats } from 'node:fs';
import path from 'node:path';
import { type BilingualHost, releaseSetMembers } from '@nuance/bilingual';
import { type FileIdentity, identityOf, nodeCrypto, RACY_MS } from '@nuance/config';

export interface CacheRecord {
  /** How many bytes were linted, and their digest (`bytesDigest`). */
  size: number;
  digest: string;
  /**
   * The file as it was when read, or null when it had been modified or changed less than RACY_MS
   * before (a write in the same tick of the file system's clock could leave its identity as it
   * was): its bytes are then compared, not its identity.
   */
  identity: FileIdentity | null;
  deps?: Dependencies;
}

/** What else a file's findings were read from. */
export interface Dependencies {
  /** The other members of its release set (names in its folder, sorted), when it is a member. */
  members?: string[];
  /** The other files read (absolute paths): the digest of their text (`textDigest`), null when unreadable. */
  files?: Record<string, string | null>;
}

/** SHA-256 of a file's bytes, base64url. */
export function bytesDigest(bytes: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('base64url');
}

/** SHA-256 of a text's UTF-8, base64url. */
export function textDigest(text: string): string {
  return nodeCrypto().createHash('sha256').update(text, 'utf8').digest('base64url');
}

/** The record of a file read at `readAt` (ms since the epoch, taken before the read). */
export function recordOf(bytes: Uint8Array, stats: Stats, readAt: number): CacheRecord {
  const identity = identityOf(stats);
  const settled = readAt - Math.max(identity.mtimeMs, identity.ctimeMs) >= RACY_MS;
  return { size: bytes.length, digest: bytesDigest(bytes), identity: settled ? identity : null };
}

/** The other members of `file`'s release set among `siblings` (paths): their names, sorted. */
export function memberNames(file: string, siblings: readonly string[]): string[] {
  return releaseSetMembers(file, siblings)
    .map((member) => path.basename(member.path))
    .sort();
}

/** `host`, writing into `deps` what the lint of `file` asks of it. */
export function recordingHost(host: BilingualHost, file: string, deps: Dependencies): BilingualHost {
  return {
    siblings(of) {
      const siblings = host.siblings(of);
      if (of === file) deps.members = memberNames(file, siblings);
      return siblings;
    },
    read(other) {
      const text = host.read(other);
      deps.files ??= {};
      deps.files[other] = text === undefined ? null : textDigest(text);
      return text;
    },
    shown: (other) => host.shown(other),
  };
}

/** Whether what a file's findings were read from is still as `deps` says (`host`: how the lint reads it). */
export function depsUnchanged(file: string, deps: Dependencies, host: BilingualHost): boolean {
  if (deps.members !== undefined) {
    const now = memberNames(file, host.siblings(file));
    if (now.length !== deps.members.length || now.some((name, i) => name !== deps.members?.[i])) return false;
  }
  for (const [other, digest] of Object.entries(deps.files ?? {})) {
    const text = host.read(other);
    if ((text === undefined ? null : textDigest(text)) !== digest) return false;
  }
  return true;
}

/// <reference types="node" />
// Replacing a file so that a reader sees the old bytes or the new ones, never half of them: a
// temporary file beside it, fsync, rename, fsync of the folder. `--fix` and `--output` both write
// regular files this way. Synchronous: `--fix` over a folder writes file after file, and each await
// of an asynchronous call is a round trip through libuv's thread pool (the 10 MB bench corpus with
// 10,000 terms, 930 files fixed: 37 % of the run's samples were the main thread idle, waiting).

import {
  chmodSync,
  chownSync,
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { nodeCrypto } from '@nuance/config';

const PERMISSION_BITS = 0o7777;

export interface ReplaceOptions {
  /**
   * Permission bits of the new file. Default: those of the file replaced, or for a new file what
   * a plain write gives (0o666 less the umask).
   */
  mode?: number;
  /** Run last, just before the rename: a reason returned cancels it and nothing is written. */
  lastCheck?: () => string | undefined;
}

export type ReplaceOutcome =
  | { ok: true }
  /** No temporary file could be created in the folder (it is missing, or not writable). */
  | { ok: false; step: 'temp'; error: unknown }
  /** Writing, syncing, setting the mode or renaming failed. */
  | { ok: false; step: 'write'; error: unknown }
  /** `lastCheck` refused. */
  | { ok: false; step: 'check'; reason: string };

/**
 * Replace the regular file `file`, or create it, with `data`. `file` is never a symbolic link:
 * callers resolve links first, so that a link stays a link and its target gets the bytes. The
 * owner of a replaced file is kept where the system allows it (as root), as editors that save by
 * rename do. Whatever fails, no temporary file is left behind.
 */
export function replaceFileAtomically(
  file: string,
  data: Uint8Array | string,
  options: ReplaceOptions = {},
): ReplaceOutcome {
  const folder = path.dirname(file);
  // A short fixed-length name: one built from the file name could exceed the name length limit.
  const temp = path.join(folder, `.nuance-${nodeCrypto().randomBytes(8).toString('hex')}.tmp`);
  const original = statOrUndefined(file);
  const mode = options.mode ?? original?.mode;
  let fd: number;
  try {
    // Private until its mode is set, once the bytes are in; a new file gets what a plain write
    // gives (the umask decides).
    fd = openSync(temp, 'wx', mode === undefined ? 0o666 : 0o600);
  } catch (error) {
    return { ok: false, step: 'temp', error };
  }
  let renamed = false;
  try {
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    keepOwnerAndMode(temp, original, mode);
    const refused = options.lastCheck?.();
    if (refused !== undefined) return { ok: false, step: 'check', reason: refused };
    renameSync(temp, file);
    renamed = true;
    syncFolder(folder);
    return { ok: true };
  } catch (error) {
    return { ok: false, step: 'write', error };
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temp);
      } catch {}
    }
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function keepOwnerAndMode(temp: string, original: Stats | undefined, mode: number | undefined): void {
  if (original) {
    const created = statSync(temp);
    if (created.uid !== original.uid || created.gid !== original.gid) {
      // Only root (or a member of the group, for the gid) may do this; otherwise the file ends up
      // owned by whoever ran nuance.
      try {
        chownSync(temp, original.uid, original.gid);
      } catch {}
    }
  }
  // After chown, which may clear set-id bits.
  if (mode !== undefined) chmodSync(temp, mode & PERMISSION_BITS);
}

/** Make the rename itself durable; not every platform can open a folder, so failures are ignored. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {}
}

/** The `code` of a system error (`ENOENT`...), or ''. */
export function errorCode(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
}

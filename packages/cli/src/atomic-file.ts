/// <reference types="node" />
// Replacing a file so that a reader sees the old bytes or the new ones, never half of them: a
// temporary file beside it, fsync, rename, fsync of the folder. `--fix` and `--output` both write
// regular files this way.

import type { Stats } from 'node:fs';
import { chmod, chown, type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
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
  lastCheck?: () => Promise<string | undefined>;
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
export async function replaceFileAtomically(
  file: string,
  data: Uint8Array | string,
  options: ReplaceOptions = {},
): Promise<ReplaceOutcome> {
  const folder = path.dirname(file);
  // A short fixed-length name: one built from the file name could exceed the name length limit.
  const temp = path.join(folder, `.nuance-${nodeCrypto().randomBytes(8).toString('hex')}.tmp`);
  const original = await stat(file).catch(() => undefined);
  const mode = options.mode ?? original?.mode;
  let handle: FileHandle;
  try {
    // Private until its mode is set, once the bytes are in; a new file gets what a plain write
    // gives (the umask decides).
    handle = await open(temp, 'wx', mode === undefined ? 0o666 : 0o600);
  } catch (error) {
    return { ok: false, step: 'temp', error };
  }
  let renamed = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await keepOwnerAndMode(temp, original, mode);
    const refused = await options.lastCheck?.();
    if (refused !== undefined) return { ok: false, step: 'check', reason: refused };
    await rename(temp, file);
    renamed = true;
    await syncFolder(folder);
    return { ok: true };
  } catch (error) {
    return { ok: false, step: 'write', error };
  } finally {
    if (!renamed) await unlink(temp).catch(() => {});
  }
}

async function keepOwnerAndMode(temp: string, original: Stats | undefined, mode: number | undefined) {
  if (original) {
    const created = await stat(temp);
    if (created.uid !== original.uid || created.gid !== original.gid) {
      // Only root (or a member of the group, for the gid) may do this; otherwise the file ends up
      // owned by whoever ran nuance.
      try {
        await chown(temp, original.uid, original.gid);
      } catch {}
    }
  }
  // After chown, which may clear set-id bits.
  if (mode !== undefined) await chmod(temp, mode & PERMISSION_BITS);
}

/** Make the rename itself durable; not every platform can open a folder, so failures are ignored. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {}
}

/** The `code` of a system error (`ENOENT`...), or ''. */
export function errorCode(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
}

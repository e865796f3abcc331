/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import {
  access,
  chmod,
  chown,
  type FileHandle,
  open,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';
import { type Finding, fixText } from '@nuance/core';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { fileFinding } from '../results.js';

export const FIX_NOT_APPLIED = 'nuance/fix-not-applied';

/** Passes of lint + fix before giving up on fixes that keep overlapping (DESIGN, Findings). */
const MAX_PASSES = 10;
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const PERMISSION_BITS = 0o7777;

/** A file as it was read: what a fix is computed from and what the file must still be to write. */
export interface Snapshot {
  /** Absolute. */
  path: string;
  displayPath: string;
  /** The bytes read, BOM included: the file must still hold exactly these when the fix is written. */
  bytes: Uint8Array;
  /** Decoded, BOM removed. */
  text: string;
  bom: boolean;
  mode: number;
  mtimeMs: number;
}

export interface FixFileResult {
  /**
   * The findings left in the final text (for a dry run, of the text that would be written). When
   * writing failed: a `nuance/fix-not-applied` error and the findings of the original text.
   */
  findings: Finding[];
  /** Fixes applied (for a dry run, that would be applied); 0 when nothing was written. */
  fixed: number;
  written: boolean;
  /** Dry run only: a unified diff with `a/<displayPath>` and `b/<displayPath>` headers. */
  diff?: string;
}

/**
 * Apply the findings' `fix` edits (core's `fixText`: no overlapping edits, re-lint until stable)
 * and write the result atomically, keeping the BOM, line endings and mode. Nothing is written
 * over a file that is read-only or no longer holds the bytes the fix was computed from.
 */
export async function fixFile(
  snapshot: Snapshot,
  lint: (text: string) => Finding[],
  options: { dryRun: boolean },
): Promise<FixFileResult> {
  let original: Finding[] | undefined;
  const lintOnce = (text: string) => {
    const findings = lint(text);
    original ??= findings;
    return findings;
  };
  const result = fixText(snapshot.text, lintOnce, MAX_PASSES);
  if (result.output === snapshot.text) return { findings: result.findings, fixed: 0, written: false };
  if (options.dryRun) {
    const name = snapshot.displayPath;
    const diff = createTwoFilesPatch(
      `a/${name}`,
      `b/${name}`,
      snapshot.text,
      result.output,
      undefined,
      undefined,
      {
        context: 3,
        headerOptions: FILE_HEADERS_ONLY,
      },
    );
    return { findings: result.findings, fixed: result.fixed, written: false, diff };
  }

  const bytes = encode(result.output, snapshot.bom);
  const failure = await writeAtomically(snapshot, bytes);
  if (failure !== undefined) {
    return { findings: [notApplied(failure), ...(original ?? [])], fixed: 0, written: false };
  }
  return { findings: result.findings, fixed: result.fixed, written: true };
}

function encode(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM);
  bytes.set(body, UTF8_BOM.length);
  return bytes;
}

/** Temp file + fsync + rename; returns why nothing was written, or undefined when it was. */
async function writeAtomically(snapshot: Snapshot, bytes: Uint8Array): Promise<string | undefined> {
  // rename() needs no write permission on the file itself, only on its folder, so a read-only
  // file must be refused explicitly. The mode bits are checked too because access() says yes
  // to root whatever the mode.
  if ((snapshot.mode & 0o222) === 0) return 'The file is read-only; nothing was written';
  try {
    await access(snapshot.path, constants.W_OK);
  } catch (error) {
    if (isPermissionError(error)) return 'The file is read-only; nothing was written';
    // Any other reason (the file is gone...) is caught by the comparison before the rename.
  }

  // Replace the target of a symbolic link, not the link.
  const target = await realpath(snapshot.path).catch(() => snapshot.path);
  const folder = path.dirname(target);
  // A short fixed-length name: one built from the file name could exceed the name length limit.
  const temp = path.join(folder, `.nuance-${randomBytes(8).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'wx', 0o600);
  } catch (error) {
    const shown = path.dirname(snapshot.displayPath);
    return `Cannot create a temporary file in the folder \`${shown}\` (${reason(error, 'no such folder')}); nothing was written`;
  }

  let renamed = false;
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await keepOwnerAndMode(temp, target, snapshot.mode);
    // Checked last, as close to the rename as possible: the window left is a few system calls.
    const current = await currentState(target);
    if (current === undefined || !unchanged(snapshot, current)) {
      return 'The file changed since it was read; nothing was written (run the fix again)';
    }
    await rename(temp, target);
    renamed = true;
    await syncFolder(folder);
    return undefined;
  } catch (error) {
    return `Cannot write the fixed file (${reason(error)}); nothing was written`;
  } finally {
    if (!renamed) await unlink(temp).catch(() => {});
  }
}

interface CurrentState {
  stats: Stats;
  bytes: Uint8Array;
}

async function currentState(file: string): Promise<CurrentState | undefined> {
  try {
    const stats = await stat(file);
    if (!stats.isFile()) return undefined;
    return { stats, bytes: await readFile(file) };
  } catch {
    return undefined;
  }
}

/**
 * The bytes decide (an mtime can stay the same across a quick edit, or change with none); a mode
 * change counts too, since the rename would otherwise undo it.
 */
function unchanged(snapshot: Snapshot, current: CurrentState): boolean {
  if ((current.stats.mode & PERMISSION_BITS) !== (snapshot.mode & PERMISSION_BITS)) return false;
  const read = snapshot.bytes;
  return Buffer.from(read.buffer, read.byteOffset, read.byteLength).equals(current.bytes);
}

async function keepOwnerAndMode(temp: string, target: string, mode: number): Promise<void> {
  const [created, original] = await Promise.all([stat(temp), stat(target).catch(() => undefined)]);
  if (original && (created.uid !== original.uid || created.gid !== original.gid)) {
    // Only root (or a member of the group, for the gid) may do this; otherwise the file ends up
    // owned by whoever ran the fix, as with any editor that saves by rename.
    try {
      await chown(temp, original.uid, original.gid);
    } catch {}
  }
  // After chown, which may clear set-id bits.
  await chmod(temp, mode & PERMISSION_BITS);
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

function notApplied(message: string): Finding {
  return fileFinding(FIX_NOT_APPLIED, 'error', message);
}

function isPermissionError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

function errorCode(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
}

function reason(error: unknown, enoent = 'no such file or folder'): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return enoent;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on device';
  return error instanceof Error ? error.message : String(error);
}

/// <reference types="node" />
// Writing a planned fix back to its file: atomically, keeping the BOM, line endings and mode, and
// never over a file that is read-only or no longer holds the bytes the plan was made from.
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { describeFsError } from '@nuance/config';
import { type Finding, toolFinding } from '@nuance/core';
import { errorCode, replaceFileAtomically } from '../atomic-file.js';
import type { Snapshot } from '../read-file.js';
import type { FixPlan } from './plan.js';

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const PERMISSION_BITS = 0o7777;
const READ_ONLY = 'The file is read-only; nothing was written';
const CHANGED = 'The file changed since it was read; nothing was written (run the fix again)';

export interface WrittenFix {
  /** The plan's output is now the file's content. */
  written: boolean;
  /**
   * What to report: the findings left in the written text (or, with nothing to write, in the file);
   * when the fix could not be written, a `nuance/fix-not-applied` error and the findings of the
   * file as it is.
   */
  findings: Finding[];
}

/**
 * Write `plan` (made from `snapshot.text`) over the snapshot's file, unless it changes nothing.
 * Synchronous, as its atomic replace is (atomic-file.ts).
 */
export function writeFix(snapshot: Snapshot, plan: FixPlan): WrittenFix {
  if (plan.output === snapshot.text) return { written: false, findings: plan.findings };
  const failure = writeAtomically(snapshot, encode(plan.output, snapshot.bom));
  if (failure !== undefined) {
    return { written: false, findings: [toolFinding('nuance/fix-not-applied', failure), ...plan.original] };
  }
  return { written: true, findings: plan.findings };
}

function encode(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM);
  bytes.set(body, UTF8_BOM.length);
  return bytes;
}

/** Returns why nothing was written, or undefined when it was. */
function writeAtomically(snapshot: Snapshot, bytes: Uint8Array): string | undefined {
  // rename() needs no write permission on the file itself, only on its folder, so a read-only
  // file must be refused explicitly. The mode bits are checked too because access() says yes
  // to root whatever the mode.
  if ((snapshot.mode & 0o222) === 0) return READ_ONLY;
  try {
    accessSync(snapshot.path, constants.W_OK);
  } catch (error) {
    if (isPermissionError(error)) return READ_ONLY;
    // Any other reason (the file is gone...) is caught by the comparison before the rename.
  }
  // Replace the target of a symbolic link, not the link.
  const target = realTarget(snapshot.path);
  if (snapshot.nlink > 1) return writeInPlace(snapshot, target, bytes);
  const outcome = replaceFileAtomically(target, bytes, {
    mode: snapshot.mode,
    // As close to the rename as possible: the window left is a few system calls.
    lastCheck: () => (unchanged(snapshot, target) ? undefined : CHANGED),
  });
  if (outcome.ok) return undefined;
  if (outcome.step === 'check') return outcome.reason;
  if (outcome.step === 'temp') {
    const shown = path.dirname(snapshot.displayPath);
    return `Cannot create a temporary file in the folder \`${shown}\` (${reason(outcome.error, 'no such folder')}); nothing was written`;
  }
  return `Cannot write the fixed file (${reason(outcome.error)}); nothing was written`;
}

/**
 * A file with several names (hard links): a rename would give this name a new file and leave the
 * others with the old text, so the bytes are written into the file itself, as editors do for
 * linked files (vim's `backupcopy=auto`), after the same checks, on the open file: still the file
 * read (same device and inode), holding the bytes read, with the mode read. Not atomic: a reader
 * at that moment may see part of the new text, and if a write fails the old bytes are put back.
 */
function writeInPlace(snapshot: Snapshot, file: string, bytes: Uint8Array): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDWR | constants.O_NONBLOCK);
  } catch (error) {
    return isPermissionError(error)
      ? READ_ONLY
      : `Cannot write the fixed file (${reason(error)}); nothing was written`;
  }
  try {
    const stats = fstatSync(fd);
    const same = stats.isFile() && stats.dev === snapshot.dev && stats.ino === snapshot.ino;
    if (!same || (stats.mode & PERMISSION_BITS) !== (snapshot.mode & PERMISSION_BITS)) return CHANGED;
    if (!equalBytes(snapshot.bytes, readFileSync(fd))) return CHANGED;
    try {
      overwrite(fd, bytes);
    } catch (error) {
      try {
        overwrite(fd, snapshot.bytes);
      } catch {}
      return `Cannot write the fixed file (${reason(error)}); its text was put back`;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function overwrite(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
  ftruncateSync(fd, bytes.length);
  fsyncSync(fd);
}

/** The file a path names, its links resolved; the path itself when that fails. */
function realTarget(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/**
 * The bytes decide (an mtime can stay the same across a quick edit, or change with none); a mode
 * change counts too, since the rename would otherwise undo it.
 */
function unchanged(snapshot: Snapshot, file: string): boolean {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return false;
    if ((stats.mode & PERMISSION_BITS) !== (snapshot.mode & PERMISSION_BITS)) return false;
    return equalBytes(snapshot.bytes, readFileSync(file));
  } catch {
    return false;
  }
}

function isPermissionError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

// The temporary file's ENOENT means its folder is gone, which describeFsError cannot know.
function reason(error: unknown, enoent?: string): string {
  return enoent !== undefined && errorCode(error) === 'ENOENT' ? enoent : describeFsError(error);
}

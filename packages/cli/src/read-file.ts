/// <reference types="node" />
import {
  DEFAULT_MAX_FILE_BYTES,
  describeFsError,
  FileReadError,
  type RegularFile,
  readRegularFileSync,
  type SyncReadOptions,
  strictUtf8,
} from '@nuance/config';
import { createLineIndex, type Finding, hasUtf8Bom, toolFinding } from '@nuance/core';

/** How many leading bytes are searched for NUL to call a file binary (as git does). */
const BINARY_SNIFF_BYTES = 8192;

export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; finding: Finding };

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
  /** The file's identity and its number of names: `--fix` keeps a hard-linked file's links. */
  dev: number;
  ino: number;
  nlink: number;
}

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; finding: Finding };

/** What `--max-file-size` says when a file or stdin is over it. */
export const RAISE_LIMIT = 'it was not linted (raise the limit with --max-file-size)';

/**
 * Read a document as UTF-8, with what `--fix` needs to write it back safely: the exact bytes (to
 * notice a change before writing), the BOM, the mode and the file's identity. A leading BOM is
 * dropped, so offsets count from the character after it (DESIGN, Documents). A file that cannot
 * be read, is not a regular file (a device, a FIFO: refused before any read), is over
 * `maxBytes`, is binary or UTF-16, or is not valid UTF-8 gives one file-level
 * `nuance/unreadable-file` finding instead.
 */
export function readSnapshot(
  file: string,
  displayPath: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): SnapshotResult {
  try {
    // Synchronous, as `--fix` writes (atomic-file.ts): file after file, no wait on libuv's threads.
    return snapshotOf(file, displayPath, readRegularFileSync(file, maxBytes));
  } catch (error) {
    return readFailure(error);
  }
}

/**
 * A document's text, read as `readSnapshot` reads it but synchronously and without what `--fix`
 * needs: what a batch of files reads with (lintOneFile), where each await of the asynchronous read
 * would leave the thread idle (config's `readRegularFileSync`, whose options it takes).
 */
export function readTextSync(
  file: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
  options?: SyncReadOptions,
  seen?: (read: RegularFile) => void,
): ReadResult {
  try {
    const read = readRegularFileSync(file, maxBytes, options);
    seen?.(read);
    return decodeDocument(read.bytes);
  } catch (error) {
    return readFailure(error);
  }
}

function snapshotOf(file: string, displayPath: string, read: RegularFile): SnapshotResult {
  const { bytes, stats } = read;
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) return decoded;
  const { mode, dev, ino, nlink } = stats;
  return {
    ok: true,
    snapshot: { path: file, displayPath, bytes, text: decoded.text, bom: decoded.bom, mode, dev, ino, nlink },
  };
}

function readFailure(error: unknown): { ok: false; finding: Finding } {
  const over = error instanceof FileReadError && error.reason === 'too-large' ? `; ${RAISE_LIMIT}` : '';
  return unreadableFile(`Cannot read file: ${describeFsError(error)}${over}`);
}

export function decodeDocument(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    return unreadableFile(`Cannot read a UTF-16 file (${order} byte order mark); save it as UTF-8`);
  }
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) return unreadableFile(`Cannot read a binary file (NUL byte at byte offset ${nul})`);

  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  const text = strictUtf8(body);
  if (text !== undefined) return { ok: true, text, bom };
  // Neither check says where; find the first bad byte ourselves (only on this slow path).
  const bad = firstInvalidUtf8(body);
  const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body.subarray(0, bad));
  const { line, column } = createLineIndex(prefix).position(prefix.length);
  const byteOffset = bad + (bom ? 3 : 0);
  return unreadableFile(
    `Invalid UTF-8 at byte offset ${byteOffset} (line ${line}, column ${column}); save the file as UTF-8`,
    { start: prefix.length, line, column },
  );
}

/** The index of the first byte of the first ill-formed UTF-8 sequence, or -1 (WHATWG rules). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0; // overlong
      if (b === 0xed) upper = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90; // overlong
      if (b === 0xf4) upper = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lower || c > upper : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** An unreadable file: about the whole file, or about the place of its first bad byte. */
export function unreadableFile(
  message: string,
  at?: { start: number; line: number; column: number },
): { ok: false; finding: Finding } {
  const place = at && {
    start: at.start,
    end: at.start,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column,
  };
  return { ok: false, finding: toolFinding('nuance/unreadable-file', message, place) };
}

/// <reference types="node" />
// Reading a file the user names (a draft, a config, a pack, a .gitignore), and a file-system error
// told in a few words, the same in every package (config, CLI, language server). (The other thing
// every reader shares, dropping a BOM, is core's `stripBom`.)
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  // A file where the path needs a folder: from the user's side the path does not exist either.
  ENOTDIR: 'no such file or folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  ELOOP: 'too many levels of symbolic links',
};

/**
 * The reason a file-system call failed, short and without the path (the caller's message names
 * it): `no such file or folder`, `permission denied`; for a less common error Node's own words
 * (`EMFILE: too many open files`).
 */
export function describeFsError(error: unknown): string {
  if (error instanceof FileReadError) return error.message;
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
  if (code !== undefined && WORDS[code] !== undefined) return WORDS[code];
  if (error instanceof Error) {
    // Node appends `, open '/the/path'`: the path is already in the caller's message.
    return error.message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
  }
  return code ?? String(error);
}

/** The largest file read unless a caller says otherwise: 16 MB. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Why `readRegularFile` refused a file (its message is `describeFsError`'s words for it). */
export class FileReadError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-regular' | 'too-large',
    /** For `too-large`: the size seen (at least) and the limit. */
    readonly size?: number,
    readonly limit?: number,
  ) {
    super(message);
  }
}

export interface RegularFile {
  bytes: Uint8Array;
  /** Of the open file (after the path was resolved, so never of a symbolic link). */
  stats: Stats;
}

const CHUNK = 64 * 1024;

/**
 * Read a regular file, following symbolic links, of at most `maxBytes`. Anything else (a FIFO, a
 * device such as /dev/zero, a socket, a folder) is refused before a byte is read, so a read
 * neither hangs nor grows without bound: the path is checked with stat, then opened non-blocking
 * (a FIFO put there in between does not block the open) and checked again on the open file. A
 * file over the limit (or growing past it while read) is refused too. Throws a FileReadError for
 * a refusal and the system error otherwise.
 */
export async function readRegularFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<RegularFile> {
  checkRegular(await stat(file), maxBytes);
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    checkRegular(stats, maxBytes);
    const into = new FileBuffer(stats.size, maxBytes);
    for (;;) {
      const asked = into.buffer.length - into.length;
      const { bytesRead } = await handle.read(into.buffer, into.length, asked, null);
      if (!into.advance(bytesRead, asked)) break;
    }
    return { bytes: into.bytes(), stats };
  } finally {
    await handle.close();
  }
}

/** How `readRegularFileSync` reads a file of a batch. */
export interface SyncReadOptions {
  /**
   * Read into this buffer, kept from one file to the next: the bytes returned are valid until its
   * next read. For a batch that needs a file's bytes only until it has decoded them: a fresh buffer
   * per file is memory touched for the first time, which on a virtual machine cost more than the
   * read (10 MB of drafts: 30-50 ms of page faults).
   */
  reuse?: ReadBuffer;
  /**
   * A folder walk listed the path as a regular file (not a link): it is opened without the stat
   * before (the open file is still checked). Never for a path a user typed, which may name a device.
   */
  listedRegular?: boolean;
}

/** The buffer of `SyncReadOptions.reuse`. */
export class ReadBuffer {
  buffer: Uint8Array = new Uint8Array(CHUNK);
}

/**
 * `readRegularFile` synchronously, with the same checks: for a caller that cannot wait (a release
 * set's other files, read while a document is linted) and for a batch that reads file after file
 * (the CLI: each await of the asynchronous read is a round trip through libuv's thread pool, about
 * half a millisecond of idle main thread per small file, while these calls take microseconds).
 */
export function readRegularFileSync(
  file: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
  options: SyncReadOptions = {},
): RegularFile {
  if (!options.listedRegular) checkRegular(statSync(file), maxBytes);
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    checkRegular(stats, maxBytes);
    const into = new FileBuffer(stats.size, maxBytes, options.reuse?.buffer);
    for (;;) {
      const asked = into.buffer.length - into.length;
      if (!into.advance(readSync(fd, into.buffer, into.length, asked, null), asked)) break;
    }
    if (options.reuse) options.reuse.buffer = into.buffer;
    return { bytes: into.bytes(), stats };
  } finally {
    closeSync(fd);
  }
}

/**
 * A config, pack or `.gitignore` as text (UTF-8, bad bytes as U+FFFD, as `readFile(file, 'utf8')`
 * gives), read as `readRegularFile` reads.
 */
export async function readText(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<string> {
  return decodeText((await readRegularFile(file, maxBytes)).bytes);
}

/**
 * Bytes as `readText` decodes them (a BOM kept, for the caller to strip): `strictUtf8`'s quick
 * path when they are well-formed (a 7.5 MB TBX termbase: 52 of a first run's 1,336 samples in
 * TextDecoder), the decoder's replacement characters otherwise.
 */
export function decodeText(bytes: Uint8Array): string {
  return strictUtf8(bytes) ?? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

// One decoder for every call: a decode without `stream` starts afresh, even after a throw.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `bytes` as text (a BOM kept), or undefined when they are not well-formed UTF-8 (as the WHATWG
 * decoder in fatal mode says: no overlong form, surrogate or code point above U+10FFFF). ASCII is
 * read as Latin-1, anything else checked (simdutf) and converted to UTF-16 by ICU, whose string
 * Node copies as it is: over the 10 MB bench corpus (1,246 files), 7-10 ms against 29-30 ms for
 * TextDecoder or `toString('utf8')`, which decode one unit at a time. A Node without ICU has no
 * `transcode`: the decoder then.
 */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buffer)) return buffer.toString('latin1');
  if (!isUtf8(buffer)) return undefined;
  if (typeof transcode !== 'function') return STRICT_UTF8.decode(buffer);
  return transcode(buffer, 'utf8', 'ucs2').toString('ucs2');
}

function checkRegular(stats: Stats, maxBytes: number): void {
  if (stats.isDirectory()) throw new FileReadError('it is a folder', 'not-regular');
  if (!stats.isFile()) throw new FileReadError(`it is ${kindOf(stats)}, not a regular file`, 'not-regular');
  if (stats.size > maxBytes) throw tooLarge(stats.size, maxBytes);
}

function tooLarge(size: number, limit: number): FileReadError {
  return new FileReadError(
    `it is ${formatBytes(size)}, more than the limit of ${formatBytes(limit)}`,
    'too-large',
    size,
    limit,
  );
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** `16 MB`, `1.5 KB`, `18 MB`, `300 bytes`, `2,049 bytes` (1 MB = 1,048,576 bytes; never `2.0 KB`). */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes < size) continue;
    const value = bytes / size;
    if (Number.isInteger(value)) return `${value} ${unit}`;
    const rounded = value.toFixed(1);
    if (!rounded.endsWith('.0')) return `${rounded} ${unit}`;
    // `2.0 KB` next to a limit of `2 KB` says nothing: a small count is given in bytes.
    if (value >= 10) return `${Math.round(value)} ${unit}`;
    break;
  }
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/**
 * One buffer a file is read into: the whole file at once when its size is right (a byte to spare,
 * so that the read that returns nothing needs no buffer of its own), grown only when the file
 * grew, and never past one byte over the limit, which tells that it is over.
 */
class FileBuffer {
  buffer: Uint8Array;
  length = 0;

  /** `spare`: a buffer to read into when it holds the file (SyncReadOptions.reuse). */
  constructor(
    private readonly size: number,
    private readonly maxBytes: number,
    spare?: Uint8Array,
  ) {
    const wanted = Math.min(maxBytes, size) + 1;
    this.buffer = spare !== undefined && spare.length >= wanted ? spare : new Uint8Array(wanted);
  }

  /**
   * Counts `read` more bytes of the `asked`; false at the end of the file. Throws past the limit.
   * A short read that has all the size fstat gave is the end, as readFileSync takes it: the read
   * that would return nothing is one system call per file saved. (A file that says it is empty,
   * as /proc's do, is read until a read returns nothing.)
   */
  advance(read: number, asked: number): boolean {
    if (read === 0) return false;
    this.length += read;
    if (this.length > this.maxBytes) throw tooLarge(this.length, this.maxBytes);
    if (read < asked && this.size > 0 && this.length >= this.size) return false;
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(Math.min(this.maxBytes + 1, this.length + CHUNK));
      grown.set(this.buffer);
      this.buffer = grown;
    }
    return true;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

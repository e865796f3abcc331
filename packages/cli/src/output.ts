/// <reference types="node" />
// The one writer of `--output`, for `nuance check` and `nuance merge`. A report is usually a file
// that a CI step reads next, so a regular file is replaced atomically. But `-o` may also name a
// pipe, a terminal, /dev/null or /dev/fd/N: those are written into, never replaced by a file (as
// root, a rename over /dev/null would break every later step of the job).
import { constants, type Stats, writeSync } from 'node:fs';
import { lstat, open, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from '@nuance/config';
import { errorCode, replaceFileAtomically } from './atomic-file.js';
import type { CliIo, OutputStream } from './io.js';
import { terminalText } from './reporters/terminal-text.js';

/** Why a report was not written, in words for the user. */
export class OutputError extends Error {}

export interface OutputOptions {
  /** Absolute paths of the files this run lints: the report never replaces one of them. */
  protect?: readonly string[];
  /**
   * The run's own standard output and error, for `/dev/stdout` (`/dev/fd/1`) and `/dev/stderr`
   * (`/dev/fd/2`): the report then keeps its place among what else they print.
   */
  stdout?: OutputStream;
  stderr?: OutputStream;
}

// This process's open descriptors by name. The descriptor itself is written, as a shell does
// (`>>` keeps what the file holds; a socket cannot be opened by name); the /proc link it points
// at (`pipe:[123]`) is never followed as a path.
const DESCRIPTOR = /^\/(?:dev\/(?:fd\/(\d+)|(stdout)|(stderr))|proc\/(?:self|thread-self)\/fd\/(\d+))$/;
/** As the kernel's limit on links in one path lookup. */
const MAX_LINKS = 40;

/**
 * Write `text` to `file` (absolute):
 * - `/dev/fd/N`, `/dev/stdout`, `/dev/stderr`, `/proc/self/fd/N`: written into the descriptor;
 * - a symbolic link: followed, and the file it ends at written as below; the link stays a link;
 * - a FIFO or a character device: streamed into (a reader of the FIFO gets the report);
 * - a regular file or a new path: replaced or created atomically, keeping the mode (and, as root,
 *   the owner) of the file replaced; refused when it is one of `protect`;
 * - a folder, a block device or a socket: refused.
 * Throws an OutputError for a refusal, the system error otherwise.
 */
export async function writeOutputFile(
  file: string,
  text: string,
  options: OutputOptions = {},
): Promise<void> {
  const target = await followLinks(file);
  const descriptor = descriptorOf(target);
  if (descriptor !== undefined) return writeDescriptor(descriptor, text, options);
  const info = await stat(target).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  });
  if (info) {
    if (info.isFIFO() || info.isCharacterDevice()) return streamInto(target, text);
    if (info.isDirectory()) throw new OutputError('it is a folder');
    if (!info.isFile()) {
      const kind = info.isBlockDevice() ? 'a block device' : 'a socket';
      throw new OutputError(`it is ${kind}; a report goes to a file, a pipe or a character device`);
    }
    if (await isOneOf(info, options.protect ?? [])) {
      throw new OutputError('it is a file this run lints; choose another file for the report');
    }
  }
  const outcome = replaceFileAtomically(target, text);
  if (!outcome.ok) throw outcome.step === 'check' ? new OutputError(outcome.reason) : outcome.error;
}

/**
 * `--output FILE` (relative to the working folder): write the report, or print why it could not
 * be written as `nuance: Cannot write the report to ...` and return false (the caller exits 2).
 */
export async function writeReport(
  output: string,
  text: string,
  io: CliIo,
  options: OutputOptions = {},
): Promise<boolean> {
  try {
    await writeOutputFile(path.resolve(io.cwd, output), text, {
      ...options,
      stdout: io.stdout,
      stderr: io.stderr,
    });
    return true;
  } catch (error) {
    const why = error instanceof OutputError ? error.message : describeFsError(error);
    io.stderr.write(`nuance: ${terminalText(`Cannot write the report to \`${output}\`: ${why}`)}\n`);
    return false;
  }
}

function descriptorOf(file: string): number | undefined {
  const match = DESCRIPTOR.exec(file);
  if (!match) return undefined;
  if (match[2] !== undefined) return 1;
  if (match[3] !== undefined) return 2;
  return Number(match[1] ?? match[4]);
}

async function writeDescriptor(fd: number, text: string, options: OutputOptions): Promise<void> {
  const stream = fd === 1 ? options.stdout : fd === 2 ? options.stderr : undefined;
  if (stream) {
    stream.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written);
    } catch (error) {
      // A descriptor its opener left non-blocking: wait for the reader to make room.
      if (errorCode(error) !== 'EAGAIN') throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** Open without creating or truncating, and write: a FIFO's reader or a device gets it all. */
async function streamInto(file: string, text: string): Promise<void> {
  const handle = await open(file, constants.O_WRONLY);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/**
 * The path the symbolic links from `file` end at, which may not exist yet (a link to a new file),
 * or the descriptor name they reach.
 */
async function followLinks(file: string): Promise<string> {
  let current = file;
  for (let links = 0; links <= MAX_LINKS; links++) {
    if (descriptorOf(current) !== undefined) return current;
    let info: Stats;
    try {
      info = await lstat(current);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return current;
      throw error;
    }
    if (!info.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw new OutputError('too many levels of symbolic links');
}

/** Whether `info` is one of `files`, under any name (a hard link, a symbolic link, `./`). */
async function isOneOf(info: Stats, files: readonly string[]): Promise<boolean> {
  const others = await Promise.all(files.map((file) => stat(file).catch(() => undefined)));
  return others.some((other) => other !== undefined && other.dev === info.dev && other.ino === info.ino);
}

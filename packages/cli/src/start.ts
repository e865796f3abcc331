/// <reference types="node" />
// The bundle's entry (scripts/bundle.mjs makes dist/nuance.cjs of it; dist/bin.cjs runs it): the
// CLI on the main thread, the lint loop in the worker threads of --jobs, so both load one file.
// It also exports `main`: the published package's API is this bundle, which needs no dependency.
import { fstatSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { RuleSetCache } from '@nuance/config';
import { parseCommand } from './args.js';
import { keepHanWordsIn } from './han-words.js';
import type { OutputStream } from './io.js';
import { main } from './main.js';
import { runWorker } from './parallel/worker.js';

export { main };

/** What the bin (bin.cts) knows: its cache folder, and a key of the bundle's code and Node's version. */
export interface StartHost {
  cacheDir?: string | undefined;
  codeKey?: string | undefined;
}

/**
 * Run the CLI with the process's arguments and streams, or a --jobs worker in a worker thread.
 * Returns the use the run makes of the bundle's code, for the bin's code cache (a cache written by
 * a run of less use is written again): 1 for a check, which lints, 0 for any other command (its
 * cache would lack the code a check runs).
 */
export function start(host: StartHost = {}): number {
  if (!isMainThread) {
    // A worker reads the segmenter's answers kept before; only the main thread writes them.
    if (host.cacheDir !== undefined) keepHanWordsIn(host.cacheDir, false);
    runWorker();
    return 0;
  }
  // Compiled packs are kept beside the code cache, for this build only: a rule set compiled by one
  // build of the bundle is never read by another.
  const cache =
    host.cacheDir !== undefined && host.codeKey !== undefined
      ? RuleSetCache.inFolder(host.cacheDir, host.codeKey)
      : undefined;
  if (host.cacheDir !== undefined) keepHanWordsIn(host.cacheDir);
  // Node makes each standard stream when first asked for it (a pipe's takes milliseconds): a run
  // that prints nothing, or reads no stdin, does not pay for it.
  let stdout: NodeJS.WriteStream | undefined;
  void main(process.argv.slice(2), {
    cwd: process.cwd(),
    ...(cache ? { cache } : {}),
    ...(host.codeKey !== undefined ? { buildKey: host.codeKey } : {}),
    get stdout() {
      if (!stdout) {
        stdout = process.stdout;
        // A closed pipe (`nuance | head`) is the reader's choice, not an error worth a stack trace.
        stdout.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE') throw error;
        });
      }
      return stdout;
    },
    stderr: lazyStderr(),
    get stdin() {
      return process.stdin;
    },
  }).then((code) => {
    process.exitCode = code;
  });
  return codeUse(process.argv.slice(2));
}

/** `start`'s answer: 1 for a check (the command of a run that names no other), else 0. */
function codeUse(argv: readonly string[]): number {
  try {
    return parseCommand(argv).name === 'check' ? 1 : 0;
  } catch {
    return 0;
  }
}

/**
 * Standard error, made when first written to. Whether it is a terminal, which every run asks (the
 * progress line), is asked of its file descriptor first: only a character device can be one, and
 * making the stream to ask it took 3 ms for a file and 5-9 ms for a pipe (Node's net module).
 */
function lazyStderr(): OutputStream {
  let device: boolean | undefined;
  return {
    get isTTY() {
      device ??= characterDevice(2);
      return device && process.stderr.isTTY === true;
    },
    get columns() {
      return process.stderr.columns;
    },
    write(chunk: string) {
      return process.stderr.write(chunk);
    },
  };
}

function characterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

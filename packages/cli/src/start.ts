/// <reference types="node" />
// The bundle's entry (scripts/bundle.mjs makes dist/nuance.cjs of it; dist/bin.js runs it): the
// CLI on the main thread, the lint loop in the worker threads of --jobs, so both load one file.
// It also exports `main`: the published package's API is this bundle, which needs no dependency.
import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';
import { runWorker } from './parallel/worker.js';

export { main };

/** Run the CLI with the process's arguments and streams, or a --jobs worker in a worker thread. */
export function start(): void {
  if (!isMainThread) {
    runWorker();
    return;
  }
  // Node makes each standard stream when first asked for it (a pipe's takes milliseconds): a run
  // that prints nothing, or reads no stdin, does not pay for it.
  let stdout: NodeJS.WriteStream | undefined;
  void main(process.argv.slice(2), {
    cwd: process.cwd(),
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
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
  }).then((code) => {
    process.exitCode = code;
  });
}

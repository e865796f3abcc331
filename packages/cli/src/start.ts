/// <reference types="node" />
// The bundle's entry (scripts/bundle.mjs makes dist/nuance.cjs of it; dist/bin.js runs it): the
// CLI on the main thread, the lint loop in the worker threads of --jobs, so both load one file.
import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';
import { runWorker } from './parallel/worker.js';

export { main } from './main.js';

/** Run the CLI with the process's arguments and streams, or a --jobs worker in a worker thread. */
export function start(): void {
  if (!isMainThread) {
    runWorker();
    return;
  }
  // A closed pipe (`nuance | head`) is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  void main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  }).then((code) => {
    process.exitCode = code;
  });
}

// The worker thread entry (run from dist: worker threads cannot load TypeScript). It loads each
// config itself, since compiled rule sets hold functions and cannot be sent between threads.
import { parentPort, workerData } from 'node:worker_threads';
import { createConfigLoader, lintOneFile } from './lint-one.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('parallel/worker.js is a worker thread entry, not a program');
const { cwd } = workerData as WorkerInit;
const loadConfigCached = createConfigLoader(cwd);
const send = (message: FromWorker) => port.postMessage(message);

// The pool sends the next batch only after `batch-done`, so batches never interleave.
port.on('message', async (message: ToWorker) => {
  for (const { slot, task } of message.tasks) {
    send({ type: 'result', slot, result: await lintOneFile(task, loadConfigCached) });
  }
  send({ type: 'batch-done' });
});
send({ type: 'ready' });

// The worker threads' side of --jobs. They run the same bundle as the main thread (dist/bin.js
// calls `runWorker` when it is not the main thread): worker threads cannot load TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { lintOneFile } from './lint-one.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';
import { type LintConfig, receiveConfig } from './shared-config.js';

/** Lint the batches the pool sends, under the configs it gave at start, each compiled once when first needed. */
export function runWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runWorker runs in a worker thread of the --jobs pool');
  const { configs } = workerData as WorkerInit;
  const compiled = new Map<number, LintConfig>();
  const configOf = (index: number): LintConfig => {
    let config = compiled.get(index);
    if (!config) {
      const shared = configs[index];
      if (!shared) throw new Error(`The pool sent a task with config ${index}, of ${configs.length}`);
      config = receiveConfig(shared);
      compiled.set(index, config);
    }
    return config;
  };
  const send = (message: FromWorker) => port.postMessage(message);

  // Batches are linted one after the other, in the order sent: the pool counts on it to tell
  // which file a worker that died was on.
  const batches: ToWorker['tasks'][] = [];
  let draining = false;
  const drain = async () => {
    draining = true;
    for (let tasks = batches.shift(); tasks; tasks = batches.shift()) {
      for (const { slot, task, config } of tasks) {
        send({ type: 'result', slot, result: await lintOneFile(task, () => configOf(config)) });
      }
      send({ type: 'batch-done' });
    }
    draining = false;
  };
  port.on('message', (message: ToWorker) => {
    batches.push(message.tasks);
    if (!draining) void drain();
  });
  send({ type: 'ready' });
}

// The worker threads' side of --jobs. They run the same bundle as the main thread (dist/bin.cjs
// calls `runWorker` when it is not the main thread): worker threads cannot load TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { lintOneFile } from './lint-one.js';
import { claim, type FromWorker, type WorkerInit } from './protocol.js';
import { type LintConfig, receiveConfig } from './shared-config.js';

/**
 * Lint every task no other thread has claimed, from the front of the order, under the configs the
 * pool gave at start (each compiled once, when first needed), then say so.
 */
export function runWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runWorker runs in a worker thread of the --jobs pool');
  const init = workerData as WorkerInit;
  const claims = new Int32Array(init.claims);
  const current = new Int32Array(init.current);
  const compiled = new Map<number, LintConfig>();
  const configOf = (index: number): LintConfig => {
    let config = compiled.get(index);
    if (!config) {
      const shared = init.configs[index];
      if (!shared) throw new Error(`The pool sent a task with config ${index}, of ${init.configs.length}`);
      config = receiveConfig(shared);
      compiled.set(index, config);
    }
    return config;
  };
  const send = (message: FromWorker) => port.postMessage(message);

  send({ type: 'ready' });
  void (async () => {
    for (const [index, { slot, task, config }] of init.tasks.entries()) {
      if (!claim(claims, index)) continue;
      Atomics.store(current, init.worker, index + 1);
      send({ type: 'result', slot, result: await lintOneFile(task, () => configOf(config)) });
      Atomics.store(current, init.worker, 0);
    }
    send({ type: 'done' });
  })();
}

/// <reference types="node" />
// The worker threads of a --jobs run: started at once, fed batches from the head of the queue
// (the largest) while the main thread lints from its tail, restarted when one dies with work left.
import { Worker } from 'node:worker_threads';
import type { LintTaskResult } from './lint-one.js';
import type { FromWorker, SlottedTask, ToWorker, WorkerInit } from './protocol.js';

export interface WorkerSetOptions {
  /** Worker threads to run at most. */
  count: number;
  file: string;
  init: WorkerInit;
  /** Called with each result, from a worker or for a file a dead worker was on. */
  record: (slot: number, result: LintTaskResult) => void;
  /**
   * Whether this thread lints the queue too. Then a worker that cannot start is dropped and this
   * thread lints what is left; without it, no other worker would fare better and every queued
   * task fails.
   */
  lintHere: boolean;
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  /** Batches sent and not done. */
  batches: number;
  /** Tasks sent without a result yet, in the order the worker lints them. */
  pending: SlottedTask[];
  failure?: string;
}

/**
 * Batches a worker holds at once: the next one waits in its port, so it need not wait for this
 * thread, which hands batches out only between the files it lints itself.
 */
const BATCHES_AHEAD = 2;

/** What `startWorkers` gives back: `stop` ends every worker once the run has every result. */
export interface WorkerSet {
  stop(): Promise<void>;
}

/** Start up to `count` workers that take batches from `queue` (shared with the caller) until it is empty. */
export function startWorkers(queue: SlottedTask[][], options: WorkerSetOptions): WorkerSet {
  const live = new Set<PoolWorker>();
  let stopped = false;
  let startFailed = false;
  const fail = (item: SlottedTask, reason: string) =>
    options.record(item.slot, { index: item.task.index, findings: [], error: reason });

  const feed = (w: PoolWorker) => {
    while (w.batches < BATCHES_AHEAD) {
      const next = stopped ? undefined : queue.shift();
      if (!next) break;
      w.batches++;
      w.pending.push(...next);
      w.worker.postMessage({ type: 'batch', tasks: next } satisfies ToWorker);
    }
    if (w.batches === 0) {
      live.delete(w);
      void w.worker.terminate();
    }
  };
  const onExit = (w: PoolWorker, code: number) => {
    if (!live.has(w)) return;
    live.delete(w);
    const why = `worker thread stopped (exit code ${code})${w.failure ? `: ${w.failure}` : ''}`;
    if (!w.ready) {
      startFailed = true;
      if (!options.lintHere) {
        for (const item of queue.flat()) fail(item, why);
        queue.length = 0;
      }
    } else {
      const [culprit, ...rest] = w.pending;
      if (culprit) fail(culprit, `${why}, while linting ${culprit.task.displayPath}`);
      if (rest.length > 0) queue.unshift(rest);
    }
    w.pending = [];
    w.batches = 0;
    if (!stopped && !startFailed && queue.length > 0 && live.size < options.count) spawn();
  };
  const spawn = () => {
    const w: PoolWorker = {
      // Node flags such as vitest's `--conditions source` would make the worker load .ts sources.
      worker: new Worker(options.file, { workerData: options.init, execArgv: inheritedExecArgv() }),
      ready: false,
      batches: 0,
      pending: [],
    };
    live.add(w);
    w.worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        w.ready = true;
        feed(w);
      } else if (message.type === 'result') {
        w.pending = w.pending.filter((p) => p.slot !== message.slot);
        options.record(message.slot, message.result);
      } else {
        w.batches--;
        feed(w);
      }
    });
    w.worker.on('error', (error) => {
      w.failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    });
    w.worker.on('exit', (code) => onExit(w, code));
  };

  for (let i = 0; i < Math.min(options.count, queue.length); i++) spawn();
  return {
    async stop() {
      stopped = true;
      const stopping = [...live].map((w) => w.worker.terminate());
      live.clear();
      await Promise.allSettled(stopping);
    },
  };
}

function inheritedExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--conditions' || arg === '-C') {
      i++;
      continue;
    }
    if (arg.startsWith('--conditions=') || arg.startsWith('-C=')) continue;
    out.push(arg);
  }
  return out;
}

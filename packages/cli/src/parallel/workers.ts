/// <reference types="node" />
// The worker threads of a --jobs run: started at once, each taking files from the shared order
// until none is left (protocol.ts), restarted when one dies with files left unclaimed.
import { Worker } from 'node:worker_threads';
import { errorText } from '../error-text.js';
import type { LintTaskResult } from './lint-one.js';
import { claim, type FromWorker, type WorkerInit } from './protocol.js';

export interface WorkerSetOptions {
  /** Worker threads to run at most. */
  count: number;
  file: string;
  init: Omit<WorkerInit, 'worker'>;
  /** Called with each result, from a worker or for a file a dead worker was on. */
  record: (slot: number, result: LintTaskResult) => void;
  /**
   * Whether this thread lints too. Then a worker that cannot start or dies is not replaced: this
   * thread takes what is left. Without it, a dead worker is replaced while files are left, and
   * when one cannot start, no other would fare better: every file left fails.
   */
  lintHere: boolean;
}

/** What `startWorkers` gives back: `stop` ends every worker once the run has every result. */
export interface WorkerSet {
  stop(): Promise<void>;
}

interface PoolWorker {
  worker: Worker;
  /** Its cell in `init.current`. */
  index: number;
  ready: boolean;
  failure?: string;
}

/** Start up to `count` workers, which claim and lint files until none is left unclaimed. */
export function startWorkers(options: WorkerSetOptions): WorkerSet {
  const { init } = options;
  const claims = new Int32Array(init.claims);
  const current = new Int32Array(init.current);
  const live = new Set<PoolWorker>();
  let stopped = false;
  const fail = (index: number, reason: string) => {
    const item = init.tasks[index]!;
    options.record(item.slot, { index: item.task.index, findings: [], error: reason });
  };
  const unclaimed = () => init.tasks.some((_, index) => Atomics.load(claims, index) === 0);

  const onExit = (w: PoolWorker, code: number) => {
    if (!live.has(w)) return;
    live.delete(w);
    const why = `worker thread stopped (exit code ${code})${w.failure ? `: ${w.failure}` : ''}`;
    const on = Atomics.load(current, w.index) - 1;
    if (on >= 0) fail(on, `${why}, while linting ${init.tasks[on]!.task.displayPath}`);
    if (stopped || options.lintHere) return;
    if (w.ready) {
      if (unclaimed()) spawn(w.index);
    } else {
      init.tasks.forEach((_, index) => {
        if (claim(claims, index)) fail(index, why);
      });
    }
  };
  const spawn = (index: number) => {
    Atomics.store(current, index, 0);
    const workerData: WorkerInit = { ...init, worker: index };
    const w: PoolWorker = {
      // Node flags such as vitest's `--conditions source` would make the worker load .ts sources.
      worker: new Worker(options.file, { workerData, execArgv: inheritedExecArgv() }),
      index,
      ready: false,
    };
    live.add(w);
    w.worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') w.ready = true;
      else if (message.type === 'result') options.record(message.slot, message.result);
      else {
        live.delete(w);
        void w.worker.terminate();
      }
    });
    w.worker.on('error', (error) => {
      w.failure = errorText(error);
    });
    w.worker.on('exit', (code) => onExit(w, code));
  };

  for (let i = 0; i < options.count; i++) spawn(i);
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

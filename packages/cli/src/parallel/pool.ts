/// <reference types="node" />
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createConfigLoader, type LintTask, type LintTaskResult, lintOneFile } from './lint-one.js';
import type { FromWorker, SlottedTask, ToWorker, WorkerInit } from './protocol.js';

export interface ParallelOptions {
  /** Worker threads; 1 (or a single task) lints in this thread, with the same function. */
  jobs: number;
  /** Where a config-less run resolves pack paths (the CLI's working folder); default process.cwd(). */
  cwd?: string;
  /** Called after each file, in completion order. */
  onProgress?: (done: number, total: number) => void;
  /** The worker entry file; tests pass a stand-in. Default: the built `dist/parallel/worker.js`. */
  workerFile?: string;
}

const SMALL_RUN_FILES = 50;
const SMALL_RUN_BYTES = 2 * 1024 * 1024;
const MAX_JOBS_DEFAULT = 2;
/** Batches per worker: enough to even out the tail, few enough to keep messages cheap. */
const BATCHES_PER_JOB = 8;
const MAX_BATCH_TASKS = 64;

/**
 * `--jobs` when not given: 1 for a small run (under 50 files and under 2 MB: starting a worker
 * and compiling the packs in it costs more than it saves), else min(2, cores).
 */
export function defaultJobs(fileCount: number, totalBytes: number, cores: number): number {
  if (fileCount < 2) return 1;
  if (fileCount < SMALL_RUN_FILES && totalBytes < SMALL_RUN_BYTES) return 1;
  return Math.max(1, Math.min(MAX_JOBS_DEFAULT, Math.floor(cores)));
}

/**
 * Lint files on `jobs` worker threads. Results come back in the order of `tasks` whatever order
 * the workers finish in, each the same as `lintOneFile` gives in this thread. A worker that dies
 * gives an error result for the file it was linting; the rest of its batch goes to a new worker.
 */
export async function lintInParallel(
  tasks: readonly LintTask[],
  options: ParallelOptions,
): Promise<LintTaskResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const total = tasks.length;
  if (options.jobs <= 1 || total <= 1) {
    const loadConfigCached = createConfigLoader(cwd);
    const results: LintTaskResult[] = [];
    for (const task of tasks) {
      results.push(await lintOneFile(task, loadConfigCached));
      options.onProgress?.(results.length, total);
    }
    return results;
  }
  const workerFile = options.workerFile ?? workerEntry();
  const sizes = await Promise.all(tasks.map((t) => t.bytes ?? fileSize(t.path)));
  const queue: SlottedTask[][] = makeBatches(sizes, options.jobs).map((slots) =>
    slots.map((slot) => ({ slot, task: tasks[slot]! })),
  );
  return runPool(tasks, queue, { ...options, cwd, workerFile });
}

/**
 * Split slots 0..n-1 into runs of neighbouring files of about equal size, largest first: workers
 * pull the next batch when done, so the big ones start early and the small ones fill the tail.
 */
export function makeBatches(sizes: readonly number[], jobs: number): number[][] {
  const totalBytes = sizes.reduce((sum, s) => sum + s, 0);
  const target = Math.max(1, totalBytes / (Math.max(1, jobs) * BATCHES_PER_JOB));
  const batches: { slots: number[]; bytes: number }[] = [];
  let current: { slots: number[]; bytes: number } = { slots: [], bytes: 0 };
  sizes.forEach((size, slot) => {
    current.slots.push(slot);
    current.bytes += size;
    if (current.bytes >= target || current.slots.length >= MAX_BATCH_TASKS) {
      batches.push(current);
      current = { slots: [], bytes: 0 };
    }
  });
  if (current.slots.length > 0) batches.push(current);
  // A stable sort: equal batches keep input order.
  return batches.sort((a, b) => b.bytes - a.bytes).map((b) => b.slots);
}

/** The built worker entry: next to this module in dist, or dist's copy when run from src (tests). */
export function workerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.js')
    ? fileURLToPath(new URL('./worker.js', import.meta.url))
    : path.resolve(path.dirname(here), '..', '..', 'dist', 'parallel', 'worker.js');
  if (!existsSync(file)) {
    throw new Error(
      `The worker thread entry \`${file}\` is missing: run \`pnpm build\` first (worker threads run built JS)`,
    );
  }
  return file;
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    // Unreadable: it costs next to nothing, and lintOneFile reports why.
    return 0;
  }
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  /** Slots of the current batch without a result yet, in the order the worker lints them. */
  pending: SlottedTask[];
  failure?: string;
}

function runPool(
  tasks: readonly LintTask[],
  queue: SlottedTask[][],
  options: ParallelOptions & { cwd: string; workerFile: string },
): Promise<LintTaskResult[]> {
  const total = tasks.length;
  const results: (LintTaskResult | undefined)[] = new Array(total).fill(undefined);
  let done = 0;
  const live = new Set<PoolWorker>();

  return new Promise((resolve) => {
    let settled = false;
    const record = (slot: number, result: LintTaskResult) => {
      if (results[slot] !== undefined) return;
      results[slot] = result;
      done++;
      options.onProgress?.(done, total);
    };
    const fail = (item: SlottedTask, reason: string) =>
      record(item.slot, { index: item.task.index, findings: [], error: reason });
    const finishIfDone = () => {
      if (settled || done < total) return;
      settled = true;
      const stopping = [...live].map((w) => w.worker.terminate());
      live.clear();
      void Promise.allSettled(stopping).then(() => resolve(results as LintTaskResult[]));
    };
    const feed = (w: PoolWorker) => {
      const next = queue.shift();
      if (!next) {
        live.delete(w);
        void w.worker.terminate();
        finishIfDone();
        return;
      }
      w.pending = [...next];
      w.worker.postMessage({ type: 'batch', tasks: next } satisfies ToWorker);
    };
    const spawn = () => {
      const init: WorkerInit = { cwd: options.cwd };
      const w: PoolWorker = {
        // Node flags such as vitest's `--conditions source` would make the worker load .ts sources.
        worker: new Worker(options.workerFile, { workerData: init, execArgv: inheritedExecArgv() }),
        ready: false,
        pending: [],
      };
      live.add(w);
      w.worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          w.ready = true;
          feed(w);
        } else if (message.type === 'result') {
          w.pending = w.pending.filter((p) => p.slot !== message.slot);
          record(message.slot, message.result);
        } else {
          feed(w);
        }
      });
      w.worker.on('error', (error) => {
        w.failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
      });
      w.worker.on('exit', (code) => {
        if (!live.has(w)) return;
        live.delete(w);
        const why = `worker thread stopped (exit code ${code})${w.failure ? `: ${w.failure}` : ''}`;
        if (!w.ready) {
          // It could not even start (a broken build): no other worker would fare better.
          for (const item of [...w.pending, ...queue.flat()]) fail(item, why);
          queue.length = 0;
        } else {
          const [culprit, ...rest] = w.pending;
          if (culprit) fail(culprit, `${why}, while linting ${culprit.task.displayPath}`);
          if (rest.length > 0) queue.unshift(rest);
        }
        w.pending = [];
        if (queue.length > 0 && live.size < options.jobs) spawn();
        finishIfDone();
      });
    };
    const count = Math.min(options.jobs, queue.length);
    for (let i = 0; i < count; i++) spawn();
    finishIfDone();
  });
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

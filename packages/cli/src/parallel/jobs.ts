/// <reference types="node" />
// How many threads lint a run: `--jobs`, or a default that does not make a run slower than one
// thread, capped by the machine's cores and free memory.
import os from 'node:os';

const SMALL_RUN_FILES = 50;
const SMALL_RUN_BYTES = 2 * 1024 * 1024;
const MAX_JOBS_DEFAULT = 2;
/**
 * Threads the machine must run at once for a worker to pay: on two (a 2-vCPU runner, where both
 * are often one core's hyperthreads and V8's GC threads share them), the 10 MB bench corpus took
 * 1.80-1.95 s with a worker against 1.62-1.81 s without, at every vocabulary.
 */
const MIN_CORES_FOR_WORKERS = 3;
const WORKER_BASE_BYTES = 64 * 1024 * 1024;

/**
 * `--jobs` when not given: 1 for a small run (under 50 files and under 2 MB: a worker must load
 * the bundle and the rule set before it lints anything) and on a machine of fewer than 3 cores,
 * else 2. `totalBytes` is asked only when the count of files and cores leave it to the size (it
 * stats every file).
 */
export async function defaultJobs(
  fileCount: number,
  totalBytes: () => Promise<number>,
  cores: number,
): Promise<number> {
  if (fileCount < 2 || cores < MIN_CORES_FOR_WORKERS) return 1;
  if (fileCount < SMALL_RUN_FILES && (await totalBytes()) < SMALL_RUN_BYTES) return 1;
  return Math.max(1, Math.min(MAX_JOBS_DEFAULT, Math.floor(cores)));
}

/** What bounds the threads of a run. */
export interface Machine {
  /** Threads the machine can run at once (`os.availableParallelism`). */
  cores: number;
  /** Bytes of memory free for more threads: the system's, within a container's limit. */
  freeMemory: number;
}

/**
 * What one more worker thread will take: a V8 heap of its own with the bundle's code and a
 * document's parse, plus the compiled packs and what linting holds, which this thread's heap
 * (its packs loaded, nothing linted yet) stands for.
 */
export function workerBytes(): number {
  return WORKER_BASE_BYTES + process.memoryUsage().heapUsed;
}

/** Threads the machine can run at once. */
export function availableCores(): number {
  return os.availableParallelism();
}

export function thisMachine(): Machine {
  let free = os.freemem();
  // A container's limit (cgroups), when there is one, counted against what this process holds.
  const limit = process.constrainedMemory?.() ?? 0;
  if (limit > 0) free = Math.min(free, Math.max(0, limit - process.memoryUsage.rss()));
  return { cores: availableCores(), freeMemory: free };
}

/**
 * `jobs` threads, at most one per core, and no more worker threads (this thread lints too) than
 * the free memory holds at `workerBytes` each: more threads than cores only take turns, and a
 * worker is a V8 heap of its own holding the compiled packs.
 */
export function capJobs(jobs: number, workerBytes: number, machine: Machine): number {
  const byCores = Math.floor(machine.cores);
  const byMemory = 1 + Math.floor(machine.freeMemory / Math.max(1, workerBytes));
  return Math.max(1, Math.min(Math.floor(jobs), byCores, byMemory));
}

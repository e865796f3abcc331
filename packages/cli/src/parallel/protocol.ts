// How the pool and its worker threads share a run. Every thread takes files by claiming them in
// shared memory, never by waiting for a message: the workers from the front of the order (the
// largest runs of files first), the main thread from the back, so no thread waits for a file that
// another has been given but not started.
import type { LintTask, LintTaskResult } from './lint-one.js';
import type { SharedConfig } from './shared-config.js';

/** A task with its slot (its position in the array given to the pool, where its result goes) and config. */
export interface SlottedTask {
  slot: number;
  task: LintTask;
  /** Its config: an index into `WorkerInit.configs`. */
  config: number;
}

/** What the pool gives a worker at start. */
export interface WorkerInit {
  /** Every config of the run, as the main thread loaded it. */
  configs: SharedConfig[];
  /** Every task of the run, in the order the workers take them. */
  tasks: SlottedTask[];
  /** An Int32Array over it: one cell per entry of `tasks`, 0 until a thread claims the entry. */
  claims: SharedArrayBuffer;
  /**
   * An Int32Array over it: one cell per worker, the entry of `tasks` it is linting plus 1 (0 when
   * none), so that when a worker dies, the pool knows which file it died on.
   */
  current: SharedArrayBuffer;
  /** This worker's cell in `current`. */
  worker: number;
}

/** Claim entry `index` of `tasks` for this thread: false when another thread has it. */
export function claim(claims: Int32Array, index: number): boolean {
  return Atomics.compareExchange(claims, index, 0, 1) === 0;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; slot: number; result: LintTaskResult }
  /** Every task is claimed: the worker has nothing more to do. */
  | { type: 'done' };

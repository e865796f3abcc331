import type { LintTask, LintTaskResult } from './lint-one.js';
import type { SharedConfig } from './shared-config.js';

/** What the pool gives a worker at start: every config of the run, as the main thread loaded it. */
export interface WorkerInit {
  configs: SharedConfig[];
}

/** A task with its slot (its position in the array given to the pool, where its result goes) and config. */
export interface SlottedTask {
  slot: number;
  task: LintTask;
  /** Its config: an index into `WorkerInit.configs`. */
  config: number;
}

export type ToWorker = { type: 'batch'; tasks: SlottedTask[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; slot: number; result: LintTaskResult }
  | { type: 'batch-done' };

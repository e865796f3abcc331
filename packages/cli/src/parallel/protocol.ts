import type { LintTask, LintTaskResult } from './lint-one.js';

/** What the pool gives a worker at start. */
export interface WorkerInit {
  cwd: string;
}

/** A task with its slot: its position in the array given to the pool, where its result goes. */
export interface SlottedTask {
  slot: number;
  task: LintTask;
}

export type ToWorker = { type: 'batch'; tasks: SlottedTask[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; slot: number; result: LintTaskResult }
  | { type: 'batch-done' };

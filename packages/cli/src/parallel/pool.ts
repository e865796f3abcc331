/// <reference types="node" />
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorText } from '../error-text.js';
import {
  type ConfigLoader,
  createConfigLoader,
  type LintTask,
  type LintTaskResult,
  lintOneFile,
} from './lint-one.js';
import { claim, type SlottedTask } from './protocol.js';
import { type LintConfig, shareConfig } from './shared-config.js';
import { startWorkers } from './workers.js';

export interface ParallelOptions {
  /**
   * Threads that lint: this one and `jobs - 1` worker threads (with `lintHere: false`, `jobs`
   * workers). 1, or a single task, lints in this thread alone, with the same function.
   */
  jobs: number;
  /** Where a config-less run resolves pack paths (the CLI's working folder); default process.cwd(). */
  cwd?: string;
  /** The tasks' configs as the caller loaded them; default: a resolver of the pool's own at `cwd`. */
  loadConfig?: ConfigLoader;
  /** Called after each file, in completion order. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Lint in this thread too (default), taking files from the back of the order while the workers
   * take them from the front (protocol.ts): it starts at once, while the workers load, and never
   * waits for a file a worker has not started, so a run the workers cannot speed up is not slowed
   * down by them. Off: the workers lint everything (tests of the pool's handling of its workers).
   */
  lintHere?: boolean;
  /** The worker entry file; tests pass a stand-in. Default: the built bin, `dist/bin.cjs`. */
  workerFile?: string;
}

/** Runs of files per thread in the order: enough that the largest files are taken first. */
const BATCHES_PER_JOB = 8;
const MAX_BATCH_TASKS = 64;

/**
 * Lint files on `jobs` threads. Results come back in the order of `tasks` whatever order the
 * threads finish in, each the same as `lintOneFile` gives in this thread. Each config is loaded
 * once, in this thread, and given to the workers (shared-config.ts). A worker that dies gives an
 * error result for the file it was linting; the files it had not taken go to the other threads.
 */
export async function lintInParallel(
  tasks: readonly LintTask[],
  options: ParallelOptions,
): Promise<LintTaskResult[]> {
  const loadConfig = options.loadConfig ?? createConfigLoader(options.cwd ?? process.cwd());
  const lintHere = options.lintHere ?? true;
  const total = tasks.length;
  const results: (LintTaskResult | undefined)[] = new Array(total).fill(undefined);
  let done = 0;
  let wake: (() => void) | undefined;
  const record = (slot: number, result: LintTaskResult) => {
    if (results[slot] !== undefined) return;
    results[slot] = result;
    done++;
    options.onProgress?.(done, total);
    wake?.();
  };

  const { configs, configIds } = await loadConfigs(tasks, loadConfig, record);
  const workerCount = total > 1 ? Math.max(0, lintHere ? options.jobs - 1 : options.jobs) : 0;
  const order =
    workerCount === 0 ? tasks.map((_, slot) => slot) : makeBatches(tasks.map(taskBytes), options.jobs).flat();
  const items: SlottedTask[] = order.flatMap((slot) => {
    const config = configIds[slot];
    return config === undefined ? [] : [{ slot, task: tasks[slot]!, config }];
  });
  const claimBuffer = new SharedArrayBuffer(4 * items.length);
  const claims = new Int32Array(claimBuffer);
  const workers = startWorkers({
    count: workerCount,
    file: workerCount > 0 ? (options.workerFile ?? workerEntry()) : '',
    init: {
      configs: workerCount > 0 ? configs.map(shareConfig) : [],
      tasks: items,
      claims: claimBuffer,
      current: new SharedArrayBuffer(4 * workerCount),
    },
    record,
    lintHere,
  });
  if (lintHere || workerCount === 0) {
    // From the back (the smallest runs of files), while the workers take from the front. Without
    // workers, in input order.
    for (let i = 0; i < items.length; i++) {
      const index = workerCount === 0 ? i : items.length - 1 - i;
      if (!claim(claims, index)) continue;
      const item = items[index]!;
      record(item.slot, await lintOneFile(item.task, () => configs[item.config]!));
    }
  }
  while (done < total) {
    // Until the workers have reported every file they took.
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  await workers.stop();
  return results as LintTaskResult[];
}

/**
 * The config of each task, each distinct config once. A config that cannot
 * be loaded (a bug: problems in the files are reported, not thrown) fails its tasks at once.
 */
async function loadConfigs(
  tasks: readonly LintTask[],
  loadConfig: ConfigLoader,
  record: (slot: number, result: LintTaskResult) => void,
): Promise<{ configs: LintConfig[]; configIds: (number | undefined)[] }> {
  const configs: LintConfig[] = [];
  const ids = new Map<LintConfig, number>();
  const configIds: (number | undefined)[] = [];
  for (const [slot, task] of tasks.entries()) {
    try {
      const loaded = await loadConfig(task.configFile, task.overrides, task.allowPacksOutside);
      let id = ids.get(loaded);
      if (id === undefined) {
        id = configs.length;
        ids.set(loaded, id);
        configs.push(loaded);
      }
      configIds.push(id);
    } catch (error) {
      configIds.push(undefined);
      const reason = errorText(error);
      record(slot, { index: task.index, findings: [], error: reason });
    }
  }
  return { configs, configIds };
}

/**
 * Split slots 0..n-1 into runs of neighbouring files of about equal size, largest first: the order
 * the workers take files in (and this thread, from the other end), so the big ones start early
 * and the small ones fill the tail.
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

/**
 * The built bin, which runs the bundle (scripts/bundle.mjs) and, in a worker thread, its worker
 * side. It is next to the bundle in dist; tsc's dist/parallel/pool.js and the sources (tests) find
 * it two folders up.
 */
export function workerEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dist = path.basename(here) === 'parallel' ? path.resolve(here, '..', '..', 'dist') : here;
  const file = path.join(dist, 'bin.cjs');
  if (!existsSync(file)) {
    throw new Error(
      `The worker thread entry \`${file}\` is missing: run \`pnpm build\` first (worker threads run the built bundle)`,
    );
  }
  return file;
}

/**
 * A task's size in bytes, stat'ed once and kept in the task. Synchronous: a run of a folder
 * stats every file before the threads start, and through the thread pool 1,246 stats kept this
 * thread waiting 38 ms (the bench corpus), against 4 ms here.
 */
export function taskBytes(task: LintTask): number {
  if (task.bytes === undefined) {
    try {
      task.bytes = statSync(task.path).size;
    } catch {
      // Unreadable: it costs next to nothing, and lintOneFile reports why.
      task.bytes = 0;
    }
  }
  return task.bytes;
}

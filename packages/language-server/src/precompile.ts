/// <reference types="node" />
// Packs compiled on a worker thread when a config or pack file changes on disk, so that the server
// keeps answering meanwhile. Compiling a pack is synchronous: a translator saving a 10,000-term
// termbase held every request of the session back while the server compiled it (a keystroke in a
// draft answered after 0.6-1.2 s). Now the open documents' configs are compiled by a worker thread
// into the rule-set cache while the documents are linted with the configs they had, as before the
// save; then those configs are dropped and loaded again, from the cache. The worker runs the
// server's bundle (worker threads cannot load TypeScript): without it (the ES modules of dist/, a
// test of the sources) or without a rule-set cache, a change is taken at once, as it always was.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { RuleSetCache, type RuleSetCacheOptions } from '@nuance/config';
import { configFor, createConfigResolver } from './config-resolver.js';
import type { ClientSettings } from './settings.js';

/** What a worker compiles: the configs of these documents, as the server resolves them, into this cache. */
export interface PrecompileJob {
  cache: RuleSetCacheOptions;
  /** The client's UI locale (a rule set's fallback locale: part of its key). */
  uiLocale: string | undefined;
  documents: { filePath: string | undefined; folder: string | undefined; settings: ClientSettings }[];
}

/** Compiles a job; resolves when it is done or failed (a failure only means the reload compiles). */
export type PrecompileRunner = (job: PrecompileJob) => Promise<void>;

/** The key of `workerData` that makes the bundle a precompile worker (bin.ts). */
const WORKER = 'nuancePrecompile';

/** How long a worker waits for its next job before it ends: a translator saves a termbase often. */
const IDLE_MS = 60_000;

/**
 * A runner that compiles each job on a worker thread running `bundle` (the server's
 * dist/server.cjs), one job at a time. The worker is kept for the next save until it has been idle
 * IDLE_MS: a fresh one starts in about 0.18 s and then runs the compile's code before V8 has
 * optimized any of it, which the next save's compile no longer pays.
 */
export function workerPrecompiler(bundle: string, idleMs = IDLE_MS): PrecompileRunner {
  let worker: Worker | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const start = (): Worker => {
    // Its standard streams are its own: the server's stdout carries the protocol.
    const started = new Worker(bundle, { workerData: { [WORKER]: true }, stdout: true, stderr: true });
    started.stdout.resume();
    started.stderr.resume();
    // It never keeps the server alive.
    started.unref();
    started.once('exit', () => {
      if (worker === started) worker = undefined;
    });
    return started;
  };
  return (job) =>
    new Promise((resolve) => {
      clearTimeout(idle);
      let current: Worker;
      try {
        worker ??= start();
        current = worker;
      } catch {
        resolve();
        return;
      }
      const done = () => {
        current.off('message', done);
        current.off('error', done);
        current.off('exit', done);
        idle = setTimeout(() => {
          // The next job starts another: one posted to a worker that is ending would be lost.
          if (worker === current) worker = undefined;
          void current.terminate();
        }, idleMs);
        idle.unref();
        resolve();
      };
      current.on('message', done);
      current.on('error', done);
      current.on('exit', done);
      current.postMessage(job);
    });
}

/** Whether this thread was started as a precompile worker. */
export function isPrecompileWorker(): boolean {
  const data = workerData as Record<string, unknown> | null | undefined;
  return parentPort !== null && typeof data === 'object' && data !== null && data[WORKER] === true;
}

/** The worker's side: each job the server posts is compiled, then answered. */
export function servePrecompileJobs(): void {
  parentPort?.on('message', (job: PrecompileJob) => {
    void runPrecompile(job).finally(() => parentPort?.postMessage('done'));
  });
}

/** Compile the job's configs into its cache (a config that cannot be loaded is the reload's to report). */
export async function runPrecompile(job: PrecompileJob): Promise<void> {
  const cache = new RuleSetCache(job.cache);
  const resolver = createConfigResolver(
    () => {},
    () => job.uiLocale,
    () => cache,
  );
  for (const document of job.documents) {
    await configFor(resolver, document.filePath, document.folder, document.settings).catch(() => undefined);
  }
}

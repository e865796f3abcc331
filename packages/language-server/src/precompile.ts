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
const JOB = 'nuancePrecompile';

/** A runner that compiles each job on a worker thread running `bundle` (the server's dist/server.cjs). */
export function workerPrecompiler(bundle: string): PrecompileRunner {
  return (job) =>
    new Promise((resolve) => {
      let worker: Worker;
      try {
        // Its standard streams are its own: the server's stdout carries the protocol.
        worker = new Worker(bundle, { workerData: { [JOB]: job }, stdout: true, stderr: true });
      } catch {
        resolve();
        return;
      }
      worker.stdout.resume();
      worker.stderr.resume();
      // It never keeps the server alive.
      worker.unref();
      worker.once('message', () => resolve());
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    });
}

/** The job this thread was started for, when it is a precompile worker. */
export function precompileJob(): PrecompileJob | undefined {
  const data = workerData as Record<string, unknown> | null | undefined;
  return parentPort && data && typeof data === 'object' && JOB in data
    ? (data[JOB] as PrecompileJob)
    : undefined;
}

/** The worker's side: compile the job's configs into its cache, then say so and end. */
export async function runPrecompile(job: PrecompileJob): Promise<void> {
  const cache = new RuleSetCache(job.cache);
  const resolver = createConfigResolver(
    () => {},
    () => job.uiLocale,
    () => cache,
  );
  for (const document of job.documents) {
    // A config that cannot be loaded is the reload's to report.
    await configFor(resolver, document.filePath, document.folder, document.settings).catch(() => undefined);
  }
  parentPort?.postMessage('done');
}

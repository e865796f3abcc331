/// <reference types="node" />
import path from 'node:path';
import type { ConfigResolver, ResolvedConfig } from '@nuance/config';
import { type NuanceConfig, toolFinding } from '@nuance/core';
import { newRunHost } from '../bilingual.js';
import { ResultsCacheError } from '../cache/results-cache.js';
import { RunCache } from '../cache/run-cache.js';
import { errorText } from '../error-text.js';
import { collectFiles, displayPath, type FileList } from '../files.js';
import { fixDiff, planFixes } from '../fix/plan.js';
import { writeFix } from '../fix/write-fix.js';
import type { CliIo } from '../io.js';
import {
  availableCores,
  capJobs,
  defaultJobs,
  type LintTask,
  type LintTaskResult,
  lintInParallel,
  taskBytes,
  thisMachine,
  workerBytes,
} from '../parallel/index.js';
import { linter, lintOneFile } from '../parallel/lint-one.js';
import { createProgress, type Progress } from '../progress.js';
import { readSnapshot } from '../read-file.js';
import { reportReadsText } from '../render.js';
import { terminalText } from '../reporters/terminal-text.js';
import type { FileResult } from '../results.js';
import { selectShard } from '../shard.js';
import { type CheckOptions, type CheckRun, internalErrorFinding } from './check-run.js';

/** A place in the report: a file ignored by name (its finding is known) or a file to lint. */
type Slot = { shown: string; ignored: string } | Linted;
type Linted = { shown: string; task: LintTask; active: ResolvedConfig };

/**
 * Lint the files, folders and globs of the command line (the `--shard` of them), in input order.
 * `--fix` and `--fix-dry-run` go one file at a time; otherwise files are linted in this thread or
 * on `--jobs` worker threads, with the same function, so the report is the same either way.
 */
export async function checkFiles(
  options: CheckOptions,
  overrides: Partial<NuanceConfig>,
  io: CliIo,
  resolver: ConfigResolver,
  /** Files (by the path shown) whose findings the report would drop, whatever they are: not linted. */
  skipped?: (shown: string) => boolean,
): Promise<CheckRun> {
  // One config per folder for the run (the resolver's answer is the same for every file of it),
  // the folders resolved one after another in the order first asked (the walk's order): the
  // resolver lists its configs in the order they were first needed, and SARIF's rules follow that
  // list, so the configs of folders resolved side by side could come in any order.
  const byFolder = new Map<string, Promise<ResolvedConfig>>();
  let previous: Promise<unknown> = Promise.resolve();
  const configOf = (file: string) => {
    const folder = path.dirname(file);
    const known = byFolder.get(folder);
    if (known) return known;
    const active = previous.then(() => resolver.forFile(file));
    previous = active.catch(() => undefined);
    byFolder.set(folder, active);
    return active;
  };
  newRunHost();
  const collected = await collectFiles(options.paths, io.cwd, {
    isIgnored: async (file) => {
      const active = await configOf(file);
      if (!active.isIgnored(file)) return undefined;
      const where = active.file === undefined ? 'the config' : `\`${displayPath(active.file, io.cwd)}\``;
      return `File ignored by \`ignore\` in ${where}`;
    },
  });
  for (const error of collected.errors) io.stderr.write(`nuance: ${terminalText(error)}\n`);
  const run: CheckRun = {
    results: [],
    diffs: [],
    inputs: collected.files,
    failed: collected.errors.length > 0,
  };
  const cache = options.cache ? openCache(options, io, run) : undefined;
  // The cache is never a draft, whatever its name (`--cache-location notes.md`).
  const listed = cache ? collected.files.filter((file) => file !== cache.file) : collected.files;
  const files = options.shard ? selectShard(listed, options.shard, (f) => displayPath(f, io.cwd)) : listed;

  // Each file's config at once (one per folder), so that the slots are made without a wait per
  // file: a loop of thousands of awaits is a long function to optimize, on the core linting needs.
  const actives = await Promise.all(
    files.map((file) => (collected.ignored.has(file) ? undefined : configOf(file))),
  );
  const slots = slotsOf(files, actives, collected, options, overrides, io.cwd);

  const progress = createProgress(io.stderr, io.env ?? process.env);
  const report = (slot: Slot, result: FileResult | { error: string }) => {
    if ('error' in result) {
      // An internal bug: reported once for this document, which stays in the report with an
      // error finding; the other files are still linted.
      progress.done();
      io.stderr.write(`${terminalText(slot.shown)}: internal error: ${terminalText(result.error)}\n`);
      run.failed = true;
      run.results.push({ path: slot.shown, messages: [internalErrorFinding(result.error)] });
    } else run.results.push(result);
  };
  const tasks = slots.flatMap((s) => ('task' in s ? [s.task] : []));
  if (options.fix || options.fixDryRun) {
    let done = 0;
    for (const slot of slots) {
      if ('task' in slot) {
        progress.update(done, tasks.length, slot.shown);
        // A file kept with nothing to fix is as it was; any other is fixed and linted again.
        // Without its text: a --fix run's report has none (fixOne's results carry none).
        const kept = cache?.lookup(slot.task, slot.active.loaded, false);
        if (kept && !kept.findings.some((f) => f.fix !== undefined)) {
          report(slot, { path: slot.shown, messages: kept.findings });
        } else {
          report(slot, fixOne(slot.task, slot.active, options.fixDryRun === true, run.diffs));
          if (options.fix) cache?.forget(slot.task);
        }
        done++;
      } else report(slot, ignoredResult(slot));
    }
  } else {
    const linted = await lintOrReuse(slots, options, io, resolver, progress, cache, skipped);
    for (const slot of slots) {
      if ('task' in slot) report(slot, toFileResult(slot.shown, linted[slot.task.index]!));
      else report(slot, ignoredResult(slot));
    }
  }
  cache?.save();
  progress.done();
  return run;
}

/** `--cache`'s file, or undefined (the run failed, and lints without it) when it cannot be used. */
function openCache(options: CheckOptions, io: CliIo, run: CheckRun): RunCache | undefined {
  try {
    const cache = RunCache.open(options, io);
    // A new list: the old one is the walk's, whose files are the ones to lint.
    run.inputs = [...run.inputs, cache.file];
    return cache;
  } catch (error) {
    if (!(error instanceof ResultsCacheError)) throw error;
    io.stderr.write(`nuance: ${terminalText(error.message)}\n`);
    run.failed = true;
    return undefined;
  }
}

/**
 * Each file's result: none for a file `skipped` (no changed line), kept in the cache when it is
 * unchanged, else linted (on `--jobs` threads when the files to lint ask for them) and kept.
 */
async function lintOrReuse(
  slots: readonly Slot[],
  options: CheckOptions,
  io: CliIo,
  resolver: ConfigResolver,
  progress: Progress,
  cache: RunCache | undefined,
  skipped: ((shown: string) => boolean) | undefined,
): Promise<(LintTaskResult | undefined)[]> {
  const linted: (LintTaskResult | undefined)[] = new Array(slots.length).fill(undefined);
  const todo: Linted[] = [];
  for (const slot of slots) {
    if (!('task' in slot)) continue;
    if (skipped?.(slot.shown)) {
      linted[slot.task.index] = { index: slot.task.index, findings: [] };
      continue;
    }
    const kept = cache?.lookup(slot.task, slot.active.loaded);
    if (kept) linted[slot.task.index] = { index: slot.task.index, ...kept };
    else {
      if (cache) slot.task.record = true;
      todo.push(slot);
    }
  }
  const tasks = todo.map((slot) => slot.task);
  const requested =
    options.jobs ?? (await defaultJobs(tasks.length, () => totalBytes(tasks), availableCores()));
  // One thread asks nothing of the machine's memory (reading it took 4-5 ms of a small file's run).
  const jobs = requested <= 1 ? 1 : capJobs(requested, workerBytes(), thisMachine());
  const results = await lintTasks(todo, jobs, io.cwd, resolver, progress);
  for (const slot of todo) {
    const result = results.get(slot.task.index);
    linted[slot.task.index] = result;
    if (result) cache?.store(slot.task, slot.active.loaded, result);
  }
  return linted;
}

/** The report's places, a task for each file to lint (`actives`: each file's config, or undefined when ignored). */
function slotsOf(
  files: readonly string[],
  actives: readonly (ResolvedConfig | undefined)[],
  collected: FileList,
  options: CheckOptions,
  overrides: Partial<NuanceConfig>,
  cwd: string,
): Slot[] {
  const slots: Slot[] = [];
  const keepText = reportReadsText(options.format);
  files.forEach((file, i) => {
    const shown = displayPath(file, cwd);
    const reason = collected.ignored.get(file);
    if (reason !== undefined) {
      slots.push({ shown, ignored: reason });
      return;
    }
    // Every file not ignored was given its config.
    const active = actives[i] as ResolvedConfig;
    const task: LintTask = { index: slots.length, path: file, displayPath: shown, overrides };
    if (active.file !== undefined) task.configFile = active.file;
    if (collected.listed.has(file)) task.listedRegular = true;
    if (keepText) task.keepText = true;
    if (options.maxFileBytes !== undefined) task.maxFileBytes = options.maxFileBytes;
    if (options.allowPacksOutside) task.allowPacksOutside = true;
    slots.push({ shown, task, active });
  });
  return slots;
}

async function lintTasks(
  todo: readonly Linted[],
  jobs: number,
  cwd: string,
  resolver: ConfigResolver,
  progress: Progress,
): Promise<Map<number, LintTaskResult>> {
  const bySlot = new Map<number, LintTaskResult>();
  const tasks = todo.map((slot) => slot.task);
  if (jobs > 1 && tasks.length > 1) {
    // Workers report a file only once linted: show the count at once, not after the first file.
    progress.update(0, tasks.length);
    const results = await lintInParallel(tasks, {
      jobs,
      cwd,
      // The configs this run loaded: each is compiled once here and given to the workers.
      loadConfig: async (configFile) => (await resolver.forConfigFile(configFile)).loaded,
      onProgress: (done, total) => progress.update(done, total),
    });
    for (const result of results) bySlot.set(result.index, result);
    return bySlot;
  }
  // One thread: the configs the run already loaded, so no pack is compiled twice.
  let done = 0;
  for (const slot of todo) {
    progress.update(done, tasks.length, slot.shown);
    bySlot.set(slot.task.index, await lintOneFile(slot.task, () => slot.active.loaded));
    done++;
  }
  progress.update(done, tasks.length);
  return bySlot;
}

function toFileResult(shown: string, r: LintTaskResult): FileResult | { error: string } {
  if (r.error !== undefined) return { error: r.error };
  const result: FileResult = { path: shown, messages: r.findings };
  if (r.text !== undefined) result.text = r.text;
  return result;
}

/** One file's fixes, read and written synchronously (atomic-file.ts says why). */
function fixOne(
  task: LintTask,
  active: ResolvedConfig,
  dryRun: boolean,
  diffs: string[],
): FileResult | { error: string } {
  try {
    const read = readSnapshot(task.path, task.displayPath, task.maxFileBytes);
    if (!read.ok) return { path: task.displayPath, messages: [read.finding] };
    const plan = planFixes(read.snapshot.text, linter(task.path, active.loaded));
    if (dryRun) {
      const diff = fixDiff(plan, task.displayPath);
      if (diff !== undefined) diffs.push(diff);
      // The findings are of the fixed text, which is not the report's `text`: fix regions keep
      // offsets only.
      return { path: task.displayPath, messages: plan.findings };
    }
    return { path: task.displayPath, messages: writeFix(read.snapshot, plan).findings };
  } catch (error) {
    return { error: errorText(error) };
  }
}

/**
 * A file named on the command line that an ignore pattern covers: ESLint's "File ignored" warning,
 * as an `info` so that a pre-commit hook passing every staged file by name and running with
 * `--max-warnings 0` does not fail on files the project ignores.
 */
function ignoredResult(slot: { shown: string; ignored: string }): FileResult {
  return {
    path: slot.shown,
    messages: [toolFinding('nuance/file-ignored', `${slot.ignored}; it was not linted`)],
  };
}

/** The bytes to lint, for defaultJobs; each size is kept in its task so the pool need not stat again. */
async function totalBytes(tasks: LintTask[]): Promise<number> {
  return tasks.reduce((total, task) => total + taskBytes(task), 0);
}

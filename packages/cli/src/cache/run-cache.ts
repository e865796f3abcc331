/// <reference types="node" />
// The results cache as a check uses it: opened before the files are linted, asked for each file
// under its config, given what was linted, written at the end.
import path from 'node:path';
import type { LoadedConfig } from '@nuance/config';
import { nodeHost } from '../bilingual.js';
import type { CheckOptions } from '../commands/check-run.js';
import type { CliIo } from '../io.js';
import type { LintTask, LintTaskResult } from '../parallel/lint-one.js';
import { VERSION } from '../version.js';
import { configKey } from './config-key.js';
import { type CacheHit, cacheFileOf, ResultsCache } from './results-cache.js';

export class RunCache {
  private readonly keys = new WeakMap<LoadedConfig, string>();

  private constructor(
    private readonly cache: ResultsCache,
    private readonly options: CheckOptions,
    private readonly io: CliIo,
  ) {}

  /** The cache `--cache-location` names; throws ResultsCacheError when it cannot be used. */
  static open(options: CheckOptions, io: CliIo): RunCache {
    const file = cacheFileOf(options.cacheLocation, io.cwd);
    // A run of the bin knows its build by its code (the bundle's digest and Node's version).
    const build = io.buildKey ?? `nuance ${VERSION} ${process.version}`;
    return new RunCache(ResultsCache.open(file, build, nodeHost()), options, io);
  }

  /** The cache file (absolute): a report is never written over it. */
  get file(): string {
    return this.cache.file;
  }

  /** The kept findings of `task`'s file, when it is unchanged under `loaded` (its text when `withText`). */
  lookup(task: LintTask, loaded: LoadedConfig, withText = task.keepText === true): CacheHit | undefined {
    return this.cache.lookup(task.path, this.keyOf(loaded), withText);
  }

  /** Keep what the lint of `task` gave (a file linted and read in full: one with a record). */
  store(task: LintTask, loaded: LoadedConfig, result: LintTaskResult): void {
    if (result.record === undefined || result.error !== undefined) return;
    this.cache.store(task.path, this.keyOf(loaded), result.record, result.findings);
  }

  forget(task: LintTask): void {
    this.cache.forget(task.path);
  }

  /** Write the cache; a warning on stderr when it cannot be (the run's report stands). */
  save(): void {
    const problem = this.cache.save();
    if (problem !== undefined) this.io.stderr.write(`nuance: warning: ${problem}\n`);
  }

  private keyOf(loaded: LoadedConfig): string {
    let key = this.keys.get(loaded);
    if (key === undefined) {
      key = configKey(loaded, {
        base: path.dirname(this.cache.file),
        maxFileBytes: this.options.maxFileBytes,
        allowPacksOutside: this.options.allowPacksOutside,
        digests: this.io.cache?.digests,
      });
      this.keys.set(loaded, key);
    }
    return key;
  }
}

import { ConfigResolver, type LoadedConfig, ReadBuffer } from '@nuance/config';
import type { Finding, NuanceConfig } from '@nuance/core';
import { lintDocument } from '@nuance/unified';
import { bilingualLinter, nodeHost } from '../bilingual.js';
import { type CacheRecord, type Dependencies, recordingHost, recordOf } from '../cache/record.js';
import { errorText } from '../error-text.js';
import { readTextSync } from '../read-file.js';
import type { LintConfig } from './shared-config.js';

/** One file to lint; everything in it crosses a thread boundary, so it is plain data. */
export interface LintTask {
  /** The file's place in the run (its input order). */
  index: number;
  /** Absolute path. */
  path: string;
  /** The path shown in reports. */
  displayPath: string;
  /** The file's config (absolute), as the main thread resolved it; undefined: the defaults. */
  configFile?: string;
  /** CLI flags (`--lang`, `--audience`), above the config file. */
  overrides?: Partial<NuanceConfig>;
  /** The file's size, to balance batches; the pool stats the file when it is missing. */
  bytes?: number;
  /** `--max-file-size`; undefined: the default. */
  maxFileBytes?: number;
  /** `--allow-packs-outside`. */
  allowPacksOutside?: boolean;
  /** A folder walk listed it as a regular file (see config's `SyncReadOptions.listedRegular`). */
  listedRegular?: boolean;
  /**
   * Give the text back with the findings: the report reads it (`reportReadsText`). Otherwise each
   * text can go as soon as its file is linted, rather than all of them being kept to the end (and
   * copied from the workers).
   */
  keepText?: boolean;
  /** `--cache`: give back what the results cache keeps of the file besides its findings. */
  record?: boolean;
}

export interface LintTaskResult {
  index: number;
  findings: Finding[];
  /** The text linted (BOM removed), when the task keeps it; absent when the file could not be read. */
  text?: string;
  /** An internal error (a bug, or a worker that died): the caller reports it and exits 2. */
  error?: string;
  /** With `record`: the file's digest, identity and dependencies, when it was read and linted. */
  record?: CacheRecord;
}

/** Gives the loaded config for a task's config file and overrides, loading each once. */
export type ConfigLoader = (
  configFile: string | undefined,
  overrides: Partial<NuanceConfig> | undefined,
  allowPacksOutside?: boolean,
) => Promise<LoadedConfig>;

/**
 * The config of a task from a resolver of its own (the file the task names, no discovery again),
 * each loaded once, for a caller that has no resolver. `cwd` is where a config-less run resolves
 * pack paths.
 */
export function createConfigLoader(cwd: string): ConfigLoader {
  const resolvers = [new ConfigResolver({ cwd }), new ConfigResolver({ cwd, allowPacksOutside: true })];
  return async (configFile, overrides, allowPacksOutside) =>
    (await resolvers[allowPacksOutside ? 1 : 0]!.forConfigFile(configFile, overrides ? { overrides } : {}))
      .loaded;
}

// This thread's files are read one after another into one buffer (each decoded before the next read).
const batchBuffer = new ReadBuffer();

/**
 * Read and lint one file: the single code path of both `--jobs 1` and the worker threads, so the
 * two give the same findings. An unreadable file gives its `nuance/unreadable-file` finding; an
 * internal error is returned (with its stack), never thrown, so one bad document does not stop
 * a batch.
 */
export async function lintOneFile(
  task: LintTask,
  configOf: (task: LintTask) => LintConfig | Promise<LintConfig>,
): Promise<LintTaskResult> {
  try {
    // Taken before the read: a file modified since is not trusted by its identity (CacheRecord).
    const readAt = task.record ? Date.now() : 0;
    let record: CacheRecord | undefined;
    const read = readTextSync(
      task.path,
      task.maxFileBytes,
      { reuse: batchBuffer, listedRegular: task.listedRegular === true },
      task.record ? (file) => (record = recordOf(file.bytes, file.stats, readAt)) : undefined,
    );
    if (!read.ok) return { index: task.index, findings: [read.finding] };
    const loaded = await configOf(task);
    const { text } = read;
    const deps: Dependencies = {};
    const findings = linter(task.path, loaded, record ? deps : undefined)(text);
    const result: LintTaskResult = { index: task.index, findings };
    if (task.keepText) result.text = text;
    if (record) {
      if (deps.members !== undefined || deps.files !== undefined) record.deps = deps;
      result.record = record;
    }
    return result;
  } catch (error) {
    return {
      index: task.index,
      findings: [],
      error: errorText(error),
    };
  }
}

/**
 * Lint a document's text under its config; the path picks Markdown or text and a `.zh.md`
 * language. The one lint call of the CLI: files (here), `--fix` passes and `--stdin` all use it.
 * `deps`: filled with what else the findings are read from (`--cache`).
 */
export function linter(
  file: string | undefined,
  loaded: LintConfig,
  deps?: Dependencies,
): (text: string) => Finding[] {
  const host = deps && file !== undefined ? recordingHost(nodeHost(), file, deps) : nodeHost();
  const bilingual = bilingualLinter(file, loaded, host);
  const document = (text: string) =>
    lintDocument({
      text,
      path: file,
      ruleSet: loaded.ruleSet,
      lang: loaded.config.lang,
      topic: loaded.config.topic,
      voice: loaded.config.voice,
    }).findings;
  return bilingual ? (text) => bilingual(text) ?? document(text) : document;
}

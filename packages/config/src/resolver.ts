/// <reference types="node" />
// The one place that decides which settings apply to a file, for the CLI, its worker threads, its
// `rules`/`explain` commands and the language server alike: discovery, caching, invalidation,
// last-good retention, the files to watch and `ignore` matching.
import path from 'node:path';
import type { NuanceConfig, Problem, ProblemCode, RuleInfo, RuleSet } from '@nuance/core';
import { CONFIG_FILE_NAME, findConfigFile } from './find-config.js';
import { createIgnoreMatcher } from './ignore.js';
import {
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
  mergeConfig,
  withLoadProblems,
} from './load-config.js';
import { isBuiltinPackName } from './load-pack.js';
import { isPackagePackName } from './package-pack.js';
import type { RuleSetCache } from './rule-set-cache.js';

/** The settings that apply to a file, with what a caller needs around them. */
export interface ResolvedConfig {
  /** The config file, absolute; undefined when none applies (the defaults). */
  file?: string;
  /** What `packs` and `ignore` paths are relative to: the config file's folder, else the request's `cwd`. */
  baseDir: string;
  loaded: LoadedConfig;
  /**
   * The files whose change makes this config stale: the config file, its pack files, and the
   * packs it names that are missing (creating one fixes the config).
   */
  watched: string[];
  /** Whether the config's `ignore` globs exclude `absPath` (gitignore semantics, relative to `baseDir`). */
  isIgnored(absPath: string): boolean;
}

export interface ConfigResolverOptions {
  /** The working folder: `configFile` and relative folders are resolved against it. */
  cwd: string;
  /** One config file for every document (`--config`): no discovery. */
  configFile?: string;
  /** Settings above the file for every request (CLI flags). */
  overrides?: Partial<NuanceConfig>;
  /**
   * Keep serving the last good load of a config whose YAML is broken or whose config or pack file
   * cannot be read, with the new problems (an editor: a half-typed file must not wipe out every
   * diagnostic). Off: every load is what the files say now.
   */
  keepLastGood?: boolean;
  /**
   * Remember the nearest config of each folder until `invalidate` (default true). A long-running
   * server turns it off: configs appear where no watcher looks (above the workspace folder).
   */
  cacheDiscovery?: boolean;
  /** Called after each load that settled with a result: the problems may have changed. */
  onLoad?: () => void;
  /** Packs a config file names may be read from outside its repository (`--allow-packs-outside`). */
  allowPacksOutside?: boolean;
  /**
   * The locale of a document whose language is unknown: an editor's UI locale, read at each load
   * (a server learns it at `initialize`, after making its resolver).
   */
  fallbackLocale?: () => string | undefined;
  /**
   * Keep at most this many loads (each holds a compiled rule set, about 0.75 MB with the built-in
   * pack), dropping the least recently used; one dropped is loaded again when asked for. Default:
   * no limit (a CLI run needs every config it used for its report). A server sets one: documents
   * from any number of folders come and go.
   */
  maxLoads?: number;
  /**
   * Compiled rule sets kept between runs (rule-set-cache.ts); none: every load compiles its packs.
   * A function is asked at each load (a server learns its cache folder at `initialize`).
   */
  cache?: RuleSetCache | (() => RuleSetCache | undefined);
}

/** Per-request layers, on top of the resolver's own. */
export interface ConfigRequest {
  /** Settings below the file (editor settings). Precedence: overrides > file > defaults > built-in. */
  defaults?: Partial<NuanceConfig>;
  /** Settings above the file, over the resolver's `overrides`. */
  overrides?: Partial<NuanceConfig>;
  /** Where a load without a config file resolves relative `packs` and `ignore` (default: the resolver's `cwd`). */
  cwd?: string;
}

/** A YAML that does not parse or a file that cannot be read: most likely a save in progress. */
const BROKEN: ReadonlySet<ProblemCode> = new Set(['yaml-syntax', 'unreadable-config', 'unreadable-pack']);

interface Entry {
  result: Promise<ResolvedConfig>;
  /** When it was last asked for (the resolver's clock), for `maxLoads`. */
  used: number;
  /** Set once loaded; a failed load has none and any invalidation drops it. */
  watched?: ReadonlySet<string>;
  /** Still loading: what it reads is not known yet. */
  pending: boolean;
  /** The files invalidated while it loaded: one it read makes it load again when it is done. */
  changed?: Set<string>;
}

interface Layers {
  cwd: string;
  defaults: NuanceConfig;
  overrides: NuanceConfig;
}

/** The folders a shared load keeps its object for (see `ConfigResolver.rebased`). */
const REBASED_MAX = 256;

/**
 * Finds and loads the config of each file: the nearest `.nuancerc.yaml` up from the file's folder
 * (no cascade), unless `configFile` names one for all. Loads are cached per (config file, layers),
 * so a tree of drafts under one config compiles its packs once.
 */
export class ConfigResolver {
  private readonly nearest = new Map<string, Promise<string | undefined>>();
  private readonly entries = new Map<string, Entry>();
  private readonly lastGood = new Map<string, ResolvedConfig>();
  /**
   * A load shared by folders without a config, as each of them sees it (its `baseDir`): one object
   * per folder, not one per call. The language server keeps a document's diagnostics, and their
   * JSON, while its config is the same object: a document in another folder than the one that
   * loaded first (a file opened outside any workspace folder) had all of them made again at every
   * keystroke (a 100 K release set opened after another draft: 25-31 ms of the server's CPU per
   * keystroke, 8.5-9.0 with one object).
   */
  private readonly rebased = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();
  private clock = 0;

  constructor(private readonly options: ConfigResolverOptions) {}

  /** The config for a document at `file` (which need not exist: a `--stdin-filename`, an unsaved buffer). */
  forFile(file: string, request: ConfigRequest = {}): Promise<ResolvedConfig> {
    return this.forDir(path.dirname(path.resolve(this.options.cwd, file)), request);
  }

  /** The config for documents directly in `dir`. */
  async forDir(dir: string, request: ConfigRequest = {}): Promise<ResolvedConfig> {
    return this.forConfigFile(await this.configFileFor(dir), request);
  }

  /** The config file that applies in `dir`: the resolver's `configFile`, else the nearest one, else none. */
  configFileFor(dir: string): Promise<string | undefined> {
    const { cwd, configFile } = this.options;
    if (configFile !== undefined) return Promise.resolve(path.resolve(cwd, configFile));
    const resolved = path.resolve(cwd, dir);
    if (this.options.cacheDiscovery === false) return findConfigFile(resolved);
    let found = this.nearest.get(resolved);
    if (!found) {
      found = findConfigFile(resolved);
      this.nearest.set(resolved, found);
    }
    return found;
  }

  /** The config of a given file (undefined: no file, the defaults), without discovery. */
  forConfigFile(configFile: string | undefined, request: ConfigRequest = {}): Promise<ResolvedConfig> {
    const file = configFile === undefined ? undefined : path.resolve(this.options.cwd, configFile);
    const layers: Layers = {
      cwd: path.resolve(this.options.cwd, request.cwd ?? '.'),
      defaults: mergeConfig({}, request.defaults),
      overrides: mergeConfig(this.options.overrides ?? {}, request.overrides),
    };
    // Without a file, relative packs and `ignore` globs resolve against `cwd`: then it is part of
    // what was loaded. Otherwise every folder shares one load (files outside a workspace).
    const where = file ?? (dependsOnCwd(layers) ? `-:${layers.cwd}` : '-');
    const key = [where, stableJson(layers.defaults), stableJson(layers.overrides)].join('\n');
    const result = this.entry(key, file, layers).result;
    return file === undefined ? result.then((resolved) => this.rebase(resolved, layers.cwd)) : result;
  }

  /** `resolved` with `baseDir` as its base folder (see `rebased`). */
  private rebase(resolved: ResolvedConfig, baseDir: string): ResolvedConfig {
    if (resolved.baseDir === baseDir) return resolved;
    let byDir = this.rebased.get(resolved);
    if (!byDir) {
      byDir = new Map();
      this.rebased.set(resolved, byDir);
    }
    let made = byDir.get(baseDir);
    if (!made) {
      // Bounded as the loads are: a server sees folders come and go.
      if (byDir.size >= REBASED_MAX) byDir.clear();
      made = { ...resolved, baseDir };
      byDir.set(baseDir, made);
    }
    return made;
  }

  /** Every config loaded since the last invalidation, in the order first needed. */
  loadedConfigs(): Promise<ResolvedConfig[]> {
    return Promise.all([...this.entries.values()].map((e) => e.result));
  }

  /** The problems of those configs, each once (two configs naming the same broken pack report it once). */
  async problems(): Promise<Problem[]> {
    const seen = new Set<string>();
    const out: Problem[] = [];
    for (const resolved of await this.loadedConfigs()) {
      for (const p of resolved.loaded.problems) {
        const key = `${p.file}\0${p.line}\0${p.column}\0${p.code}\0${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(p);
      }
    }
    return out;
  }

  /** The files whose change makes a loaded config stale (see `ResolvedConfig.watched`). */
  async watchedFiles(): Promise<string[]> {
    return [...new Set((await this.loadedConfigs()).flatMap((r) => r.watched))];
  }

  /**
   * Forget what may be stale. Without `file`: every load and every discovery. With `file` (a path
   * that changed, appeared or went away): the loads that read it, and all discovery when it is a
   * `.nuancerc.yaml`. Returns whether anything depended on it. The last good loads are kept.
   */
  invalidate(file?: string): boolean {
    if (file === undefined) {
      this.entries.clear();
      this.nearest.clear();
      return true;
    }
    const changed = path.resolve(this.options.cwd, file);
    let relevant = path.basename(changed) === CONFIG_FILE_NAME;
    if (relevant) this.nearest.clear();
    for (const [key, entry] of this.entries) {
      // A load under way loads again when done if it read the file (see `entry`): it has given
      // nothing yet that the change can make stale, and a load that did not read it is kept.
      if (entry.pending) {
        entry.changed ??= new Set();
        entry.changed.add(changed);
      } else if (reads(entry, changed)) {
        this.entries.delete(key);
        relevant = true;
      }
    }
    return relevant;
  }

  /**
   * Whether `invalidate(file)` would forget anything, without forgetting it (what a change affects):
   * a load under way counts, as what it reads is not known yet.
   */
  dependsOn(file: string): boolean {
    const changed = path.resolve(this.options.cwd, file);
    if (path.basename(changed) === CONFIG_FILE_NAME) return true;
    for (const entry of this.entries.values()) if (reads(entry, changed)) return true;
    return false;
  }

  private entry(key: string, file: string | undefined, layers: Layers): Entry {
    const cached = this.entries.get(key);
    if (cached) {
      cached.used = ++this.clock;
      return cached;
    }
    const entry: Entry = {
      used: ++this.clock,
      pending: true,
      result: this.load(key, file, layers).then(
        (resolved) => {
          const watched = new Set(resolved.watched);
          const stale = entry.changed !== undefined && [...entry.changed].some((f) => watched.has(f));
          entry.pending = false;
          delete entry.changed;
          // A file it read changed while it loaded: what it read may be the old text. Loaded again,
          // and that load is what its callers get.
          if (stale && this.entries.get(key) === entry) {
            this.entries.delete(key);
            return this.entry(key, file, layers).result;
          }
          entry.watched = watched;
          return resolved;
        },
        (error: unknown) => {
          entry.pending = false;
          throw error;
        },
      ),
    };
    this.entries.set(key, entry);
    const max = this.options.maxLoads;
    while (max !== undefined && this.entries.size > max) {
      // The least recently used; the map itself keeps the order first needed (loadedConfigs).
      let oldest = key;
      for (const [k, e] of this.entries) if (e.used < this.entries.get(oldest)!.used) oldest = k;
      this.entries.delete(oldest);
      this.lastGood.delete(oldest);
    }
    // Last good loads of configs no longer loaded (after an invalidation) count too.
    for (const stale of this.lastGood.keys()) {
      if (max === undefined || this.lastGood.size <= max) break;
      if (!this.entries.has(stale)) this.lastGood.delete(stale);
    }
    return entry;
  }

  private async load(key: string, file: string | undefined, layers: Layers): Promise<ResolvedConfig> {
    const options: LoadConfigOptions = { ...layers };
    if (file !== undefined) options.configFile = file;
    if (this.options.allowPacksOutside) options.allowPacksOutside = true;
    const cache = typeof this.options.cache === 'function' ? this.options.cache() : this.options.cache;
    if (cache) options.cache = cache;
    const fallbackLocale = this.options.fallbackLocale?.();
    if (fallbackLocale) options.fallbackLocale = fallbackLocale;
    const previous = this.options.keepLastGood ? this.lastGood.get(key) : undefined;
    let fresh: ResolvedConfig;
    try {
      fresh = resolved(await loadConfig(options), file, layers.cwd);
    } catch (error) {
      // A loader bug: with a last good config, say so on the config file and keep linting.
      if (!previous) throw error;
      fresh = withProblems(previous, [loaderFailure(error, file ?? layers.cwd)]);
    }
    let result = fresh;
    if (this.options.keepLastGood) {
      const broken = fresh.loaded.problems.some((p) => BROKEN.has(p.code));
      if (broken && previous) {
        result = withProblems(previous, fresh.loaded.problems);
        result.watched = [...new Set([...previous.watched, ...fresh.watched])];
      } else if (!broken && this.entries.has(key)) this.lastGood.set(key, fresh);
    }
    if (this.options.onLoad) queueMicrotask(this.options.onLoad);
    return result;
  }
}

/** Whether a load without a config file depends on the folder it was asked for. */
function dependsOnCwd(layers: Layers): boolean {
  const merged = mergeConfig(layers.defaults, layers.overrides);
  return (merged.packs ?? []).some((name) => !isBuiltinPackName(name)) || (merged.ignore ?? []).length > 0;
}

function resolved(loaded: LoadedConfig, file: string | undefined, cwd: string): ResolvedConfig {
  const baseDir = file !== undefined ? path.dirname(file) : cwd;
  const watched = new Set<string>();
  if (file !== undefined) watched.add(file);
  // Built-in packs are data inside nuance, not files; a pack's locale files are watched too (a saved
  // translation reloads the configs that use the pack).
  for (const each of loaded.packFiles) watched.add(each);
  for (const name of loaded.config.packs ?? []) {
    // A package that is not installed has no one path to watch: installing it is not an edit.
    if (!isBuiltinPackName(name) && !isPackagePackName(name)) watched.add(path.resolve(baseDir, name));
  }
  const result: ResolvedConfig = {
    baseDir,
    loaded,
    watched: [...watched],
    isIgnored: createIgnoreMatcher(baseDir, loaded.config.ignore ?? []),
  };
  if (file !== undefined) result.file = file;
  return result;
}

/** JSON with object keys sorted: equal settings written in another order are the same load. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function withProblems(previous: ResolvedConfig, problems: Problem[]): ResolvedConfig {
  return { ...previous, loaded: withLoadProblems(previous.loaded, problems) };
}

function loaderFailure(error: unknown, file: string): Problem {
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'unreadable-config',
    message: `Cannot load the configuration: ${message}`,
    file,
    line: 1,
    column: 1,
    severity: 'error',
  };
}

/**
 * One rule set holding the rules of several configs (SARIF's rule list when files had different
 * configs); the first config that has a rule id describes it.
 */
export function unionRuleSet(ruleSets: readonly RuleSet[]): RuleSet {
  if (ruleSets.length === 1) return ruleSets[0]!;
  const byId = new Map<string, RuleInfo>();
  for (const set of ruleSets) for (const rule of set.rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  const rules = [...byId.values()];
  return { rules, has: (id) => byId.has(id), get: (id) => byId.get(id) };
}

/** Whether a load read `file` (absolute), or may have: one still loading, or failed, has not said what it read. */
function reads(entry: Entry, file: string): boolean {
  return entry.watched === undefined || entry.watched.has(file);
}

/// <reference types="node" />
// Config resolution for open documents: the CLI's discovery (the nearest `.nuancerc.yaml`), client
// settings under the file's own keys, one load per (config file, settings), and the last good
// load kept when a config or pack becomes unreadable or is no longer valid YAML.
import path from 'node:path';
import {
  findConfigFile,
  isIgnored as isIgnoredByConfig,
  type LoadedConfig,
  loadConfig,
} from '@nuance/config';
import type { NuanceConfig, Problem, RuleSet } from '@nuance/core';
import type { ClientSettings } from './settings.js';

export interface ResolvedConfig {
  file?: string;
  config: NuanceConfig;
  ruleSet: RuleSet;
  /** The folder `ignore` globs and relative packs are resolved against. */
  baseDir?: string;
  /** Absolute paths of the config file and the pack files it loaded (for watching). */
  files: string[];
  problems: Problem[];
}

const BROKEN: ReadonlySet<string> = new Set(['yaml-syntax', 'unreadable-pack']);

export class ConfigStore {
  private readonly loads = new Map<string, Promise<ResolvedConfig>>();
  private readonly lastGood = new Map<string, ResolvedConfig>();
  /** Bumped on every invalidation: results computed under an older one are stale. */
  generation = 0;

  constructor(private readonly onLoaded: () => void) {}

  invalidate(): void {
    this.loads.clear();
    this.generation++;
  }

  /** The config for a document at `filePath` (absolute), or for an unsaved one under `folder`. */
  async resolve(filePath: string | undefined, folder: string | undefined, settings: ClientSettings) {
    const dir = filePath ? path.dirname(filePath) : folder;
    const configFile = dir ? await findConfigFile(dir) : undefined;
    const cwd = folder ?? dir ?? process.cwd();
    const key = `${configFile ?? `-:${cwd}`}\n${JSON.stringify(settings.config)}`;
    let load = this.loads.get(key);
    if (!load) {
      load = this.load(key, configFile, cwd, settings);
      this.loads.set(key, load);
    }
    return load;
  }

  /** Every config and pack file of the current loads, with their problems (possibly none). */
  async all(): Promise<ResolvedConfig[]> {
    return Promise.all(this.loads.values());
  }

  private async load(
    key: string,
    configFile: string | undefined,
    cwd: string,
    settings: ClientSettings,
  ): Promise<ResolvedConfig> {
    // Editor settings sit below the file: a key the config file sets wins over the same setting.
    const options: Parameters<typeof loadConfig>[0] = { cwd, defaults: settings.config };
    if (configFile) options.configFile = configFile;
    let loaded: LoadedConfig;
    try {
      loaded = await loadConfig(options);
    } catch (error) {
      // A loader bug must not stop linting: report it on the config file and keep the last good.
      const message = error instanceof Error ? error.message : String(error);
      const problem: Problem = {
        code: 'unreadable-pack',
        message: `Cannot load the configuration: ${message}`,
        file: configFile ?? cwd,
        line: 1,
        column: 1,
        severity: 'error',
      };
      const previous = this.lastGood.get(key);
      if (previous) return { ...previous, problems: [problem] };
      throw error;
    }
    const files = [configFile, ...loaded.packs.map((p) => p.file)].filter(
      (f): f is string => f !== undefined && path.isAbsolute(f),
    );
    // A pack named in the config but unreadable is watched too, so creating it fixes things.
    for (const problem of loaded.problems) {
      if (problem.code === 'unreadable-pack' && path.isAbsolute(problem.file)) files.push(problem.file);
    }
    for (const name of loaded.config.packs ?? []) {
      if (/[/\\.]/.test(name)) files.push(path.resolve(configFile ? path.dirname(configFile) : cwd, name));
    }
    const resolved: ResolvedConfig = {
      config: loaded.config,
      ruleSet: loaded.ruleSet,
      baseDir: configFile ? path.dirname(configFile) : cwd,
      files: [...new Set(files)],
      problems: loaded.problems,
    };
    if (configFile) resolved.file = configFile;
    const broken = loaded.problems.some((p) => BROKEN.has(p.code));
    const previous = this.lastGood.get(key);
    let result = resolved;
    if (broken && previous) {
      result = {
        ...previous,
        problems: resolved.problems,
        files: [...new Set([...previous.files, ...files])],
      };
    } else if (!broken) {
      this.lastGood.set(key, resolved);
    }
    queueMicrotask(this.onLoaded);
    return result;
  }
}

/** Whether `filePath` is excluded by the config's `ignore` globs (the CLI's matcher, gitignore rules). */
export function isIgnored(config: ResolvedConfig, filePath: string | undefined): boolean {
  const globs = config.config.ignore;
  if (!globs || globs.length === 0 || !filePath || !config.baseDir) return false;
  return isIgnoredByConfig(config.baseDir, globs, filePath);
}

/// <reference types="node" />
import path from 'node:path';
import {
  createIgnoreMatcher,
  findConfigFile,
  type IgnoreMatcher,
  type LoadedConfig,
  loadConfig,
} from '@nuance/config';
import type { NuanceConfig, Problem, RuleInfo, RuleSet } from '@nuance/core';

/** The settings that apply to one file: its nearest `.nuancerc.yaml`, or `--config`, or none. */
export interface ActiveConfig {
  /** The config file, absolute; undefined when the defaults apply. */
  file?: string;
  loaded: LoadedConfig;
  /** Config `ignore` globs, relative to the config file's folder. */
  isIgnored: IgnoreMatcher;
}

export interface ConfigResolverOptions {
  cwd: string;
  /** `--config`: this file for every document, no discovery. */
  configFile?: string;
  /** CLI flags (`--lang`, `--audience`), above the file. */
  overrides?: Partial<NuanceConfig>;
}

/**
 * Finds and loads the config of each file: the nearest `.nuancerc.yaml` up from the file's folder
 * (no cascade), unless `--config` names one for all. Discovery is cached per folder and loading
 * per config file, so a tree of drafts under one config compiles its packs once.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<string | undefined>>();
  private readonly byFile = new Map<string, Promise<ActiveConfig>>();
  private readonly order: Promise<ActiveConfig>[] = [];

  constructor(private readonly options: ConfigResolverOptions) {}

  /** The config for a document at `absPath` (which need not exist: a `--stdin-filename`). */
  forFile(absPath: string): Promise<ActiveConfig> {
    return this.forDir(path.dirname(absPath));
  }

  async forDir(dir: string): Promise<ActiveConfig> {
    const configFile =
      this.options.configFile !== undefined
        ? path.resolve(this.options.cwd, this.options.configFile)
        : await this.nearest(dir);
    const key = configFile ?? '';
    let active = this.byFile.get(key);
    if (!active) {
      active = this.load(configFile);
      this.byFile.set(key, active);
      this.order.push(active);
    }
    return active;
  }

  /** Every config loaded so far, in the order first needed. */
  loadedConfigs(): Promise<ActiveConfig[]> {
    return Promise.all(this.order);
  }

  /** The problems of every config loaded so far, each once, in the order the configs were needed. */
  async problems(): Promise<Problem[]> {
    const seen = new Set<string>();
    const out: Problem[] = [];
    for (const active of await this.loadedConfigs()) {
      for (const p of active.loaded.problems) {
        // Two configs naming the same broken pack would report it twice.
        const key = `${p.file}\0${p.line}\0${p.column}\0${p.code}\0${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(p);
      }
    }
    return out;
  }

  private nearest(dir: string): Promise<string | undefined> {
    const resolved = path.resolve(this.options.cwd, dir);
    let found = this.byDir.get(resolved);
    if (!found) {
      found = findConfigFile(resolved);
      this.byDir.set(resolved, found);
    }
    return found;
  }

  private async load(configFile: string | undefined): Promise<ActiveConfig> {
    const options: Parameters<typeof loadConfig>[0] = { cwd: this.options.cwd };
    if (configFile !== undefined) options.configFile = configFile;
    if (this.options.overrides) options.overrides = this.options.overrides;
    const loaded = await loadConfig(options);
    const baseDir = configFile !== undefined ? path.dirname(configFile) : this.options.cwd;
    const active: ActiveConfig = {
      loaded,
      isIgnored: createIgnoreMatcher(baseDir, loaded.config.ignore ?? []),
    };
    if (configFile !== undefined) active.file = configFile;
    return active;
  }
}

/**
 * One rule set holding the rules of several (for SARIF's rule list when files had different
 * configs); the first config that has a rule id describes it.
 */
export function unionRuleSet(ruleSets: readonly RuleSet[]): RuleSet {
  if (ruleSets.length === 1) return ruleSets[0]!;
  const byId = new Map<string, RuleInfo>();
  for (const set of ruleSets) for (const rule of set.rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  const rules = [...byId.values()];
  return { rules, has: (id) => byId.has(id), get: (id) => byId.get(id) };
}

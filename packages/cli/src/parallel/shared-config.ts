// How a config the main thread loaded reaches the worker threads. A compiled rule set holds
// functions and cannot be cloned to another thread, so today the main thread's parsed packs go
// (plain data: no file is read and no YAML parsed again in a worker) and each worker compiles them
// once. This module is the one place to change when core can serialize a compiled rule set: send
// that instead, and rebuild it in `receiveConfig`.
import type { LoadedConfig } from '@nuance/config';
import { compilePacks, type PackDefinition, type ParsedPack } from '@nuance/core';

/** What linting a document needs of its config: the settings and the compiled rules. */
export type LintConfig = Pick<LoadedConfig, 'config' | 'ruleSet'>;

/** A loaded config as plain data that crosses a thread boundary (structured clone). */
export interface SharedConfig {
  config: LoadedConfig['config'];
  packs: { file: string; definition: PackDefinition }[];
}

export function shareConfig(loaded: LoadedConfig): SharedConfig {
  return {
    config: loaded.config,
    packs: loaded.packs.map(({ file, definition }) => ({ file, definition })),
  };
}

/**
 * The config in a worker. It compiles the packs with the options `loadConfig` of @nuance/config
 * gives them, so its rule set is the main thread's. Compile problems are dropped: the main thread
 * loaded the same packs and reports each problem once, with its position (which a worker, without
 * the YAML, could not give).
 */
export function receiveConfig(shared: SharedConfig): LintConfig {
  const { config } = shared;
  const packs: ParsedPack[] = shared.packs.map(({ file, definition }) => ({
    file,
    definition,
    locate: () => ({ line: 1, column: 1 }),
  }));
  const options: Parameters<typeof compilePacks>[1] = {};
  if (config.rules) options.rules = config.rules;
  if (config.accept) options.accept = config.accept;
  if (config.audience) options.audience = config.audience;
  return { config, ruleSet: compilePacks(packs, options).ruleSet };
}

// How a config the main thread loaded reaches the worker threads. A compiled rule set holds
// functions and cannot be cloned to another thread, so the main thread sends it as data
// (config's `SharedRuleSet`: the automaton's tables and the rules' records, in memory every
// thread reads or in the rule-set cache's file) and each worker rebuilds it once: no file is read
// but the records it uses, no YAML parsed and no pack compiled again in a worker.
import { inSharedMemory, type LoadedConfig, ruleSetFromShared, type SharedRuleSet } from '@nuance/config';
import { serializeRuleSetBytes } from '@nuance/core';

/** What linting a document needs of its config: the settings and the compiled rules. */
export type LintConfig = Pick<LoadedConfig, 'config' | 'ruleSet'>;

/** A loaded config as plain data that crosses a thread boundary (structured clone). */
export interface SharedConfig {
  config: LoadedConfig['config'];
  ruleSet: SharedRuleSet;
}

/** `loaded.shared` when the config has it (a loaded config shares its rule set once). */
export function shareConfig(loaded: LintConfig & { shared?: () => SharedRuleSet }): SharedConfig {
  return {
    config: loaded.config,
    ruleSet: loaded.shared?.() ?? inSharedMemory(serializeRuleSetBytes(loaded.ruleSet)),
  };
}

/**
 * The config in a worker: the main thread's rule set, rebuilt. Problems are not carried: the main
 * thread loaded the same packs and reports each problem once, with its position.
 */
export function receiveConfig(shared: SharedConfig): LintConfig {
  return { config: shared.config, ruleSet: ruleSetFromShared(shared.ruleSet).ruleSet };
}

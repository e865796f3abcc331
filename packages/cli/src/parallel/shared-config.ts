// How a config the main thread loaded reaches the worker threads. A compiled rule set holds
// functions and cannot be cloned to another thread, so the main thread sends it serialized
// (core's `serializeRuleSetBytes`, or the built-in pack's text: the automaton's tables and the rules
// as data) and each worker rebuilds it once: no file is read, no YAML parsed and no pack compiled
// again in a worker.
import type { LoadedConfig } from '@nuance/config';
import { deserializeRuleSet, serializeRuleSetBytes } from '@nuance/core';

/** What linting a document needs of its config: the settings and the compiled rules. */
export type LintConfig = Pick<LoadedConfig, 'config' | 'ruleSet'>;

/** A loaded config as plain data that crosses a thread boundary (structured clone). */
export interface SharedConfig {
  config: LoadedConfig['config'];
  ruleSet: string | Uint8Array;
}

/** `loaded.serialized` when the config has it (a loaded config serializes once, or came serialized). */
export function shareConfig(loaded: LintConfig & { serialized?: () => string | Uint8Array }): SharedConfig {
  return { config: loaded.config, ruleSet: loaded.serialized?.() ?? serializeRuleSetBytes(loaded.ruleSet) };
}

/**
 * The config in a worker: the main thread's rule set, rebuilt. Problems are not carried: the main
 * thread loaded the same packs and reports each problem once, with its position.
 */
export function receiveConfig(shared: SharedConfig): LintConfig {
  return { config: shared.config, ruleSet: deserializeRuleSet(shared.ruleSet).ruleSet };
}

/// <reference types="node" />
// A loaded rule set as the worker threads of the same process receive it (a structured clone),
// shared rather than copied to each: its bytes in a SharedArrayBuffer, which every worker reads in
// place (the automaton's arrays are views of it in each), and the records of a rule set from the
// rule-set cache read by each thread from the entry's file, through the descriptor the loading
// thread holds open. Sent as bytes, the bench's 10,000-term entry was read whole (10.9 MB, its
// 6.9 MB of records included) and copied twice more on its way to each worker.
import { deserializeRuleSet, type Problem, type RuleSet } from '@nuance/core';
import { type RecordsFile, recordReader } from './rule-set-cache.js';

/**
 * A rule set for the worker threads of this process: the built-in pack's `serializeRuleSet`
 * text, all of `serializeRuleSetBytes` (in a SharedArrayBuffer), or the bytes before the records
 * (in a SharedArrayBuffer) with the file the records lie in. Valid while the rule set it was made
 * from lives (that one's reader keeps the file open).
 */
export type SharedRuleSet = string | Uint8Array | { bytes: Uint8Array; records: RecordsFile };

/** `bytes` in a SharedArrayBuffer: themselves when they are, else a copy. */
export function inSharedMemory(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  return shared;
}

/** The rule set (and problems) of `shared`, in this thread: its bytes read in place, not copied. */
export function ruleSetFromShared(shared: SharedRuleSet): { ruleSet: RuleSet; problems: Problem[] } {
  if (typeof shared === 'string' || shared instanceof Uint8Array) return deserializeRuleSet(shared);
  return deserializeRuleSet(shared.bytes, recordReader(shared.records));
}

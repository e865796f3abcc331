// The pre-check with context conditions (DESIGN: Performance budget, context conditions): which
// context sets a raw text may mention, and which conditions its candidates wait on, so that a
// caller that parses only some of a document (unified's blocks) can pass over a candidate whose
// condition cannot hold. In the built-in pack, `반도체` (semiconductors) is a candidate in most
// Korean economic paragraphs, but its rule applies only where a cooperation phrase stands in the
// same sentence: a paragraph that names no cooperation gives no finding, parsed or not.
//
// What the scan finds is a superset of what a parse's segments hold (prefilter.ts), so a set
// it does not find in a text is mentioned nowhere in that text's segments; the answer is only
// ever "may" (no word boundaries, no `not` phrases, a set named by languages or declared).
import type { CompiledRuleSet } from './compiled.js';
import { readsBeyondSegment } from './context.js';
import { needsContext } from './lint.js';
import { CANDIDATE, MENTION, type RawScanResult, scanRaw } from './prefilter.js';
import type { RuleSet } from './rule-set.js';

/** What the pre-check of a text found that context conditions read. */
export interface ContextHits {
  /** The context sets the text may mention (indices into the rule set's `contextSets`). */
  sets: number[];
  /** A candidate no context condition gates (or one its kind reads as it is, or a pattern's). */
  open: boolean;
  /** The condition lists (indices into `conditions`) the other candidates wait on. */
  conditions: number[];
}

export interface PreCheckResult extends RawScanResult {
  /** With `mentions`, for a rule set with context conditions; absent: the text may hold anything. */
  hits?: ContextHits;
}

// What one phrase reference is to the pre-check: nothing (quiet, blocking), an open candidate, a
// candidate waiting on condition list k (CONDITION + k), or a mention of set s (-1 - s).
const UNKNOWN = 0;
const NOTHING = 1;
const OPEN = 2;
const CONDITION = 3;

/** Per rule set, the class of each payload id, found when first met (a termbase has 50,000). */
const classes = new WeakMap<CompiledRuleSet, Int32Array>();

function classOf(rs: CompiledRuleSet, id: number): number {
  let table = classes.get(rs);
  if (!table) {
    table = new Int32Array(rs.refs.length);
    classes.set(rs, table);
  }
  let known = table[id] ?? NOTHING;
  if (known === UNKNOWN) {
    known = classify(rs, id);
    table[id] = known;
  }
  return known;
}

function classify(rs: CompiledRuleSet, id: number): number {
  const ref = rs.refs.at(id);
  if (!ref) return NOTHING;
  if (ref.set !== undefined) return ref.effect === 'context' ? -1 - ref.set : NOTHING;
  // The pre-check looks for a rule's phrase unless it is quiet (compile.ts: CANDIDATE or WEAK).
  if (ref.rule < 0 || ref.quiet) return NOTHING;
  // A phrase a kind reads (a `require` one that decides a finding elsewhere) is never gated.
  if (ref.effect !== 'report') return OPEN;
  const condition = ref.condition ?? rs.compiled[ref.rule]?.condition;
  return condition === undefined ? OPEN : CONDITION + condition;
}

/**
 * `hasCandidate` and, with `mentions`, `hasContextMention` in one pass over `text`; with
 * `mentions` and a rule set with conditions, the whole text is read for what `hits` says.
 * `asProse`: the text reads as its prose around every match (RawScanOptions).
 */
export function preCheck(text: string, ruleSet: RuleSet, mentions: boolean, asProse = false): PreCheckResult {
  const rs = ruleSet as CompiledRuleSet;
  if (!mentions || !needsContext(ruleSet)) {
    const result = scanRaw(text, ruleSet, CANDIDATE, { asProse });
    const out: PreCheckResult = { candidate: result.candidate, mention: false };
    if (result.weakOnly) out.weakOnly = true;
    return out;
  }
  const hits: ContextHits = { sets: [], open: false, conditions: [] };
  const scan = scanRaw(text, ruleSet, CANDIDATE | MENTION, {
    asProse,
    onFlagged: (id) => {
      const c = classOf(rs, id);
      if (c === NOTHING) return;
      if (c === OPEN) hits.open = true;
      else if (c < 0) {
        if (!hits.sets.includes(-1 - c)) hits.sets.push(-1 - c);
      } else if (!hits.conditions.includes(c - CONDITION)) hits.conditions.push(c - CONDITION);
    },
    // Once a candidate is open, a pattern's would tell nothing more.
    atomsAnswered: () => hits.open,
  });
  if (scan.pattern) hits.open = true;
  const out: PreCheckResult = { candidate: scan.candidate, mention: scan.mention };
  if (scan.weakOnly) out.weakOnly = true;
  if (!scan.declined) out.hits = hits;
  return out;
}

/**
 * Whether a candidate of a text whose pre-check found `hits` may be licensed: one is open, or
 * every set of one's condition list may hold, being declared (`topic`), named by languages (the
 * document's language is not read here), mentioned in the text itself, or, for a place beyond the
 * match's paragraph (its headings and lead-in, the document head), `elsewhere` in the document
 * (`elsewhere(set)`: some other text of it may mention the set).
 */
export function mayBeLicensed(
  ruleSet: RuleSet,
  hits: ContextHits,
  elsewhere: (set: number) => boolean,
  topic: readonly string[] = [],
): boolean {
  if (hits.open) return true;
  const rs = ruleSet as CompiledRuleSet;
  // Indexed loops, no closure: an editor asks this of every block with a candidate at each
  // keystroke, and the closures of some/every were 280 KB of a dense 100 K draft's 2.5 MB.
  const conditions = hits.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const list = rs.conditions[conditions[i] as number] ?? [];
    if (listMayHold(rs, list, hits, elsewhere, topic)) return true;
  }
  return false;
}

/**
 * Whether every condition of `list` may hold. A set licensed under one condition of the list is not
 * asked again under the next (ContextIndex.license): each set may hold under any place the list
 * gives it.
 */
function listMayHold(
  rs: CompiledRuleSet,
  list: CompiledRuleSet['conditions'][number],
  hits: ContextHits,
  elsewhere: (set: number) => boolean,
  topic: readonly string[],
): boolean {
  for (let c = 0; c < list.length; c++) {
    const sets = (list[c] as (typeof list)[number]).sets;
    for (let k = 0; k < sets.length; k++) {
      const set = sets[k] as number;
      const def = rs.contextSets[set];
      if (!def || def.lang.length > 0 || topic.includes(def.name) || hits.sets.includes(set)) continue;
      if (!readBeyond(list, set) || !elsewhere(set)) return false;
    }
  }
  return true;
}

/** Whether a condition of `list` on `set` reads beyond the match's segment. */
function readBeyond(list: CompiledRuleSet['conditions'][number], set: number): boolean {
  for (let c = 0; c < list.length; c++) {
    const condition = list[c] as (typeof list)[number];
    if (!condition.sets.includes(set)) continue;
    for (let w = 0; w < condition.within.length; w++) {
      if (readsBeyondSegment(condition.within[w] as (typeof condition.within)[number])) return true;
    }
  }
  return false;
}

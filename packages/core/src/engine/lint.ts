// The engine's entry points: compile packs once, lint the segments of each document.
import { kindOf } from '../kinds/registry.js';
import type { LetterCounts, LettersEnough } from '../lang/document-script.js';
import type { LineIndex } from '../text/lines.js';
import type { Finding, Segment } from '../types.js';
import {
  type Candidate,
  hasBoundedMatch,
  type ProseScan,
  type RuleMatch,
  type SegmentState,
  scanSegment,
} from './candidates.js';
import type { CompiledRuleSet } from './compiled.js';
import { ContextIndex, type ExternalContext } from './context.js';
import type { DocContext } from './finding.js';
import { type FindingMemo, localWindow, planReuse, type ReusePlan } from './finding-memo.js';
import { LintDocument, LintFacts } from './lint-document.js';
import { CANDIDATE, MENTION, scanRaw } from './prefilter.js';
import type { RuleSet } from './rule-set.js';

export { compilePacks } from './compile.js';

export interface LintInput {
  /** The document text (no BOM). */
  text: string;
  segments: readonly Segment[];
  /** The document language (BCP 47), when known. */
  lang?: string;
  /** Context sets the document declares itself about (front matter or config `topic`). */
  topic?: readonly string[];
  /** Reuse the scans of unchanged segments between lints of one document (an editor's). */
  cache?: ScanCache;
  /** The text's line index, when the caller keeps one up to date (an editor's document). */
  lines?: LineIndex;
  /**
   * The document's letters by script (`countLetters`), from which its language (for its messages,
   * and for context sets that name languages when `lang` is not given) and its Chinese script are
   * read; by default, those of the segments' prose. A caller that gives only the segments that can
   * hold a finding gives those of the whole text (unified's Markdown documents, each block counted
   * once), so that what it gets does not depend on the segments it left out. Given `enough`, it
   * may stop summing its parts once `enough` says so of the counts so far and the units left (the
   * messages' locale needs only the language, and for Chinese the script).
   */
  textLetters?: (enough?: LettersEnough) => LetterCounts;
  /** Segments of another text that count as context of these (a translation's source: bilingual/lint.ts). */
  external?: ExternalContext;
}

/**
 * Per-document memo of segment scans keyed by the segment's prose: re-linting after an edit only
 * rescans the segments whose text changed. Entries not used by the latest lint are dropped, so
 * it holds one document's segments; it resets itself when the rule set changes.
 */
export interface ScanCache {
  /** @internal */ ruleSet?: RuleSet;
  /** @internal */ entries: Map<string, ProseScan>;
  /** @internal Lints so far: each stamps the scans it used (`ProseScan.used`). */
  lints: number;
  /** @internal What the last lint found, segment by segment (finding-memo.ts). */
  findings?: FindingMemo | undefined;
}

export function createScanCache(): ScanCache {
  return { entries: new Map(), lints: 0 };
}

function compiledOf(ruleSet: RuleSet): CompiledRuleSet {
  const c = ruleSet as Partial<CompiledRuleSet>;
  if (!c.automaton || !c.compiled) throw new TypeError('Expected a rule set made by compilePacks');
  return c as CompiledRuleSet;
}

/** Findings for the segments of one document, sorted by start, then rule id. */
export function lintSegments(input: LintInput, ruleSet: RuleSet): Finding[] {
  return runLint(input, ruleSet).findings;
}

/** A lint with what the bilingual checks read next: the segments' scans and the document. */
export interface LintRun {
  findings: Finding[];
  doc: DocContext;
  rs: CompiledRuleSet;
}

export function runLint(input: LintInput, ruleSet: RuleSet): LintRun {
  const rs = compiledOf(ruleSet);
  const segments = scanSegments(ruleSet, input.text, input.segments, input.cache);
  const doc = new LintDocument(input, rs, segments);
  // Only the rules with a candidate in this document: the cost stays with the text, not the pack.
  const perRule = new Map<number, RuleMatch[]>();
  // Indexed loops: see inRanges (lang/script.ts).
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s] as SegmentState;
    // A `context` segment (front matter) is never checked: only its mentions count.
    if (input.segments[seg.index]?.role === 'context') continue;
    const candidates = seg.candidates;
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k] as Candidate;
      if (c.ref.rule < 0) continue;
      const list = perRule.get(c.ref.rule);
      if (list) list.push({ seg, c });
      else perRule.set(c.ref.rule, [{ seg, c }]);
    }
  }
  const findings: Finding[] = [];
  if (perRule.size === 0) {
    if (input.cache) input.cache.findings = undefined;
    return { findings, doc, rs };
  }
  const context =
    rs.conditions.length > 0 ? new ContextIndex(doc, new LintFacts(input, doc), rs.contextSets) : undefined;
  let reuse: ReusePlan | undefined;
  if (input.cache) {
    reuse = planReuse(input.cache.findings, input, segments, doc.factsKey(), () => doc.lines);
    input.cache.findings = reuse.memo;
  }
  for (const index of [...perRule.keys()].sort((a, b) => a - b)) {
    const rule = rs.compiled[index];
    const all = perRule.get(index);
    if (!rule || !all) continue;
    const window = reuse ? localWindow(rule) : -1;
    if (reuse && window > 0) {
      for (const f of windowedFindings(index, all, window, reuse, (group) => {
        if (!decides(group, 0, group.length)) return NONE;
        const matches = context ? licensed(group, rule.condition, rs, context) : group;
        return matches.length > 0 ? rule.findings(doc, matches) : NONE;
      })) {
        findings.push(f);
      }
      continue;
    }
    if (reuse && window === 0) {
      const bySegment = new Map<number, Finding[]>();
      reuse.memo.byRule.set(index, bySegment);
      forEachSegment(all, (seg, from, to) => {
        let found = reuse.reused(index, seg);
        if (!found) {
          if (!decides(all, from, to)) found = NONE;
          else {
            const group = all.slice(from, to);
            const matches = context ? licensed(group, rule.condition, rs, context) : group;
            found = matches.length > 0 ? rule.findings(doc, matches) : NONE;
          }
        }
        bySegment.set(seg.index, found);
        for (const f of found) findings.push(f);
      });
      continue;
    }
    if (!decides(all, 0, all.length)) continue;
    const matches = context ? licensed(all, rule.condition, rs, context) : all;
    // A loop, not push(...list): a rule can give more findings than a call takes arguments.
    if (matches.length > 0) {
      const found = rule.findings(doc, matches);
      for (let k = 0; k < found.length; k++) findings.push(found[k] as Finding);
    }
  }
  findings.sort(byPlace);
  return { findings, doc, rs };
}

/**
 * The findings of a local rule whose findings in a segment read the `window` segments after it
 * (requires' lookahead): each segment's from the last lint where it and those after it are as they
 * were, else made again, in one call (`make`) with the matches of the segments made again and of
 * the `window` after each. Of what that call gives, only the findings of the segments made again
 * are kept: those of the segments after them were read without all they read.
 */
function windowedFindings(
  index: number,
  all: readonly RuleMatch[],
  window: number,
  reuse: ReusePlan,
  make: (group: RuleMatch[]) => readonly Finding[],
): Finding[] {
  const bySegment = new Map<number, Finding[]>();
  reuse.memo.byRule.set(index, bySegment);
  const again: number[] = [];
  forEachSegment(all, (seg) => {
    const found = reuse.reused(index, seg, window);
    if (found) bySegment.set(seg.index, found);
    else again.push(seg.index);
  });
  if (again.length > 0) {
    const read = new Set<number>();
    for (const s of again) for (let k = 0; k <= window; k++) read.add(s + k);
    const made = again.map((s) => ({ s, range: reuse.rangeOf(s), found: [] as Finding[] }));
    for (const f of make(all.filter((m) => read.has(m.seg.index)))) {
      const own = made.find(
        ({ range }) => range !== undefined && f.start >= range.start && f.start < range.end,
      );
      own?.found.push(f);
    }
    for (const { s, found } of made) bySegment.set(s, found);
  }
  const out: Finding[] = [];
  for (const found of bySegment.values()) for (const f of found) out.push(f);
  return out;
}

/**
 * Whether one of a rule's matches in [from, to) can decide a finding. Matches of quiet phrases
 * alone (a term rule's preferred terms: 韩国, 朝鲜, the words most drafts are made of) give none,
 * as the pre-check assumes (PhraseRef.quiet): the rule is not asked, so neither its record is read
 * from a serialized rule set nor its findings' work done (a tenth of a run with 10,000 terms).
 */
function decides(matches: readonly RuleMatch[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((matches[i] as RuleMatch).c.ref.quiet !== true) return true;
  return false;
}

const NONE: Finding[] = [];

/** `each(seg, from, to)` for each run of `matches` in one segment (they come segment by segment). */
function forEachSegment(
  matches: readonly RuleMatch[],
  each: (seg: SegmentState, from: number, to: number) => void,
): void {
  let from = 0;
  while (from < matches.length) {
    const seg = (matches[from] as RuleMatch).seg;
    let to = from + 1;
    while (to < matches.length && (matches[to] as RuleMatch).seg === seg) to++;
    each(seg, from, to);
    from = to;
  }
}

/** Document order: by start, then end, then rule id. */
export function byPlace(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * The segments of `text` scanned, with `cache` (a ScanCache) reusing the scans of the texts it
 * holds and keeping only this call's: a document's, and a translation's source (bilingual/lint.ts).
 * Another rule set empties it.
 */
export function scanSegments(
  ruleSet: RuleSet,
  text: string,
  segments: readonly Segment[],
  cache?: ScanCache,
): SegmentState[] {
  const rs = compiledOf(ruleSet);
  if (cache && cache.ruleSet !== ruleSet) {
    cache.ruleSet = ruleSet;
    cache.entries.clear();
    cache.findings = undefined;
  }
  // Scans are stamped in place rather than moved to a new map: an edit leaves most of them used.
  const stamp = cache ? ++cache.lints : 0;
  let used = 0;
  const states = segments.map((segment, index) => {
    const seg = scanSegment(rs, text, segment, index, cache?.entries);
    if (cache && seg.scan.used !== stamp) {
      seg.scan.used = stamp;
      used++;
    }
    return seg;
  });
  if (cache && cache.entries.size > used)
    for (const [key, scan] of cache.entries) if (scan.used !== stamp) cache.entries.delete(key);
  return states;
}

/**
 * The matches a context condition allows, each with what licensed it: a `report` match is kept
 * only where its phrase's condition (a term's own), else its rule's, holds. Other matches
 * (`unless`, `require`...) are the kinds' to read and pass as they are.
 */
function licensed(
  matches: RuleMatch[],
  ruleCondition: number | undefined,
  rs: CompiledRuleSet,
  context: ContextIndex,
): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const m of matches) {
    const id = m.c.ref.condition ?? ruleCondition;
    const conditions = m.c.ref.effect === 'report' && id !== undefined ? rs.conditions[id] : undefined;
    if (!conditions) {
      out.push(m);
      continue;
    }
    const license = context.license(m, conditions);
    // Each match is this lint's own object (runLint makes them): no copy to carry its license.
    if (license) {
      m.context = license;
      out.push(m);
    }
  }
  return out;
}

/**
 * The pre-check on raw text: false only when no match of a phrase that can decide a finding (nor
 * of a pattern's atom, a literal all its matches hold) occurs in the match view of `text`, so a
 * caller may skip parsing it. For
 * Markdown, whose markup can split a phrase, `@nuance/unified` takes the markup out first
 * (`prefilterSafety` says what it may take out).
 */
export function hasCandidate(text: string, ruleSet: RuleSet): boolean {
  return scanRaw(text, ruleSet, CANDIDATE).candidate;
}

/**
 * Whether some rule of the set has a context condition. Then a caller that skips parsing parts of
 * a document (unified's block model) must also give the segments that can hold a context mention
 * (`hasContextMention`), the document head and the headings, so that findings do not depend on
 * what was skipped.
 */
export function needsContext(ruleSet: RuleSet): boolean {
  return compiledOf(ruleSet).conditions.length > 0;
}

const reaches = new WeakMap<RuleSet, number>();

/**
 * How many segments after a match's own some rule's findings read whether or not they hold a
 * match (a kind's `reach`: `requires`' lookahead). A caller that gives only the segments that can
 * hold a finding (unified's blocks) must give, after each, the blocks that hold that many more.
 */
export function segmentReach(ruleSet: RuleSet): number {
  let reach = reaches.get(ruleSet) ?? compiledOf(ruleSet).reach;
  if (reach === undefined) {
    reach = 0;
    for (const rule of compiledOf(ruleSet).compiled) {
      const def = rule.source.def;
      reach = Math.max(reach, kindOf(def).reach?.(def as never) ?? 0);
    }
    reaches.set(ruleSet, reach);
  }
  return reach;
}

/** The pre-check for context mentions, like `hasCandidate`: false only when none occurs in `text`. */
export function hasContextMention(text: string, ruleSet: RuleSet): boolean {
  return needsContext(ruleSet) && scanRaw(text, ruleSet, MENTION).mention;
}

/**
 * For text that `preCheck` found a candidate only by weak phrases (`weakOnly`: `AI` in `said`),
 * whether one of them stands as a word, with the boundaries the scan checks. Only for text that
 * reads, around every match, as the prose its parse gives: the caller took nothing out of it
 * (no markup, escape or reference; a block's own text, where line starts, list markers, table
 * pipes and code spans stand where the prose has a segment's edge, a line break or a separator,
 * none of them part of a word).
 */
export function hasBoundedCandidate(text: string, ruleSet: RuleSet): boolean {
  return hasBoundedMatch(compiledOf(ruleSet), text);
}

// The engine's entry points: compile packs once, lint the segments of each document.
import { createLineIndex } from '../text/lines.js';
import type { Finding, Segment } from '../types.js';
import { buildView } from '../view/normalize.js';
import { type ProseScan, type RuleMatch, type SegmentState, scanSegment } from './candidates.js';
import type { CompiledRuleSet } from './compiled.js';
import type { DocContext } from './finding.js';
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
}

/**
 * Per-document memo of segment scans keyed by the segment's prose: re-linting after an edit only
 * rescans the segments whose text changed. Entries not used by the latest lint are dropped, so
 * it holds one document's segments; it resets itself when the rule set changes.
 */
export interface ScanCache {
  /** @internal */ ruleSet?: RuleSet;
  /** @internal */ entries: Map<string, ProseScan>;
}

export function createScanCache(): ScanCache {
  return { entries: new Map() };
}

function compiledOf(ruleSet: RuleSet): CompiledRuleSet {
  const c = ruleSet as Partial<CompiledRuleSet>;
  if (!c.automaton || !c.compiled) throw new TypeError('Expected a rule set made by compilePacks');
  return c as CompiledRuleSet;
}

/** Findings for the segments of one document, sorted by start, then rule id. */
export function lintSegments(input: LintInput, ruleSet: RuleSet): Finding[] {
  const rs = compiledOf(ruleSet);
  const doc: DocContext = { text: input.text, lines: createLineIndex(input.text) };
  const perRule: RuleMatch[][] = rs.compiled.map(() => []);
  const cache = input.cache;
  if (cache && cache.ruleSet !== ruleSet) {
    cache.ruleSet = ruleSet;
    cache.entries.clear();
  }
  const used = cache ? new Map<string, ProseScan>() : undefined;
  input.segments.forEach((segment, index) => {
    const seg: SegmentState = scanSegment(rs, input.text, segment, index, cache?.entries);
    if (used && cache) {
      const entry = cache.entries.get(seg.prose.text);
      if (entry) used.set(seg.prose.text, entry);
    }
    for (const c of seg.candidates) perRule[c.ref.rule]?.push({ seg, c });
  });
  if (cache && used) cache.entries = used;
  const findings: Finding[] = [];
  rs.compiled.forEach((rule, i) => {
    const matches = perRule[i];
    if (!matches || matches.length === 0) return;
    findings.push(...rule.findings(doc, matches));
  });
  return findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/**
 * Cheap pre-check: false only when no candidate can occur in `text`, so a caller may skip parsing.
 * It looks for the first character (CJK) or first word (Latin) of every phrase, which markup
 * cannot split.
 */
export function hasCandidate(text: string, ruleSet: RuleSet): boolean {
  const rs = compiledOf(ruleSet);
  if (rs.patterns.length > 0) return true;
  return rs.atoms.test(buildView(text).text);
}

/**
 * Whether some rule of the set has a context condition. Then a caller that skips parsing parts of
 * a document (unified's block model) must also give the segments that can hold a context mention
 * (`hasContextMention`), the document head and the headings, so that findings do not depend on
 * what was skipped.
 */
export function needsContext(ruleSet: RuleSet): boolean {
  return compiledOf(ruleSet).contextAtoms !== undefined;
}

/** Cheap pre-check like `hasCandidate`: false only when no context mention can occur in `text`. */
export function hasContextMention(text: string, ruleSet: RuleSet): boolean {
  const atoms = compiledOf(ruleSet).contextAtoms;
  return atoms?.test(buildView(text).text) === true;
}

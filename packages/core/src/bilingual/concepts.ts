// The concept checks of a bilingual unit, on the `term` rules (concepts) whose terms occur in it:
// - missing term: a concept of the source with none of its terms in the target, where it has
//   preferred or admitted terms in the target's language;
// - shifted concept: instead, the target has a term of another concept of a `confusable` set;
// - inconsistent: one source term rendered by different target terms in different units.
// Missing and inconsistent findings go under the concept's rule id, shifted ones under the
// confusable rule's. A target with a deprecated term of the concept is left to the term rule.
// Only key terms (the term kind's `key-term`; an imported glossary's concepts are not, unless its
// pack entry says so) give missing and inconsistent findings; a renderer's choice between the
// target terms is judged among the terms of the target's language (an English name left in a
// Korean target, or a Traditional term that Simplified text also writes, is no rendering).
import type { Candidate, SegmentState } from '../engine/candidates.js';
import type { CompiledRule } from '../engine/compiled.js';
import { makeFinding } from '../engine/finding.js';
import type { ConfusableRule } from '../kinds/confusable.js';
import type { TermRule } from '../kinds/term.js';
import { termSpelledAs } from '../kinds/term-spelling.js';
import { expandPhrase } from '../pack/phrase.js';
import { audienceMatches, scriptOfTag } from '../text/language-tag.js';
import type { Finding } from '../types.js';
import { normalizePhrase } from '../view/normalize.js';
import type { BilingualRun } from './bilingual-types.js';
import { unitFinding, withCheck } from './unit-finding.js';

interface Occurrence {
  rule: number;
  item: number;
  seg: SegmentState;
  c: Candidate;
}

const INCONSISTENT =
  'The source term `{source}` is rendered `{expected}` elsewhere in this file, but `{actual}` here';

export function conceptFindings(run: BilingualRun): Finding[] {
  const terms = termRules(run.rs.compiled);
  if (terms.size === 0) return [];
  const confusables = confusableSets(run.rs.compiled);
  const out: Finding[] = [];
  // Per concept and source term: the first target term that rendered it (inconsistent).
  const rendered: Rendered = new Map();
  for (const unit of run.units) {
    if (unit.target.length === 0) continue;
    const src = occurrences(run.sourceStates, unit.source, terms);
    if (src.length === 0) continue;
    const tgt = occurrences(run.doc.segments, unit.target, terms);
    // Each concept of the source once, by its first occurrence (in order): plain arrays and loops,
    // not a Set and closures per concept, as every unit of a release is read at every edit.
    const firsts = src.length === 1 ? src : firstOfEach(src);
    const srcRules = firsts.length === 1 ? [(firsts[0] as Occurrence).rule] : firsts.map((o) => o.rule);
    let view: string | undefined;
    for (let i = 0; i < firsts.length; i++) {
      const first = firsts[i] as Occurrence;
      const rule = first.rule;
      const def = terms.get(rule)!;
      const sourceTerm = first.seg.prose.text.slice(first.c.ps, first.c.pe);
      const mine = ofRule(tgt, rule);
      if (mine.length > 0) {
        if (def.keyTerm === false) continue;
        // A target term that is also the term of another concept of the source (半岛无核化 for
        // "denuclearization of the Korean Peninsula") renders that one: no inconsistency.
        const own = notRenderingOthers(mine, tgt, rule, srcRules);
        const f = inconsistency(run, rule, src, own, rendered, sourceTerm);
        if (f) out.push(withCheck(f, 'inconsistent', unit, sourceTerm));
        continue;
      }
      const expected = targetTerms(def, run.targetLang);
      if (expected.length === 0) continue;
      view ??= unit.target.map((id) => normalizePhrase(run.doc.segments[id]?.prose.text ?? '')).join('\n');
      if (renderedLoosely(view, def)) continue;
      const shifted = shift(run, rule, srcRules, tgt, confusables, sourceTerm, expected);
      if (shifted) {
        out.push(withCheck(shifted, 'shifted-concept', unit, sourceTerm));
        continue;
      }
      if (def.keyTerm === false) continue;
      const missing = unitFinding(run, unit, run.rs.compiled[rule]!.source.rule, sourceTerm, expected);
      if (missing) out.push(withCheck(missing, 'missing-term', unit, sourceTerm));
    }
  }
  return out;
}

/**
 * Whether a term of the concept occurs in the target's match view at all, word boundaries aside:
 * the matcher's Han word-start check misses some (但无核化, 先去核), and a concept that is there is
 * not missing.
 */
function renderedLoosely(view: string, def: TermRule): boolean {
  return def.terms.some(
    (t) =>
      t.text !== undefined && expandPhrase(t.text).some((literal) => view.includes(normalizePhrase(literal))),
  );
}

/** The first occurrence of each rule among `all`, in order. */
function firstOfEach(all: readonly Occurrence[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = 0; i < all.length; i++) {
    const o = all[i] as Occurrence;
    let seen = false;
    for (let k = 0; k < out.length && !seen; k++) seen = (out[k] as Occurrence).rule === o.rule;
    if (!seen) out.push(o);
  }
  return out;
}

/** The occurrences of `rule` among `all`. */
function ofRule(all: readonly Occurrence[], rule: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = 0; i < all.length; i++)
    if ((all[i] as Occurrence).rule === rule) out.push(all[i] as Occurrence);
  return out;
}

function overlaps(a: Occurrence, b: Occurrence): boolean {
  return a.seg === b.seg && a.c.ps < b.c.pe && b.c.ps < a.c.pe;
}

// Per rule set (its compiled rules), made at its first lint: an editor lints a release at every edit.
const termsOf = new WeakMap<readonly CompiledRule[], Map<number, TermRule>>();
const confusablesOf = new WeakMap<readonly CompiledRule[], Map<string, CompiledRule[]>>();

function termRules(compiled: readonly CompiledRule[]): Map<number, TermRule> {
  let out = termsOf.get(compiled);
  if (!out) {
    const made = new Map<number, TermRule>();
    compiled.forEach((rule, index) => {
      if (rule.source.def.kind === 'term') made.set(index, rule.source.def);
    });
    termsOf.set(compiled, made);
    out = made;
  }
  return out;
}

/** Per concept rule id, the confusable rules that name it. */
function confusableSets(compiled: readonly CompiledRule[]): Map<string, CompiledRule[]> {
  const known = confusablesOf.get(compiled);
  if (known) return known;
  const out = new Map<string, CompiledRule[]>();
  confusablesOf.set(compiled, out);
  for (const rule of compiled) {
    if (rule.source.def.kind !== 'confusable') continue;
    for (const id of (rule.source.def as ConfusableRule).concepts) {
      const list = out.get(id);
      if (list) list.push(rule);
      else out.set(id, [rule]);
    }
  }
  return out;
}

/** No occurrence: what most segments of a release give (not to be added to). */
const NONE: readonly Occurrence[] = [];

/** The occurrences of concepts in the segments `ids` of `states` (one side's). */
function occurrences(
  states: readonly SegmentState[],
  ids: readonly number[],
  terms: Map<number, TermRule>,
): readonly Occurrence[] {
  let out: Occurrence[] | undefined;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const seg = states[id];
    if (!seg) continue;
    const candidates = seg.candidates;
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k] as Candidate;
      const def = terms.get(c.ref.rule);
      if (c.ref.effect !== 'report' || c.ref.item === undefined || !def) continue;
      // A term that reads the same as others of its rule is the one it is spelled as.
      const item = termSpelledAs(def, c.ref.item, seg.prose.text.slice(c.ps, c.pe));
      out ??= [];
      out.push({ rule: c.ref.rule, item, seg, c });
    }
  }
  return out ?? NONE;
}

/**
 * Whether a term tagged `termLang` is of the target's language `lang`: a prefix of one another
 * (`zh`, `zh-CN`), or one language written in one script (`zh-CN` and `zh-Hans`, `zh-TW` and
 * `zh-Hant`).
 */
function inLanguage(lang: string, termLang: string): boolean {
  if (audienceMatches(lang, [termLang])) return true;
  const primary = (tag: string) => tag.split('-')[0]?.toLowerCase();
  if (primary(lang) !== primary(termLang)) return false;
  const script = scriptOfTag(lang);
  return script !== undefined && script === scriptOfTag(termLang);
}

/** The concept's preferred, then admitted, terms in the target's language. */
function targetTerms(def: TermRule, lang: string | undefined): string[] {
  if (lang === undefined) return [];
  const of = (status: string) =>
    def.terms
      .filter((t) => t.status === status && t.text !== undefined && inLanguage(lang, t.lang))
      .map((t) => expandPhrase(t.text!)[0] ?? t.text!);
  return [...new Set([...of('preferred'), ...of('admitted')])];
}

function shift(
  run: BilingualRun,
  rule: number,
  srcRules: readonly number[],
  tgt: readonly Occurrence[],
  confusables: Map<string, CompiledRule[]>,
  sourceTerm: string,
  expected: string[],
): Finding | undefined {
  const id = run.rs.compiled[rule]!.source.def.id;
  for (const set of confusables.get(id) ?? []) {
    const others = (set.source.def as ConfusableRule).concepts.filter((c) => c !== id);
    const hit = tgt.find((o) => {
      const otherId = run.rs.compiled[o.rule]!.source.def.id;
      return others.includes(otherId) && !srcRules.includes(o.rule);
    });
    if (!hit) continue;
    const r = set.source.rule;
    const message = r.message.replaceAll('{source}', sourceTerm);
    return makeFinding(run.doc, { ...r, message }, hit.seg, hit.c, expected, { fixable: false });
  }
  return undefined;
}

/** Per concept (its rule), per source term (its item): the first target term that rendered it. */
type Rendered = Map<number, Map<number, Occurrence>>;

/**
 * Of `mine` (the target's terms of concept `rule`), those that are not also the term of another
 * concept of the source (`srcRules`). Loops, no closures: asked of every unit of a release whose
 * source holds a concept, at every edit (a third of the units of the bench's release set).
 */
function notRenderingOthers(
  mine: readonly Occurrence[],
  tgt: readonly Occurrence[],
  rule: number,
  srcRules: readonly number[],
): readonly Occurrence[] {
  let out: Occurrence[] | undefined;
  for (let i = 0; i < mine.length; i++) {
    const o = mine[i] as Occurrence;
    let other = false;
    for (let k = 0; k < tgt.length && !other; k++) {
      const x = tgt[k] as Occurrence;
      other = x.rule !== rule && srcRules.includes(x.rule) && overlaps(x, o);
    }
    if (other) out ??= mine.slice(0, i);
    else out?.push(o);
  }
  return out ?? mine;
}

function inconsistency(
  run: BilingualRun,
  rule: number,
  src: readonly Occurrence[],
  mine: readonly Occurrence[],
  rendered: Rendered,
  sourceTerm: string,
): Finding | undefined {
  const def = run.rs.compiled[rule]!.source.def as TermRule;
  // Only a unit that says one thing one way can set or break a rendering: one source term of the
  // concept, and one of the target's terms in its language (preferred or admitted).
  let srcItem = -1;
  for (let i = 0; i < src.length; i++) {
    const o = src[i] as Occurrence;
    if (o.rule !== rule) continue;
    if (srcItem >= 0 && o.item !== srcItem) return undefined;
    srcItem = o.item;
  }
  if (srcItem < 0) return undefined;
  const lang = run.targetLang;
  let kept: Occurrence | undefined;
  for (let i = 0; i < mine.length; i++) {
    const o = mine[i] as Occurrence;
    const t = def.terms[o.item];
    if (t?.status !== 'preferred' && t?.status !== 'admitted') continue;
    if (lang !== undefined && !inLanguage(lang, t.lang)) continue;
    if (kept && o.item !== kept.item) return undefined;
    kept ??= o;
  }
  if (!kept) return undefined;
  let bySource = rendered.get(rule);
  if (!bySource) {
    bySource = new Map();
    rendered.set(rule, bySource);
  }
  const reference = bySource.get(srcItem);
  if (!reference) {
    bySource.set(srcItem, kept);
    return undefined;
  }
  if (reference.item === kept.item) return undefined;
  const expected = reference.seg.prose.text.slice(reference.c.ps, reference.c.pe);
  const r = run.rs.compiled[rule]!.source.rule;
  // The check's own message in every locale: the rule's translated message is about its terms.
  const message = { en: INCONSISTENT.replaceAll('{source}', sourceTerm) };
  return makeFinding(run.doc, r, kept.seg, kept.c, [expected], { fixable: false, message });
}

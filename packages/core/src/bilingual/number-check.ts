// The `numbers` check of a bilingual unit: every value of the target must be one of the source's,
// and every value of the source must be in the target (numbers.ts says when two are the same).
import type { SegmentState } from '../engine/candidates.js';
import type { CompiledRule } from '../engine/compiled.js';
import { placeOf } from '../engine/finding.js';
import type { Finding } from '../types.js';
import type { BilingualRun } from './bilingual-types.js';
import { type NumberMention, numbersOf, sameValue, valueText } from './numbers.js';
import { unitFinding, withCheck } from './unit-finding.js';

const EXTRA = 'The target has `{actual}` ({value}), which the source does not have';
const LACKING = 'The source has `{source}` ({value}), which the target does not have';
const CHANGED = 'The target has `{actual}` ({value}) where the source has `{source}` ({was})';

interface Found extends NumberMention {
  seg: SegmentState;
  text: string;
}

export function numberFindings(run: BilingualRun): Finding[] {
  const rules = numberRules(run.rs.compiled);
  if (rules.length === 0) return [];
  const out: Finding[] = [];
  for (const unit of run.units) {
    if (unit.source.length === 0 || !hasProse(run.doc.segments, unit.target)) continue;
    // Most units say the same numbers on both sides, or none: answered without a copy of each.
    const source = run.sourceStates;
    const target = run.doc.segments;
    if (
      allAnswered(source, unit.source, target, unit.target, true) &&
      allAnswered(target, unit.target, source, unit.source, false)
    )
      continue;
    const src = mentions(source, unit.source);
    const tgt = mentions(target, unit.target);
    // Every value of the target must be one of the source's and the other way round (as sets: a
    // translation may say a figure twice); a value read from words (soft) answers but is never
    // reported itself.
    const extra = tgt.filter((t) => !t.soft && !src.some((s) => sameValue(s.value, t.value)));
    const lacking = src.filter((s) => !s.soft && !tgt.some((t) => sameValue(s.value, t.value)));
    // A value the target changed: one finding, on the target's, naming the source's.
    const changes = extra.map((t) => {
      const same = lacking.findIndex((s) => s.value.kind === t.value.kind);
      return { t, was: lacking.splice(Math.max(same, 0), 1)[0] };
    });
    for (const rule of rules) {
      for (const { t, was } of changes) {
        out.push(withCheck(extraFinding(run, rule, t, was), 'number', unit, was?.text ?? t.text));
      }
      for (const s of lacking) {
        const f = unitFinding(
          run,
          unit,
          rule.source.rule,
          s.text,
          [],
          LACKING.replace('{value}', valueText(s.value)),
        );
        if (f) out.push(withCheck(f, 'number', unit, s.text));
      }
    }
  }
  return out;
}

// Per rule set (its compiled rules), made at its first lint: an editor lints a release at every edit.
const numberRulesOf = new WeakMap<readonly CompiledRule[], CompiledRule[]>();

function numberRules(compiled: readonly CompiledRule[]): CompiledRule[] {
  let rules = numberRulesOf.get(compiled);
  if (!rules) {
    rules = compiled.filter((r) => r.source.def.kind === 'numbers');
    numberRulesOf.set(compiled, rules);
  }
  return rules;
}

/**
 * Whether every value the `from` segments state (not read from words) is one the `to` segments
 * have, compared as the check compares them (`sameValue(source, target)`).
 */
function allAnswered(
  fromStates: readonly SegmentState[],
  from: readonly number[],
  toStates: readonly SegmentState[],
  to: readonly number[],
  fromSource: boolean,
): boolean {
  // Loops, not `some` with closures: asked of every unit of a release at every edit.
  for (let i = 0; i < from.length; i++) {
    const seg = fromStates[from[i] as number];
    if (!seg) continue;
    const stated = numbersIn(seg);
    for (let k = 0; k < stated.length; k++) {
      const m = stated[k] as NumberMention;
      if (!m.soft && !answeredIn(toStates, to, m, fromSource)) return false;
    }
  }
  return true;
}

/** Whether one of the `to` segments has the value of `m` (see allAnswered). */
function answeredIn(
  states: readonly SegmentState[],
  to: readonly number[],
  m: NumberMention,
  fromSource: boolean,
): boolean {
  for (let i = 0; i < to.length; i++) {
    const seg = states[to[i] as number];
    if (seg === undefined) continue;
    const there = numbersIn(seg);
    for (let k = 0; k < there.length; k++) {
      const n = (there[k] as NumberMention).value;
      if (fromSource ? sameValue(m.value, n) : sameValue(n, m.value)) return true;
    }
  }
  return false;
}

/**
 * The numbers of a segment's prose, kept with its scan: a release's units are all asked at every
 * edit, and the scans of the segments an edit left are the same objects (the source's, and the
 * target's in a ScanCache), where a look-up by text hashed every segment's new text.
 */
function numbersIn(seg: SegmentState): readonly NumberMention[] {
  seg.scan.numbers ??= numbersOf(seg.prose.text);
  return seg.scan.numbers;
}

const NOT_BLANK = /\S/u;

function hasProse(states: readonly SegmentState[], ids: readonly number[]): boolean {
  for (let i = 0; i < ids.length; i++) {
    const text = states[ids[i] as number]?.prose.text;
    if (text !== undefined && NOT_BLANK.test(text)) return true;
  }
  return false;
}

function mentions(states: readonly SegmentState[], ids: readonly number[]): Found[] {
  const out: Found[] = [];
  for (const id of ids) {
    const seg = states[id];
    if (!seg) continue;
    for (const m of numbersIn(seg)) out.push({ ...m, seg, text: seg.prose.text.slice(m.start, m.end) });
  }
  return out;
}

function extraFinding(run: BilingualRun, rule: CompiledRule, t: Found, was: Found | undefined): Finding {
  const r = rule.source.rule;
  const message = (was ? CHANGED : EXTRA)
    .replace('{actual}', t.text)
    .replace('{value}', valueText(t.value))
    .replace('{source}', was?.text ?? '')
    .replace('{was}', was ? valueText(was.value) : '');
  const f: Finding = {
    ruleId: r.id,
    severity: r.severity,
    message,
    ...placeOf(run.doc, t.seg.prose, t.start, t.end),
    actual: t.text,
    expected: [],
  };
  if (r.note !== undefined) f.note = r.note;
  if (r.url !== undefined) f.url = r.url;
  return f;
}

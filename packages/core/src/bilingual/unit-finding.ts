// Findings on a unit's whole target (nothing there to point at), and the `source` of a check's finding.
import { type FindingRule, placeOf } from '../engine/finding.js';
import type { BilingualCheck, Finding } from '../types.js';
import type { BilingualRun, UnitScans } from './bilingual-types.js';

const MISSING = 'The source has `{source}`, but the target has no rendering of it: expected `{expected}`';

/** A finding on a unit's whole target (nothing there to point at). */
export function unitFinding(
  run: BilingualRun,
  unit: UnitScans,
  rule: FindingRule,
  sourceTerm: string,
  expected: string[],
  template = MISSING,
): Finding | undefined {
  const segs = unit.target.map((t) => run.doc.segments[t]).filter((s) => s && s.prose.text.trim() !== '');
  const first = segs[0];
  const last = segs.at(-1);
  if (!first || !last) return undefined;
  const a = placeOf(run.doc, first.prose, 0, first.prose.text.length);
  const b = placeOf(run.doc, last.prose, 0, last.prose.text.length);
  // A placeholder's U+FFFC shows as an ellipsis.
  const actual = segs.map((s) => s!.prose.text.replaceAll('\ufffc', '…')).join(' ');
  const f: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    message: template.replaceAll('{source}', sourceTerm).replaceAll('{expected}', expected.join('`, `')),
    start: a.start,
    end: b.end,
    line: a.line,
    column: a.column,
    endLine: b.endLine,
    endColumn: b.endColumn,
    actual,
    expected,
  };
  if (rule.note !== undefined) f.note = rule.note;
  if (rule.url !== undefined) f.url = rule.url;
  return f;
}

export function withCheck(f: Finding, check: BilingualCheck, unit: UnitScans, term: string): Finding {
  f.source = { ...unit.where, check, term };
  return f;
}

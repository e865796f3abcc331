// `consistency`: the first variant used in a document is the reference; every occurrence of another
// variant of its group is a finding. Also serves `term` rules with `consistent: true`.
import { applyCase } from '../../lang/latin.js';
import type { Finding } from '../../types.js';
import { makeFinding } from '../finding.js';
import type { KindInput, RuleMatch } from './types.js';

export const CONSISTENCY_MESSAGE = 'Use `{expected}` consistently: this document uses it before `{actual}`';

/** Findings for variant matches grouped by `key` (group index, or term language). */
export function consistencyFindings(
  input: KindInput,
  variants: RuleMatch[],
  keyOf: (m: RuleMatch) => string,
  variantOf: (m: RuleMatch) => number,
  options: { fixable: boolean; message?: string },
): Finding[] {
  const reference = new Map<string, RuleMatch>();
  const out: Finding[] = [];
  for (const m of variants) {
    const key = keyOf(m);
    const ref = reference.get(key);
    if (!ref) {
      reference.set(key, m);
      continue;
    }
    if (variantOf(ref) === variantOf(m)) continue;
    const actual = m.seg.prose.text.slice(m.c.ps, m.c.pe);
    const expected = applyCase(actual, ref.c.ref.literal);
    out.push(makeFinding(input.doc, input.rule, m.seg, m.c, [expected], options));
  }
  return out;
}

export function checkConsistency(input: KindInput): Finding[] {
  const def = input.rule.def;
  const fixable = def.kind === 'consistency' && def.fix;
  return consistencyFindings(
    input,
    input.matches.filter((m) => m.c.ref.role === 'variant'),
    (m) => String(m.c.ref.group),
    (m) => m.c.ref.variant ?? 0,
    { fixable },
  );
}

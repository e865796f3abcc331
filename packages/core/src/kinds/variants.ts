// Consistency findings, shared by `consistency` rules and by `term` rules with `consistent: true`:
// the first variant of a group used in a document is the reference; every occurrence of another
// variant of that group is a finding.
import type { RuleMatch } from '../engine/candidates.js';
import { type LocalizedMessage, makeFinding } from '../engine/finding.js';
import { applyCase } from '../lang/latin.js';
import type { Finding } from '../types.js';
import type { KindInput } from './kind.js';

export const CONSISTENCY_MESSAGE: LocalizedMessage = {
  en: 'Use `{expected}` consistently: this document uses it before `{actual}`',
  'zh-Hans': '请统一使用`{expected}`：本文件在`{actual}`之前已经使用了它',
  'zh-Hant': '請統一使用`{expected}`：本文件在`{actual}`之前已經使用了它',
  ko: '`{expected}`로 통일하십시오: 이 문서는 `{actual}`보다 앞서 `{expected}`를 씁니다',
};

/**
 * Findings for variant matches grouped by `keyOf`; `variantOf` tells two variants apart, and
 * `literalOf` (default: the matched phrase's) is how a variant is written in its pack.
 */
export function consistencyFindings(
  input: Pick<KindInput<unknown, unknown>, 'doc' | 'rule'>,
  variants: RuleMatch[],
  keyOf: (m: RuleMatch) => string,
  variantOf: (m: RuleMatch) => number,
  options: { fixable: boolean; message?: LocalizedMessage },
  literalOf: (m: RuleMatch) => string = (m) => m.c.ref.literal,
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
    const expected = applyCase(actual, literalOf(ref));
    out.push(makeFinding(input.doc, input.rule, m.seg, m.c, [expected], { ...options, context: m.context }));
  }
  return out;
}

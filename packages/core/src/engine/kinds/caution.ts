// `caution`: one finding per match, carrying the readings per audience and no fix; an `unless`
// phrase in the same sentence silences it.
import type { Finding } from '../../types.js';
import { sentenceOf } from '../candidates.js';
import { makeFinding } from '../finding.js';
import type { KindInput } from './types.js';

export function checkCaution(input: KindInput): Finding[] {
  if (input.rule.silent) return [];
  const unless = input.matches.filter((m) => m.c.ref.role === 'unless');
  const out: Finding[] = [];
  for (const m of input.matches) {
    if (m.c.ref.role !== 'phrase') continue;
    if (unless.length > 0) {
      const sentence = sentenceOf(m.seg, m.c.ps);
      if (unless.some((u) => u.seg === m.seg && sentenceOf(u.seg, u.c.ps) === sentence)) continue;
    }
    out.push(makeFinding(input.doc, input.rule, m.seg, m.c, [], { fixable: false }));
  }
  return out;
}

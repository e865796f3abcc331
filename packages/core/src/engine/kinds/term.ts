// `term`: deprecated and forbidden terms are findings, with the term's own `use` (its
// Traditional form when the match is Traditional) or the concept's first preferred term.
import { applyCase } from '../../lang/latin.js';
import { scriptOf } from '../../lang/script.js';
import type { Finding } from '../../types.js';
import { isTraditional } from '../../view/t2s.js';
import type { CompiledRule, CompiledTerm } from '../compiled.js';
import { makeFinding } from '../finding.js';
import { CONSISTENCY_MESSAGE, consistencyFindings } from './consistency.js';
import type { KindInput } from './types.js';

function replacementFor(
  rule: CompiledRule,
  term: CompiledTerm,
  actual: string,
): { text?: string; safe: boolean } {
  const trad = [...actual].some((ch) => scriptOf(ch.codePointAt(0) ?? 0) === 'han') && isTraditional(actual);
  if (term.use !== undefined) {
    if (trad)
      return term.useHant !== undefined
        ? { text: term.useHant, safe: true }
        : { text: term.use, safe: false };
    return { text: term.use, safe: true };
  }
  const preferred = rule.terms.find((t) => t.lang === term.lang && t.status === 'preferred' && t.display);
  if (!preferred) return { safe: false };
  return { text: preferred.display, safe: !trad };
}

export function checkTerm(input: KindInput): Finding[] {
  const { rule } = input;
  const def = rule.def;
  if (def.kind !== 'term') return [];
  const out: Finding[] = [];
  for (const m of input.matches) {
    const term = m.c.ref.term === undefined ? undefined : rule.terms[m.c.ref.term];
    if (!term || (term.status !== 'deprecated' && term.status !== 'forbidden')) continue;
    const actual = m.seg.prose.text.slice(m.c.ps, m.c.pe);
    const rep = replacementFor(rule, term, actual);
    let expected: string[] = [];
    if (rep.text !== undefined) {
      let text = applyCase(actual, rep.text);
      // `policies` matched through the `ie` stem: the kept suffix is `s`.
      if (m.c.ref.ies && /[^aeiou]y$/i.test(text)) text = `${text.slice(0, -1)}ie`;
      expected = [text];
    }
    out.push(makeFinding(input.doc, rule, m.seg, m.c, expected, { fixable: def.fix && rep.safe }));
  }
  if (def.consistent) {
    const variants = input.matches.filter((m) => {
      const t = m.c.ref.term === undefined ? undefined : rule.terms[m.c.ref.term];
      return t !== undefined && (t.status === 'preferred' || t.status === 'admitted');
    });
    out.push(
      ...consistencyFindings(
        input,
        variants,
        (m) => rule.terms[m.c.ref.term ?? 0]?.lang ?? '',
        (m) => m.c.ref.term ?? 0,
        { fixable: def.fix, message: CONSISTENCY_MESSAGE },
      ),
    );
  }
  return out;
}

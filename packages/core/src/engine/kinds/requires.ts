// `requires`: a `when` phrase in a scope (sentence, segment, document) without any `require`
// phrase is one finding per scope instance, on the first qualifying `when` occurrence.
import type { Finding } from '../../types.js';
import { sentenceOf } from '../candidates.js';
import { makeFinding } from '../finding.js';
import type { KindInput, RuleMatch } from './types.js';

export function checkRequires(input: KindInput): Finding[] {
  const { rule } = input;
  const def = rule.def;
  if (def.kind !== 'requires') return [];
  const scopes = new Map<string, RuleMatch[]>();
  for (const m of input.matches) {
    const key =
      def.scope === 'document'
        ? 'doc'
        : def.scope === 'segment'
          ? `${m.seg.index}`
          : `${m.seg.index}:${sentenceOf(m.seg, m.c.ps)}`;
    const list = scopes.get(key);
    if (list) list.push(m);
    else scopes.set(key, [m]);
  }
  const out: Finding[] = [];
  for (const list of scopes.values()) {
    if (list.some((m) => m.c.ref.role === 'require')) continue;
    const contexts = list.filter((m) => m.c.ref.role === 'context');
    const first = list.find((m) => {
      if (m.c.ref.role !== 'when') return false;
      const lang = m.c.ref.lang;
      if (lang !== undefined && rule.contextLangs.has(lang))
        return contexts.some((c) => c.c.ref.lang === lang);
      if (rule.hasUnkeyedContext) return contexts.some((c) => c.c.ref.lang === undefined);
      return true;
    });
    if (!first) continue;
    const expected =
      rule.requireDisplay.get(first.c.ref.lang ?? '') ?? [...rule.requireDisplay.values()].flat();
    out.push(
      makeFinding(input.doc, rule, first.seg, first.c, [...new Set(expected)], {
        fixable: false,
        suggest: false,
      }),
    );
  }
  return out;
}

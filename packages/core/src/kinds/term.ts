// `term`: a concept with terms per language, each with a TBX status. A deprecated or forbidden
// term is a finding, with the term's own `use` (its Traditional form `use-hant` when the match is
// Traditional) or the concept's first preferred term of that language; `consistent: true` makes
// the preferred and admitted terms of one language a consistency group.
import type { RuleMatch } from '../engine/candidates.js';
import { makeFinding } from '../engine/finding.js';

type FindingOptions = Parameters<typeof makeFinding>[5];

import { applyCase } from '../lang/latin.js';
import { hasHan } from '../lang/script.js';
import { type ContextCondition, contextConditions } from '../pack/context-parts.js';
import { unexpected } from '../pack/issues.js';
import { type PhraseEntry, phraseEntries, type RuleBase } from '../pack/rule-parts.js';
import type { YamlPath } from '../pack/yaml-source.js';
import { scriptOfTag } from '../text/language-tag.js';
import type { Finding, Severity } from '../types.js';
import { normalizePhrase } from '../view/normalize.js';
import { foldT2S, isTraditional } from '../view/t2s.js';
import { conditionText, langParts, phraseSection } from './describe.js';
import type { DescriptionPart, KindInput, RuleChecks, RuleDescription, RuleKind } from './kind.js';
import { type TermObject, type TermRuleOutput, type TermStatus, termSchema } from './term-schema.js';
import { reported, spelledAs, twinsOf } from './term-spelling.js';
import { CONSISTENCY_MESSAGE, consistencyFindings } from './variants.js';

export { TERM_STATUSES, type TermStatus } from './term-schema.js';

export interface TermEntry {
  lang: string;
  status: TermStatus;
  /** Exactly one of text / pattern. */
  text?: string;
  pattern?: string;
  use?: string;
  useHant?: string;
  severity?: Severity;
  context?: ContextCondition[];
  fix?: boolean;
  script?: 'hans' | 'hant';
}

export interface TermRule extends RuleBase {
  kind: 'term';
  fix: boolean;
  /** Checked in translations: missing-term and inconsistent findings. */
  keyTerm: boolean;
  consistent: boolean;
  exceptions: PhraseEntry[];
  terms: TermEntry[];
}

export interface CompiledTerm {
  lang: string;
  status: TermStatus;
  /** First expanded literal (for display). */
  display: string;
  use?: string;
  useHant?: string;
  severity?: Severity;
  fix?: boolean;
  /** Its `script`, else its language tag's (`zh-Hant`: `hant`). */
  script?: 'hans' | 'hant';
  /**
   * The other terms of its rule, language and script that read the same to the match view (they
   * differ only in case, spacing, hyphens or script: `Korean peninsula`, `Korean Peninsula`), so
   * that a match of one is a match of each; with its literals, which tell them apart (`spelledAs`).
   */
  twins?: number[];
  literals?: string[];
}

/** Compiled per rule: its terms, indexed by the `item` of their phrases. */
export interface TermData {
  terms: CompiledTerm[];
}

export const term: RuleKind<'term', ReturnType<typeof termSchema>, TermRule, TermData> = {
  name: 'term',
  get schema() {
    return termSchema();
  },

  check(rule, checks) {
    checks.phrases(rule.exceptions, 'exceptions');
    for (const [lang, terms] of Object.entries(rule.terms)) {
      for (const [index, entry] of terms.entries()) {
        const where = checks.at('terms', lang, index);
        if (typeof entry === 'string') {
          checks.phrase(entry, where);
          continue;
        }
        checkTerm(entry, where, checks);
        if (entry.text !== undefined) checks.phrase(entry.text, [...where, 'text']);
        if (entry.pattern !== undefined) checks.pattern(entry.pattern, [...where, 'pattern']);
      }
    }
  },

  // Its keys added to `base`: a spread of it with keys after the spread took 3-4 µs a rule on Node
  // 20 (a slow path of V8's), 35 ms of the first run of a termbase of 10,000 terms.
  define: (rule, base) =>
    Object.assign(base, {
      kind: 'term' as const,
      fix: rule.fix,
      keyTerm: rule['key-term'],
      consistent: rule.consistent,
      exceptions: phraseEntries(rule.exceptions),
      terms: termEntries(rule.terms),
    }),

  traits: termTraits,

  describe(def) {
    const lines = def.terms.map((t): DescriptionPart[] => {
      const use = [t.use, t.useHant].filter((form) => form !== undefined);
      return [
        ...langParts(t.lang),
        { code: t.text !== undefined ? t.text : `/${t.pattern}/` },
        ` (${t.status}${use.length > 0 ? ': use ' : ''}`,
        ...use.flatMap((form, i): DescriptionPart[] => [...(i > 0 ? [' / '] : []), { code: form }]),
        ...termQualifiers(t),
        ')',
      ];
    });
    const description: RuleDescription = {
      ...termTraits(def),
      sections: [
        { title: 'Terms', lines },
        ...phraseSection('Exceptions (a candidate inside one of these is no match)', def.exceptions),
      ],
    };
    const footers = [
      ...(def.consistent
        ? ["The concept's preferred and admitted terms of one language form a consistency group."]
        : []),
      ...(def.keyTerm ? [] : ['Not a key term: no missing-term or inconsistent findings in translations.']),
    ];
    if (footers.length > 0) description.sections[0]!.footer = footers.join(' ');
    return description;
  },

  compile(def, compiler) {
    const twins = twinsOf(def.terms);
    const terms = def.terms.map((t, item): CompiledTerm => {
      const ct: CompiledTerm = { lang: t.lang, status: t.status, display: t.text ?? t.pattern ?? '' };
      if (t.use !== undefined) ct.use = t.use;
      if (t.severity !== undefined) ct.severity = t.severity;
      if (t.fix !== undefined) ct.fix = t.fix;
      // A zh-Hant term is Traditional Chinese: it applies to Traditional text only, unfolded.
      const script = t.script ?? scriptOfTag(t.lang);
      if (script !== undefined) ct.script = script;
      if (t.useHant !== undefined) {
        ct.useHant = t.useHant;
        if (t.use !== undefined && foldT2S(normalizePhrase(t.useHant)) !== normalizePhrase(t.use)) {
          compiler.problem(
            'invalid-value',
            `\`use-hant\` \`${t.useHant}\` of rule \`${def.id}\` does not fold to \`use\` \`${t.use}\``,
          );
        }
      }
      // A preferred or admitted term gives no finding by itself (a consistency group aside): the
      // pre-check need not look for it, so text holding only those (韩国, 务实外交) is not parsed.
      // Unless a twin of it is one to report: a match of either may be spelled as that one.
      const own = twins[item];
      if (own !== undefined) {
        ct.twins = own.items;
        ct.literals = own.literals;
      }
      const precheck =
        reported(t.status) ||
        def.consistent ||
        (own?.items.some((other) => reported(def.terms[other]?.status)) ?? false);
      if (t.text !== undefined) {
        const literals = compiler.phrase(
          { phrase: t.text, lang: t.lang },
          { role: 'term', effect: 'report', item, context: t.context, script, precheck },
        );
        ct.display = literals[0] ?? t.text;
      } else if (t.pattern !== undefined) {
        compiler.pattern(t.pattern, {
          role: 'term',
          effect: 'report',
          item,
          lang: t.lang,
          context: t.context,
          script,
        });
      }
      return ct;
    });
    for (const e of def.exceptions) compiler.phrase(e, { role: 'exception', effect: 'block' });
    return { terms };
  },

  // Its terms as plain data: a serialized rule set keeps them (a termbase's thousands of rules are
  // not compiled again when first used).
  jsonData: true,

  // A consistency group spans the document.
  local: (def) => !def.consistent,

  findings(input) {
    const { def, data } = input;
    const out: Finding[] = [];
    const matches = input.matches;
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k] as RuleMatch;
      const actual = m.seg.prose.text.slice(m.c.ps, m.c.pe);
      const t = termOf(data, spelledAs(data, m.c.ref.item, actual));
      if (!t || !reported(t.status)) continue;
      if (!termApplies(t, input)) continue;
      const rep = replacementFor(data, t, actual);
      let expected: string[] = [];
      if (rep.text !== undefined) {
        let text = applyCase(actual, rep.text);
        // `policies` matched through the `ie` stem: the kept suffix is `s`.
        if (m.c.ref.ies && /[^aeiou]y$/i.test(text)) text = `${text.slice(0, -1)}ie`;
        expected = [text];
      }
      // Named, not spread from `optional`: an object with a computed key spread into another was
      // built slowly for every finding (a dense termbase gives thousands).
      const options: FindingOptions = { fixable: def.fix && rep.safe && t.fix !== false, context: m.context };
      if (t.severity !== undefined) options.severity = t.severity;
      out.push(makeFinding(input.doc, input.rule, m.seg, m.c, expected, options));
    }
    if (def.consistent) for (const f of consistentFindings(input)) out.push(f);
    return out;
  },
};

function termTraits(def: TermRule): Pick<RuleDescription, 'fixable' | 'glossary'> {
  const findings = def.terms.some((t) => t.status === 'deprecated' || t.status === 'forbidden');
  return { fixable: def.fix && findings, glossary: !findings && !def.consistent };
}

function consistentFindings(input: KindInput<TermRule, TermData>): Finding[] {
  const { data } = input;
  const itemOf = (m: KindInput<TermRule, TermData>['matches'][number]) =>
    spelledAs(data, m.c.ref.item, m.seg.prose.text.slice(m.c.ps, m.c.pe)) ?? 0;
  const variants = input.matches.filter((m) => {
    const t = termOf(data, itemOf(m));
    return t !== undefined && (t.status === 'preferred' || t.status === 'admitted') && termApplies(t, input);
  });
  // A match spelled as a twin of its phrase's term is written as that term.
  const literalOf = (m: KindInput<TermRule, TermData>['matches'][number]) => {
    const item = itemOf(m);
    return item === m.c.ref.item ? m.c.ref.literal : (data.terms[item]?.display ?? m.c.ref.literal);
  };
  return consistencyFindings(
    input,
    variants,
    (m) => data.terms[itemOf(m)]?.lang ?? '',
    itemOf,
    { fixable: input.def.fix, message: CONSISTENCY_MESSAGE },
    literalOf,
  );
}

/**
 * Whether a matched term applies in this document: a term limited to a script (its `script`, else
 * its language tag's: `zh-Hant`, `zh-TW`...) only where the document reads in that script. Its
 * matches are already written in that script or in characters both write (PhraseRef.script).
 */
export function termApplies(
  t: CompiledTerm,
  input: Pick<KindInput<unknown, unknown>, 'doc' | 'audience'>,
): boolean {
  return t.script === undefined || input.doc.inScript(t.script, input.audience);
}

function termOf(data: TermData, item: number | undefined): CompiledTerm | undefined {
  return item === undefined ? undefined : data.terms[item];
}

function replacementFor(data: TermData, t: CompiledTerm, actual: string): { text?: string; safe: boolean } {
  const trad = hasHan(actual) && isTraditional(actual);
  if (t.use !== undefined) {
    if (trad) return t.useHant !== undefined ? { text: t.useHant, safe: true } : { text: t.use, safe: false };
    return { text: t.use, safe: true };
  }
  let preferred: CompiledTerm | undefined;
  for (let k = 0; preferred === undefined && k < data.terms.length; k++) {
    const p = data.terms[k] as CompiledTerm;
    if (p.lang === t.lang && p.status === 'preferred' && p.display) preferred = p;
  }
  if (!preferred) return { safe: false };
  return { text: preferred.display, safe: !trad };
}

function checkTerm(entry: TermObject, where: YamlPath, checks: RuleChecks): void {
  const { source } = checks;
  if (entry.text !== undefined && entry.pattern !== undefined) {
    checks.report(
      source.problem(
        'invalid-value',
        'A term has `text` or `pattern`, not both',
        source.locateKey([...where, 'pattern']),
      ),
    );
  } else if (entry.text === undefined && entry.pattern === undefined) {
    checks.report(source.problem('missing-key', 'Missing key `text` (or `pattern`)', source.locate(where)));
  }
  const replaceable = entry.status === 'deprecated' || entry.status === 'forbidden';
  if (entry.use !== undefined && !replaceable) {
    checks.report(
      unexpected(
        source,
        [...where, 'status'],
        entry.status,
        '`deprecated` or `forbidden` for a term with `use`',
      ),
    );
  }
  checks.context(entry.context, [...where, 'context']);
  if (entry['use-hant'] !== undefined && entry.use === undefined) {
    checks.report(
      source.problem(
        'missing-key',
        'Missing key `use` (`use-hant` is its Traditional form)',
        source.locate(where),
      ),
    );
  }
}

// Assigned field by field, not spread: a termbase pack defines tens of thousands of terms.
function termEntries(terms: TermRuleOutput['terms']): TermEntry[] {
  const out: TermEntry[] = [];
  for (const [lang, entries] of Object.entries(terms)) {
    for (const entry of entries) {
      if (typeof entry === 'string') {
        out.push({ lang, status: 'preferred', text: entry });
        continue;
      }
      const t: TermEntry = { lang, status: entry.status };
      if (entry.text !== undefined) t.text = entry.text;
      if (entry.pattern !== undefined) t.pattern = entry.pattern;
      if (entry.use !== undefined) t.use = entry.use;
      if (entry['use-hant'] !== undefined) t.useHant = entry['use-hant'];
      if (entry.severity !== undefined) t.severity = entry.severity;
      const context = contextConditions(entry.context);
      if (context !== undefined) t.context = context;
      if (entry.fix !== undefined) t.fix = entry.fix;
      if (entry.script !== undefined) t.script = entry.script;
      out.push(t);
    }
  }
  return out;
}

function termQualifiers(t: TermEntry): string[] {
  const out: string[] = [];
  if (t.severity !== undefined) out.push(`; ${t.severity}`);
  if (t.fix === false) out.push('; no autofix');
  if (t.script !== undefined)
    out.push(t.script === 'hans' ? '; Simplified text only' : '; Traditional text only');
  if (t.context !== undefined) out.push(`; where ${conditionText(t.context)}`);
  return out;
}

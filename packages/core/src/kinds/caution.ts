// `caution`: phrases whose reading differs by audience. One finding per match, carrying the
// readings per audience and no fix; an `unless` phrase in the same sentence silences it, and so
// does an audience filter that keeps none of its readings.
import { z } from 'zod';
import { type RuleMatch, sentenceOf } from '../engine/candidates.js';
import { type FindingRule, type LocalizedMessage, makeFinding } from '../engine/finding.js';
import type { Locale } from '../i18n/locale.js';
import {
  optional,
  type PatternEntry,
  type PhraseEntry,
  patternEntries,
  phraseEntries,
  type RuleBase,
} from '../pack/rule-parts.js';
import { keyedOrPlain, lazy, phrase, regexSource, ruleBase, SEVERITIES } from '../pack/schema-parts.js';
import type { Finding, Severity } from '../types.js';
import { patternSection, phraseSection } from './describe.js';
import type { RuleKind } from './kind.js';

const schema = lazy(() =>
  z
    .strictObject({
      ...ruleBase(),
      kind: z
        .literal('caution')
        .meta({ title: 'Kind', description: 'Phrases whose reading differs by audience.' }),
      phrases: keyedOrPlain(phrase(), 'Phrases', 'The phrases to flag.'),
      patterns: keyedOrPlain(
        regexSource(),
        'Patterns',
        'Regular expressions to flag, where phrases cannot say it.',
      ).optional(),
      unless: keyedOrPlain(
        phrase(),
        'Unless',
        'Phrases that silence the rule when in the same sentence.',
      ).optional(),
      escalate: z
        .strictObject({
          phrases: keyedOrPlain(
            phrase(),
            'Phrases',
            'Phrases that, in the same sentence, escalate the caution.',
          ),
          severity: z.enum(SEVERITIES).optional().meta({
            title: 'Severity',
            description: "The escalated finding's severity; default the rule's.",
          }),
          message: z.string().min(1).meta({
            title: 'Message',
            description: "The escalated finding's message; placeholders `{actual}` and `{expected}`.",
          }),
        })
        .optional()
        .meta({
          title: 'Escalate',
          description:
            'Phrases that, in the same sentence as a match, make it this finding instead (they win over `unless`).',
        }),
    })
    .meta({ title: 'Caution rule' }),
);

export interface CautionRule extends RuleBase {
  kind: 'caution';
  phrases: PhraseEntry[];
  patterns: PatternEntry[];
  unless: PhraseEntry[];
  escalate?: { phrases: PhraseEntry[]; severity?: Severity; message: string };
}

export const caution: RuleKind<'caution', ReturnType<typeof schema>, CautionRule, undefined> = {
  name: 'caution',
  get schema() {
    return schema();
  },

  check(rule, checks) {
    checks.phrases(rule.phrases, 'phrases');
    checks.phrases(rule.unless, 'unless');
    checks.patterns(rule.patterns, 'patterns');
  },

  define: (rule, base) => ({
    ...base,
    kind: 'caution',
    phrases: phraseEntries(rule.phrases),
    patterns: patternEntries(rule.patterns),
    unless: phraseEntries(rule.unless),
    ...optional(
      'escalate',
      rule.escalate && {
        phrases: phraseEntries(rule.escalate.phrases),
        message: rule.escalate.message,
        ...optional('severity', rule.escalate.severity),
      },
    ),
  }),

  describe: (def) => ({
    fixable: false,
    glossary: false,
    sections: [
      ...phraseSection('Phrases', def.phrases),
      ...patternSection('Patterns', def.patterns),
      ...phraseSection('Unless (in the same sentence, these silence it)', def.unless),
      ...phraseSection(
        `Escalate (in the same sentence, these make it: ${def.escalate?.message ?? ''})`,
        def.escalate?.phrases ?? [],
      ),
    ],
  }),

  compile(def, compiler) {
    for (const e of def.phrases) compiler.phrase(e, { role: 'phrase', effect: 'report' });
    for (const p of def.patterns) {
      compiler.pattern(p.pattern, { role: 'phrase', effect: 'report', ...optional('lang', p.lang) });
    }
    for (const e of def.unless) compiler.phrase(e, { role: 'unless', effect: 'context' });
    for (const e of def.escalate?.phrases ?? []) compiler.phrase(e, { role: 'escalate', effect: 'context' });
    return undefined;
  },

  // `unless` and `escalate` act within the sentence.
  local: () => true,

  findings(input) {
    if (input.noAudienceReading) return [];
    // The sentences holding an `unless` or `escalate` phrase, once, so a match costs one lookup;
    // only in paragraphs with a match of the rule's phrases (`unless` phrases such as `经济` are
    // in many more), and a paragraph is split into sentences only when it holds both.
    const sentenceKey = (m: RuleMatch) => `${m.seg.index}:${sentenceOf(m.seg, m.c.ps)}`;
    const flagged = new Set<number>();
    for (const m of input.matches) if (m.c.ref.role === 'phrase') flagged.add(m.seg.index);
    const sentences = new Map<string, { segments: Set<number>; keys: Set<string> }>([
      ['unless', { segments: new Set(), keys: new Set() }],
      ['escalate', { segments: new Set(), keys: new Set() }],
    ]);
    for (const u of input.matches) {
      const role = sentences.get(u.c.ref.role);
      if (!role || !flagged.has(u.seg.index)) continue;
      role.segments.add(u.seg.index);
      role.keys.add(sentenceKey(u));
    }
    const inSentence = (role: string, m: RuleMatch) => {
      const held = sentences.get(role);
      return held !== undefined && held.segments.has(m.seg.index) && held.keys.has(sentenceKey(m));
    };
    const { escalate } = input.def;
    const out: Finding[] = [];
    for (const m of input.matches) {
      if (m.c.ref.role !== 'phrase') continue;
      if (escalate && inSentence('escalate', m)) {
        const options = {
          fixable: false,
          message: escalatedMessage(input.rule, escalate.message),
          context: m.context,
        };
        out.push(
          makeFinding(input.doc, input.rule, m.seg, m.c, [], {
            ...options,
            ...optional('severity', escalate.severity),
          }),
        );
        continue;
      }
      if (inSentence('unless', m)) continue;
      out.push(makeFinding(input.doc, input.rule, m.seg, m.c, [], { fixable: false, context: m.context }));
    }
    return out;
  },
};

/** The escalated message in English and in every locale that translates it. */
function escalatedMessage(rule: FindingRule, en: string): LocalizedMessage {
  const out: LocalizedMessage = { en };
  for (const [locale, texts] of Object.entries(rule.locales ?? {})) {
    if (texts.escalate !== undefined) out[locale as Locale] = texts.escalate;
  }
  return out;
}

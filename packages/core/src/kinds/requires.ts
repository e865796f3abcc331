// `requires`: a `when` phrase in a scope (sentence, segment, document) without any `require`
// phrase is one finding per scope instance, on the first qualifying `when` occurrence, with
// `expected` = the require phrases and no fix or suggestion. `context` phrases must also occur in
// the scope; a keyed context list applies to `when` matches of its language only.
import { z } from 'zod';
import { type RuleMatch, sentenceOf } from '../engine/candidates.js';
import { makeFinding } from '../engine/finding.js';
import { type PhraseEntry, phraseEntries, type RuleBase } from '../pack/rule-parts.js';
import { keyedOrPlain, phrase, ruleBase } from '../pack/schema-parts.js';
import type { Finding } from '../types.js';
import { phraseSection } from './describe.js';
import type { RuleKind } from './kind.js';

export const SCOPES = ['sentence', 'segment', 'document'] as const;

const schema = z
  .strictObject({
    ...ruleBase,
    kind: z
      .literal('requires')
      .meta({ title: 'Kind', description: 'A `when` phrase in a scope needs one of the `require` phrases.' }),
    scope: z.enum(SCOPES).default('segment').meta({
      title: 'Scope',
      description: '`sentence`, `segment` (a paragraph, heading, cell; the default) or `document`.',
    }),
    when: keyedOrPlain(phrase, 'When', 'The phrases that trigger the rule.'),
    require: keyedOrPlain(phrase, 'Require', 'One of these must occur in the same scope.'),
    context: keyedOrPlain(
      phrase,
      'Context',
      'These must also occur in the scope; a keyed list applies to `when` matches of that language only.',
    ).optional(),
  })
  .meta({ title: 'Requires rule' });

export interface RequiresRule extends RuleBase {
  kind: 'requires';
  scope: (typeof SCOPES)[number];
  when: PhraseEntry[];
  require: PhraseEntry[];
  /** Keyed context: a `when` match in language L needs one of context[L] (if listed) in scope. */
  context: PhraseEntry[];
}

export interface RequiresData {
  /** Display literals of `require` phrases, by language key ('' for unkeyed). */
  requireDisplay: Map<string, string[]>;
  /** Languages that have a keyed context list. */
  contextLangs: Set<string>;
  hasUnkeyedContext: boolean;
}

export const requires: RuleKind<'requires', typeof schema, RequiresRule, RequiresData> = {
  name: 'requires',
  schema,

  check(rule, checks) {
    checks.phrases(rule.when, 'when');
    checks.phrases(rule.require, 'require');
    checks.phrases(rule.context, 'context');
  },

  define: (rule, base) => ({
    ...base,
    kind: 'requires',
    scope: rule.scope,
    when: phraseEntries(rule.when),
    require: phraseEntries(rule.require),
    context: phraseEntries(rule.context),
  }),

  describe: (def) => ({
    fixable: false,
    glossary: false,
    detail: `scope: ${def.scope}`,
    sections: [
      ...phraseSection(`When (in one ${def.scope})`, def.when),
      ...phraseSection('Require (one of these in the same scope)', def.require),
      ...phraseSection(
        'Context (a `when` match of a listed language also needs one of these in scope)',
        def.context,
      ),
    ],
  }),

  compile(def, compiler) {
    const data: RequiresData = {
      requireDisplay: new Map(),
      contextLangs: new Set(),
      hasUnkeyedContext: false,
    };
    // Across a document, a paragraph holding only the required phrase decides a finding
    // elsewhere: the pre-check must then see `require` and `context` phrases too.
    const precheck = def.scope === 'document';
    for (const e of def.when) compiler.phrase(e, { role: 'when', effect: 'report' });
    for (const e of def.require) {
      const literals = compiler.phrase(e, { role: 'require', effect: 'context', precheck });
      const key = e.lang ?? '';
      data.requireDisplay.set(key, [...(data.requireDisplay.get(key) ?? []), ...literals]);
    }
    for (const e of def.context) {
      if (e.lang === undefined) data.hasUnkeyedContext = true;
      else data.contextLangs.add(e.lang);
    }
    for (const e of def.context) compiler.phrase(e, { role: 'context', effect: 'context', precheck });
    return data;
  },

  findings(input) {
    const { def, data } = input;
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
        if (lang !== undefined && data.contextLangs.has(lang))
          return contexts.some((c) => c.c.ref.lang === lang);
        if (data.hasUnkeyedContext) return contexts.some((c) => c.c.ref.lang === undefined);
        return true;
      });
      if (!first) continue;
      const expected =
        data.requireDisplay.get(first.c.ref.lang ?? '') ?? [...data.requireDisplay.values()].flat();
      out.push(
        makeFinding(input.doc, input.rule, first.seg, first.c, [...new Set(expected)], {
          fixable: false,
          suggest: false,
        }),
      );
    }
    return out;
  },
};

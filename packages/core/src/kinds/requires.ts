// `requires`: a `when` phrase (or pattern) in a scope (sentence, segment, document) without any
// `require` phrase is one finding per scope instance, on its first `when` occurrence, with
// `expected` = the require phrases and no fix or suggestion. With `lookahead: N`, a `require`
// phrase in one of the N scope instances that follow counts too (reciprocity stated in the next
// sentence or paragraph). Where the rule applies at all is the rule's `context` condition, as for
// every kind.

import { z } from 'zod';
import { type RuleMatch, type SegmentState, sentenceOf, sentenceSpans } from '../engine/candidates.js';
import type { DocContext } from '../engine/finding.js';
import { makeFinding } from '../engine/finding.js';
import { wordingIn } from '../i18n/wording.js';
import {
  optional,
  type PatternEntry,
  type PhraseEntry,
  patternEntries,
  phraseEntries,
  type RuleBase,
} from '../pack/rule-parts.js';
import { keyedOrPlain, lazy, phrase, regexSource, ruleBase } from '../pack/schema-parts.js';
import type { Finding } from '../types.js';
import { patternSection, phraseSection } from './describe.js';
import type { RuleKind } from './kind.js';

export const SCOPES = ['sentence', 'segment', 'document'] as const;
const MAX_LOOKAHEAD = 3;

const schema = lazy(() =>
  z
    .strictObject({
      ...ruleBase(),
      kind: z.literal('requires').meta({
        title: 'Kind',
        description: 'A `when` phrase in a scope needs one of the `require` phrases.',
      }),
      scope: z.enum(SCOPES).default('segment').meta({
        title: 'Scope',
        description: '`sentence`, `segment` (a paragraph, heading, cell; the default) or `document`.',
      }),
      when: keyedOrPlain(phrase(), 'When', 'The phrases that trigger the rule.'),
      patterns: keyedOrPlain(
        regexSource(),
        'Patterns',
        'Regular expressions that trigger the rule like `when` phrases, where phrases cannot say it.',
      ).optional(),
      require: keyedOrPlain(phrase(), 'Require', 'One of these must occur in the same scope.'),
      lookahead: z
        .int()
        .min(0)
        .max(MAX_LOOKAHEAD)
        .default(0)
        .meta({
          title: 'Lookahead',
          description:
            'A `require` phrase in one of this many following scopes (the next sentence, the next paragraph ' +
            `directly after it) also counts. 0 to ${MAX_LOOKAHEAD}; default 0.`,
        }),
    })
    .meta({ title: 'Requires rule' }),
);

export interface RequiresRule extends RuleBase {
  kind: 'requires';
  scope: (typeof SCOPES)[number];
  when: PhraseEntry[];
  patterns: PatternEntry[];
  require: PhraseEntry[];
  lookahead: number;
}

export interface RequiresData {
  /** Display literals of `require` phrases, by language key ('' for unkeyed). */
  requireDisplay: Map<string, string[]>;
  /** All of them: what a match of a language with none of its own is offered. */
  anyDisplay: string[];
}

export const requires: RuleKind<'requires', ReturnType<typeof schema>, RequiresRule, RequiresData> = {
  name: 'requires',
  get schema() {
    return schema();
  },

  check(rule, checks) {
    checks.phrases(rule.when, 'when');
    checks.phrases(rule.require, 'require');
    checks.patterns(rule.patterns, 'patterns');
  },

  define: (rule, base) => ({
    ...base,
    kind: 'requires',
    scope: rule.scope,
    when: phraseEntries(rule.when),
    patterns: patternEntries(rule.patterns),
    require: phraseEntries(rule.require),
    lookahead: rule.lookahead,
  }),

  describe: (def) => ({
    fixable: false,
    glossary: false,
    detail: `scope: ${def.scope}${def.lookahead > 0 ? `, lookahead: ${def.lookahead}` : ''}`,
    sections: [
      ...phraseSection(`When (in one ${def.scope})`, def.when),
      ...patternSection('When patterns', def.patterns),
      ...phraseSection(
        def.lookahead > 0
          ? `Require (one of these in the same ${def.scope} or the next ${def.lookahead})`
          : 'Require (one of these in the same scope)',
        def.require,
      ),
    ],
  }),

  // A paragraph scope reads `lookahead` paragraphs on; a sentence scope at most the first
  // sentence of the paragraph after its own.
  reach: (def) =>
    def.scope === 'segment' ? def.lookahead : def.scope === 'sentence' && def.lookahead > 0 ? 1 : 0,

  // A scope within one segment, and the `reach` segments after it.
  local: (def) => def.scope !== 'document',

  compile(def, compiler) {
    const data: RequiresData = { requireDisplay: new Map(), anyDisplay: [] };
    // A paragraph holding only the required phrase can decide a finding in another one (document
    // scope, lookahead): the pre-check must then see `require` phrases too.
    const precheck = def.scope === 'document' || def.lookahead > 0;
    for (const e of def.when) compiler.phrase(e, { role: 'when', effect: 'report' });
    for (const p of def.patterns) {
      compiler.pattern(p.pattern, { role: 'when', effect: 'report', ...optional('lang', p.lang) });
    }
    for (const e of def.require) {
      const literals = compiler.phrase(e, { role: 'require', effect: 'context', precheck });
      const key = e.lang ?? '';
      data.requireDisplay.set(key, [...(data.requireDisplay.get(key) ?? []), ...literals]);
    }
    data.anyDisplay = [...data.requireDisplay.values()].flat();
    return data;
  },

  findings(input) {
    const { def, data } = input;
    const scope = scopeOf(def, input.doc);
    const requires = new Set(
      input.matches.filter((m) => m.c.ref.role === 'require').map((m) => scope.key(m)),
    );
    const firstWhen = new Map<string, RuleMatch>();
    for (const m of input.matches) {
      if (m.c.ref.role !== 'when') continue;
      const key = scope.key(m);
      if (!firstWhen.has(key)) firstWhen.set(key, m);
    }
    const out: Finding[] = [];
    for (const [key, first] of firstWhen) {
      if (scope.reach(first, key, def.lookahead).some((k) => requires.has(k))) continue;
      const expected = wordingIn(
        data.requireDisplay.get(first.c.ref.lang ?? '') ?? data.anyDisplay,
        input.doc.locale,
      );
      out.push(
        makeFinding(input.doc, input.rule, first.seg, first.c, [...new Set(expected)], {
          fixable: false,
          suggest: false,
          context: first.context,
        }),
      );
    }
    return out;
  },
};

interface Scope {
  key(m: RuleMatch): string;
  /** The scope instance of `m` and the `n` that follow it, as keys. */
  reach(m: RuleMatch, key: string, n: number): string[];
}

/**
 * Scope instances as keys. The segments a kind sees are only those that hold a match, so "the
 * next paragraph" is the next segment only when nothing but markup and whitespace lies between
 * them in the document: a paragraph left out between them (it held no match) still separates them.
 */
function scopeOf(def: RequiresRule, doc: DocContext): Scope {
  if (def.scope === 'document') return { key: () => 'doc', reach: (_m, key) => [key] };
  if (def.scope === 'segment') {
    return {
      key: (m) => `${m.seg.index}`,
      reach: (m, key, n) => [key, ...followingSegments(m.seg, n)],
    };
  }
  return {
    key: (m) => `${m.seg.index}:${sentenceOf(m.seg, m.c.ps)}`,
    reach(m, key, n) {
      const out = [key];
      const spans = sentenceSpans(m.seg);
      let sentence = sentenceOf(m.seg, m.c.ps);
      let segment = m.seg.index;
      for (let k = 0; k < n; k++) {
        if (sentence + 1 < spans.length && segment === m.seg.index) sentence++;
        else {
          // Past its paragraph: the first sentence of the paragraph directly after it.
          const next = followingSegments(m.seg, 1)[0];
          if (next === undefined || segment !== m.seg.index) break;
          segment = Number(next);
          sentence = 0;
        }
        out.push(`${segment}:${sentence}`);
      }
      return out;
    },
  };

  function followingSegments(seg: SegmentState, n: number): string[] {
    const out: string[] = [];
    let current = seg;
    for (let k = 0; k < n; k++) {
      const next = doc.segments[current.index + 1];
      if (!next || !adjacent(doc.text, current, next)) break;
      out.push(`${next.index}`);
      current = next;
    }
    return out;
  }
}

const PROSE = /[\p{L}\p{N}]/u;

function adjacent(text: string, a: SegmentState, b: SegmentState): boolean {
  const end = a.prose.endAt(a.prose.text.length - 1) ?? 0;
  const start = b.prose.startAt(0) ?? end;
  return start >= end && !PROSE.test(text.slice(end, start));
}

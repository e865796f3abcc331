// The contract of a rule kind. Each kind is one module (term.ts, caution.ts, requires.ts,
// consistency.ts) that owns everything about it: its schema fields, its normalized definition,
// its load-time checks, which phrases it registers with which roles and what it compiles per rule,
// and how its candidates become findings. The generic code (pack/schema.ts, pack/parse.ts,
// pack/rule-checks.ts, engine/compile.ts, engine/lint.ts) goes through the list in registry.ts and
// never names a kind.
import type { z } from 'zod';
import type { RuleMatch } from '../engine/candidates.js';
import type { DocContext, FindingRule } from '../engine/finding.js';
import type { PhraseEffect } from '../engine/phrase-ref.js';
import type { ContextCondition } from '../pack/context-parts.js';
import type { KeyedList, PhraseEntry, RuleBase } from '../pack/rule-parts.js';
import type { RuleBaseOutput, RuleContextOutput } from '../pack/schema-parts.js';
import type { YamlPath, YamlSource } from '../pack/yaml-source.js';
import type { Finding, Problem, ProblemCode } from '../types.js';

/** The load-time checks a kind runs on its validated rule (pack/rule-checks.ts provides them). */
export interface RuleChecks {
  readonly source: YamlSource;
  /** The path in the pack file of a value of this rule: `at('terms', 'en', 0)`. */
  at(...rest: (string | number)[]): YamlPath;
  /** Any problem drops the rule. */
  report(problem: Problem): void;
  /** Phrase syntax (`bad-phrase`). */
  phrase(text: string, where: YamlPath): void;
  /** The phrase syntax of every item of a plain or keyed list. */
  phrases(list: KeyedList | undefined, key: string): void;
  /** Pattern syntax and safety (`bad-pattern`, `unsafe-pattern`). */
  pattern(text: string, where: YamlPath): void;
  /** The syntax and safety of every item of a plain or keyed list of patterns. */
  patterns(list: KeyedList | undefined, key: string): void;
  /** Context set names of a condition (as written) exist in the pack (`invalid-value`). */
  context(written: RuleContextOutput | undefined, where: YamlPath): void;
}

export interface PhraseOptions {
  /** The kind's own word for what the phrase does in its rule (`term`, `unless`, `require`...);
   *  overlaps are resolved per rule and role. */
  role: string;
  effect: PhraseEffect;
  /** The kind's own index for the phrase (a term, a variant). */
  item?: number;
  /** Whether `hasCandidate` must look for the phrase. Default: a `report` phrase only. */
  precheck?: boolean;
  /** The phrase's own context condition (a term's), instead of its rule's. */
  context?: ContextCondition[] | undefined;
  /** Matches only text written in this script: not folded across scripts (PhraseRef.script). */
  script?: 'hans' | 'hant' | undefined;
}

/** What a kind's `compile` registers the phrases and patterns of one rule with (engine/compile.ts). */
export interface RuleCompiler {
  /** Registers every literal of a phrase, under the entry's language; returns the literals (the
   *  first one is the phrase as displayed). */
  phrase(entry: PhraseEntry, options: PhraseOptions): string[];
  pattern(source: string, options: PhraseOptions & { lang?: string }): void;
  /** A problem located at the rule; the rule still compiles. */
  problem(code: ProblemCode, message: string): void;
}

/** What a kind's `findings` gets: one rule, its compiled data and its candidates in one document. */
export interface KindInput<Def, Data> {
  doc: DocContext;
  rule: FindingRule;
  def: Def;
  data: Data;
  /** An audience filter is configured and keeps none of the rule's readings. */
  noAudienceReading: boolean;
  /** The configured audiences (config `audience`), if any. */
  audience: readonly string[] | undefined;
  /** This rule's candidates across the document, in document order. */
  matches: RuleMatch[];
}

/** A piece of a description line: plain text, or text to show as code (a phrase, a pattern). */
export type DescriptionPart = string | { code: string };

/** What a rule is, for documentation (pack READMEs, `explain`, `rules list`), from its kind. */
export interface RuleDescription {
  /** Whether the rule gives safe autofixes. */
  fixable: boolean;
  /** The rule gives no finding on its own: it is glossary data (for bilingual checks). */
  glossary: boolean;
  /** A short qualifier after the kind's name (`scope: segment`). */
  detail?: string;
  /** Where the rule applies, in words, when it has a context condition. */
  context?: string;
  /** What it matches: titled lists (terms, phrases, exceptions...), each line a list of parts. */
  sections: { title: string; lines: DescriptionPart[][]; footer?: string }[];
}

export interface RuleKind<
  Name extends string,
  Schema extends z.ZodType<RuleBaseOutput>,
  Def extends RuleBase & { kind: Name },
  Data,
> {
  readonly name: Name;
  /** Message placeholders the kind fills besides `{actual}` and `{expected}`. */
  readonly placeholders?: readonly string[];
  /** The rule's schema: `ruleBase` plus the kind's fields (the JSON Schema comes from it). */
  readonly schema: Schema;
  /** The checks a schema cannot express (phrase syntax, pattern safety...). */
  check(rule: z.output<Schema>, checks: RuleChecks): void;
  /** The normalized definition: `base` (the rule's own object, which it may extend), then `kind`, then the kind's fields. */
  define(rule: z.output<Schema>, base: RuleBase): Def;
  /** What the rule is and matches, for documentation; `fixable` also goes into RuleInfo. */
  describe(def: Def): RuleDescription;
  /** `describe`'s `fixable` and `glossary` alone, where the rest costs (a termbase's 10,000
   *  rules are compiled, rarely described). */
  traits?(def: Def): Pick<RuleDescription, 'fixable' | 'glossary'>;
  /**
   * How many segments after a match's own its findings read whether or not they hold a match
   * (`requires`' lookahead: the paragraphs after it, which a paragraph of no match still counts
   * among). A caller that gives core only some of a document's segments (unified's blocks) gives
   * those too. Absent: none.
   */
  reach?(def: Def): number;
  /**
   * Whether the rule's findings in a segment come from the matches of that segment and of the
   * `reach` segments after it alone (with their context licenses and the document's facts), so
   * that `findings` of those matches gives that segment's findings as one call with them all does:
   * an editor's lint then makes again only the findings of the segments an edit changed, and of
   * the `reach` segments before each (engine/finding-memo.ts). Absent: not.
   */
  local?(def: Def): boolean;
  /** Registers the rule's phrases and returns what its findings need at run time. */
  compile(def: Def, compiler: RuleCompiler): Data;
  /**
   * What `compile` returns is plain JSON data (objects, arrays, strings, numbers, booleans), the
   * same after `JSON.parse(JSON.stringify(data))`: a serialized rule set keeps it with the rule,
   * and a rule read from one is bound to it without compiling again (engine/serialize.ts). Absent:
   * `compile` runs again when the rule is first used.
   */
  readonly jsonData?: true;
  findings(input: KindInput<Def, Data>): Finding[];
}

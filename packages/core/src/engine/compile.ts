// Packs -> one CompiledRuleSet: every phrase of every rule expanded, normalized by the same
// function as the text, and registered in one automaton. Which phrases a rule registers, and what
// its findings need at run time, is up to its kind (src/kinds/); this file never names a kind.

import type { PhraseOptions, RuleCompiler, RuleDescription } from '../kinds/kind.js';
import { type AnyRuleKind, kindOf } from '../kinds/registry.js';
import { scriptOf } from '../lang/script.js';
import { PhraseAutomaton } from '../match/automaton.js';
import { expandPhrase } from '../pack/phrase.js';
import type { ContextCondition, ContextSetDef, ParsedPack, RuleDefinition } from '../pack/types.js';
import { readingsFor } from '../text/language-tag.js';
import type { Finding, Problem, Severity } from '../types.js';
import { normalizePhrase } from '../view/normalize.js';
import type { RuleMatch } from './candidates.js';
import type { CompiledRule, CompiledRuleSet, CompiledRuleSource } from './compiled.js';
import type { CompiledCondition, CompiledContextSet } from './context.js';
import type { DocContext, FindingRule } from './finding.js';
import { patternAtom } from './pattern-atom.js';
import { arrayRefs, type CompiledPattern, type PhraseRef } from './phrase-ref.js';
import { CANDIDATE, isWeakPhrase, MENTION, WEAK } from './prefilter.js';
import type { CompileOptions, RuleInfo } from './rule-set.js';

const CONSONANT_Y = /[^aeiou]y$/;

type RefBase = Omit<PhraseRef, 'literal'>;

class Builder {
  readonly automaton = new PhraseAutomaton();
  /** The atoms of reporting patterns (patternAtom), for the pre-check. */
  readonly patternAtoms = new PhraseAutomaton();
  readonly refs: PhraseRef[] = [];
  readonly patterns: CompiledPattern[] = [];
  readonly contextSets: CompiledContextSet[] = [];
  readonly conditions: CompiledCondition[][] = [];
  /** Some phrase the pre-check looks for starts or ends with a hyphen (see RawScanner). */
  edgeHyphen = false;
  /** Per pack, its context set names -> indices into contextSets. */
  private setIndex = new Map<string, number>();
  // The literal normalized last, and its form: a termbase's zh-Hans and zh-Hant terms are often
  // spelled alike, one after the other. (A map of every literal cost more than it saved.)
  private lastLiteral = '';
  private lastNorm = '';

  /** normalizePhrase, remembering the last literal. */
  normalize(literal: string): string {
    if (literal !== this.lastLiteral) {
      this.lastLiteral = literal;
      this.lastNorm = normalizePhrase(literal);
    }
    return this.lastNorm;
  }

  /** Registers a pack's context sets; conditions compiled next resolve names against them. */
  addContextSets(sets: readonly ContextSetDef[]): void {
    this.setIndex = new Map();
    for (const set of sets) {
      const index = this.contextSets.length;
      this.contextSets.push({ name: set.name, lang: set.lang });
      this.setIndex.set(set.name, index);
      for (const e of set.phrases) {
        for (const literal of expandPhrase(e.phrase)) {
          const norm = this.normalize(literal);
          if (norm.length === 0) continue;
          this.register(norm, { rule: -2, role: 'mention', effect: 'context', set: index, literal }, MENTION);
        }
      }
      for (const e of set.not)
        this.addPhrase(e.phrase, { rule: -2, role: 'not', effect: 'block', set: index }, false);
    }
  }

  /** A condition list as an index into `conditions` (names unknown to the pack were reported at parse). */
  addCondition(conditions: readonly ContextCondition[]): number {
    this.conditions.push(
      conditions.map((c) => ({
        sets: c.sets.flatMap((name) => {
          const index = this.setIndex.get(name);
          return index === undefined ? [] : [index];
        }),
        within: c.within,
      })),
    );
    return this.conditions.length - 1;
  }

  /** Register every literal of a phrase; returns its literals (the first is for display).
   *  `precheck`: a match of the phrase can decide a finding, so the pre-check looks for it. */
  addPhrase(phrase: string, base: RefBase, precheck: boolean): string[] {
    const literals = expandPhrase(phrase);
    let fresh = true;
    for (const literal of literals) {
      const norm = this.normalize(literal);
      if (norm.length === 0) continue;
      // `base` is the caller's own object: the first literal's ref is made of it (a termbase's
      // phrases have one literal each, and a copy per phrase was most of compiling's garbage).
      const ref = fresh ? (base as PhraseRef) : { ...base, literal };
      ref.literal = literal;
      fresh = false;
      // isWeakPhrase and CONSONANT_Y are regular expressions: each is asked only of a phrase it
      // may hold (of at most three units, the first an ASCII letter or digit; ending in `y`), not
      // of all 50,000 of a termbase (a Chinese or Korean term has two to four units).
      const flags = precheck
        ? norm.length <= 3 && isAsciiAlnum(norm.charCodeAt(0)) && isWeakPhrase(norm)
          ? WEAK
          : CANDIDATE
        : 0;
      this.register(norm, ref, flags);
      // English plural of a final consonant + y: register the `ie` stem; the boundary check then
      // requires the `s` (policy -> policies).
      if (
        norm.charCodeAt(norm.length - 1) === 0x79 &&
        CONSONANT_Y.test(norm) &&
        scriptOf(norm.codePointAt(norm.length - 2) ?? 0) === 'latin'
      ) {
        this.register(`${norm.slice(0, -1)}ie`, { ...ref, ies: true }, flags);
      }
    }
    return literals;
  }

  /** Set when a reporting pattern has no atom: then every text may hold a candidate. */
  unanchoredPattern = false;

  addPattern(source: string, base: RefBase): void {
    const atom = patternAtom(source);
    const pattern: CompiledPattern = { regex: new RegExp(source, 'gu'), ref: { ...base, literal: source } };
    if (atom !== undefined) pattern.atom = atom;
    this.patterns.push(pattern);
    // A quiet pattern (not `report`) decides no finding: the pre-check does not look for it.
    if (base.quiet) return;
    if (atom === undefined) this.unanchoredPattern = true;
    else this.patternAtoms.add(atom, 0, CANDIDATE);
  }

  private register(norm: string, ref: PhraseRef, flags: number): void {
    const id = this.refs.length;
    this.refs.push(ref);
    this.automaton.add(norm, id, flags);
    if (flags !== 0 && (norm.startsWith('-') || norm.endsWith('-'))) this.edgeHyphen = true;
  }
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** `quiet`: PhraseRef.quiet. A reference's fields come in the order a serialized one's are read in
 *  (serial-refs.ts), so that both give the same JSON. */
function refBase(
  b: Builder,
  rule: number,
  options: PhraseOptions,
  lang: string | undefined,
  quiet: boolean,
): RefBase {
  const { role, effect, item, context, script } = options;
  if (lang !== undefined && item !== undefined && context === undefined) {
    // A term's phrase (every phrase of a termbase) made whole, `literal` included (addPhrase sets
    // it), in the order the lines below add them: grown one property at a time, each of 50,000
    // took a second block of memory for the properties past the first three.
    let whole: PhraseRef;
    if (script === undefined) {
      whole = quiet
        ? { rule, role, effect, lang, item, quiet, literal: '' }
        : { rule, role, effect, lang, item, literal: '' };
    } else {
      whole = quiet
        ? { rule, role, effect, lang, item, script, quiet, literal: '' }
        : { rule, role, effect, lang, item, script, literal: '' };
    }
    return whole;
  }
  const base: RefBase = { rule, role: options.role, effect: options.effect };
  if (lang !== undefined) base.lang = lang;
  if (options.item !== undefined) base.item = options.item;
  if (options.context !== undefined) base.condition = b.addCondition(options.context);
  if (options.script !== undefined) base.script = options.script;
  if (quiet) base.quiet = true;
  return base;
}

function ruleInfo(
  def: RuleDefinition,
  pack: ParsedPack,
  severity: Severity,
  description: Pick<RuleDescription, 'fixable' | 'glossary'>,
): RuleInfo {
  const info: RuleInfo = {
    id: def.id,
    pack: pack.definition.pack,
    kind: def.kind,
    severity,
    message: def.message,
    examples: def.examples,
    fixable: description.fixable,
    glossary: description.glossary,
  };
  if (def.description !== undefined) info.description = def.description;
  if (def.note !== undefined) info.note = def.note;
  if (def.locales !== undefined) info.locales = def.locales;
  if (def.source !== undefined) info.source = def.source;
  const url =
    def.url ??
    (pack.definition.homepage
      ? `${pack.definition.homepage}#${def.id.slice(def.id.indexOf('/') + 1)}`
      : undefined);
  if (url !== undefined) info.url = url;
  if (def.audiences !== undefined) info.audiences = def.audiences;
  return info;
}

/** What the rule's findings carry: its effective severity, and the readings the audience keeps. */
function findingRule(
  info: RuleInfo,
  wanted: readonly string[] | undefined,
  configured: boolean,
): FindingRule {
  const rule: FindingRule = { id: info.id, severity: info.severity, message: info.message };
  if (configured) rule.configuredSeverity = true;
  if (info.note !== undefined) rule.note = info.note;
  if (info.locales !== undefined) rule.locales = info.locales;
  if (info.url !== undefined) rule.url = info.url;
  if (info.audiences !== undefined) {
    rule.audiences = wanted === undefined ? info.audiences : readingsFor(info.audiences, wanted);
  }
  return rule;
}

/** A compiled rule from what its kind compiled (`data`): compilePacks, and deserializeRuleSet. */
export function bindRule(
  source: CompiledRuleSource,
  data: unknown,
  audience: readonly string[] | undefined,
): CompiledRule {
  return new BoundRule(source, data, audience);
}

/**
 * A rule bound to its kind and data: a class rather than an object with a closure, which took two
 * more objects per rule (a termbase's 10,000 rules each kept the closure and its context).
 */
class BoundRule implements CompiledRule {
  readonly condition?: number;
  private readonly kind: AnyRuleKind;

  constructor(
    readonly source: CompiledRuleSource,
    readonly data: unknown,
    private readonly audience: readonly string[] | undefined,
  ) {
    this.kind = kindOf(source.def);
    if (source.condition !== undefined) this.condition = source.condition;
  }

  findings(doc: DocContext, matches: RuleMatch[]): Finding[] {
    const { def, rule, noAudienceReading } = this.source;
    const { data, audience } = this;
    return this.kind.findings({ doc, rule, def, data, noAudienceReading, audience, matches });
  }
}

export function compilePacks(
  packs: readonly ParsedPack[],
  options: CompileOptions = {},
): { ruleSet: CompiledRuleSet; problems: Problem[] } {
  const b = new Builder();
  const problems: Problem[] = [];
  const compiled: CompiledRule[] = [];
  const byId = new Map<string, RuleInfo>();
  const wanted =
    options.audience === undefined
      ? undefined
      : Array.isArray(options.audience)
        ? options.audience
        : [options.audience];

  // One compiler for every rule, bound to the rule being compiled through these two (kinds call
  // it only while they compile): closures made per rule were a tenth of a termbase's objects.
  let current = packs[0] as ParsedPack;
  let ruleIndex = 0;
  const problem = (code: Problem['code'], message: string, path: (string | number)[]) => {
    problems.push({ code, message, file: current.file, ...current.locate(path), severity: 'error' });
  };
  const compiler: RuleCompiler = {
    phrase: (entry, o) => {
      const precheck = o.precheck ?? o.effect === 'report';
      return b.addPhrase(entry.phrase, refBase(b, compiled.length, o, entry.lang, !precheck), precheck);
    },
    // A pattern decides a finding when it is a `report` one.
    pattern: (source, o) =>
      b.addPattern(source, refBase(b, compiled.length, o, o.lang, o.effect !== 'report')),
    problem: (code, message) => problem(code, message, ['rules', ruleIndex]),
  };

  for (const pack of packs) {
    current = pack;
    b.addContextSets(pack.definition.contexts ?? []);
    const defs = pack.definition.rules;
    for (ruleIndex = 0; ruleIndex < defs.length; ruleIndex++) {
      const def = defs[ruleIndex] as RuleDefinition;
      if (byId.has(def.id)) {
        const message = `Duplicate rule id \`${def.id}\`: the first definition is kept`;
        problem('duplicate-id', message, ['rules', ruleIndex, 'id']);
        continue;
      }
      const kind = kindOf(def);
      const override = options.rules?.[def.id];
      const severity: Severity = override && override !== 'off' ? override : def.severity;
      const info = ruleInfo(def, pack, severity, kind.traits?.(def) ?? kind.describe(def));
      byId.set(def.id, info);
      if (override === 'off') continue;

      let data: unknown;
      try {
        data = kind.compile(def, compiler);
      } catch (error) {
        problem('bad-phrase', `Rule \`${def.id}\` was dropped: ${(error as Error).message}`, [
          'rules',
          ruleIndex,
        ]);
        continue;
      }
      const rule = findingRule(info, wanted, override !== undefined);
      const noAudienceReading =
        wanted !== undefined && rule.audiences !== undefined && Object.keys(rule.audiences).length === 0;
      const source: CompiledRuleSource = { def, rule, noAudienceReading };
      if (def.context !== undefined) source.condition = b.addCondition(def.context);
      compiled.push(bindRule(source, data, wanted));
    }
  }
  for (const phrase of options.accept ?? []) {
    const base: RefBase = { rule: -1, role: 'accept', effect: 'block' };
    try {
      b.addPhrase(phrase, base, false);
    } catch {
      // `accept` entries are matched literally when they are not valid phrase syntax.
      const norm = normalizePhrase(phrase);
      if (norm) {
        b.refs.push({ ...base, literal: phrase });
        b.automaton.add(norm, b.refs.length - 1);
      }
    }
  }
  b.automaton.build();
  b.patternAtoms.build();

  const rules = [...byId.values()];
  const ruleSet: CompiledRuleSet = {
    rules,
    has: (id) => byId.has(id),
    get: (id) => byId.get(id),
    compiled,
    ...(wanted !== undefined ? { audience: wanted } : {}),
    ...localeOptions(options),
    automaton: b.automaton,
    ...(b.patternAtoms.patternCount > 0 ? { patternAtoms: b.patternAtoms } : {}),
    unanchoredPattern: b.unanchoredPattern,
    edgeHyphen: b.edgeHyphen,
    refs: arrayRefs(b.refs),
    patterns: b.patterns,
    contextSets: b.contextSets,
    conditions: b.conditions,
  };
  return { ruleSet, problems };
}

/** The locale options a rule set keeps (lintSegments reads them per document). */
export function localeOptions(options: {
  locale?: string | undefined;
  fallbackLocale?: string | undefined;
}): { locale?: string; fallbackLocale?: string } {
  return {
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(options.fallbackLocale !== undefined ? { fallbackLocale: options.fallbackLocale } : {}),
  };
}

// Packs -> one CompiledRuleSet: every phrase of every rule expanded, normalized by the same
// function as the text, and registered in one automaton.

import { scriptOf } from '../lang/script.js';
import { PhraseAutomaton } from '../match/automaton.js';
import { expandPhrase } from '../pack/phrase.js';
import type { ParsedPack, PhraseEntry, RuleDefinition } from '../pack/types.js';
import type { Problem, Severity } from '../types.js';
import { normalizePhrase } from '../view/normalize.js';
import { foldT2S } from '../view/t2s.js';
import type {
  CompiledPattern,
  CompiledRule,
  CompiledRuleSet,
  CompiledTerm,
  PhraseRef,
  PhraseRole,
} from './compiled.js';
import type { CompileOptions, RuleInfo } from './rule-set.js';

const CONSONANT_Y = /[^aeiou]y$/;

function audienceMatches(tag: string, wanted: readonly string[]): boolean {
  const t = tag.toLowerCase();
  return wanted.some((w) => {
    const x = w.toLowerCase();
    return t === x || t.startsWith(`${x}-`) || x.startsWith(`${t}-`);
  });
}

class Builder {
  readonly automaton = new PhraseAutomaton();
  readonly atoms = new PhraseAutomaton();
  readonly refs: PhraseRef[] = [];
  readonly patterns: CompiledPattern[] = [];
  private readonly atomSeen = new Set<string>();

  /** Register every literal of a phrase; returns the first literal (for display). */
  addPhrase(
    entry: PhraseEntry | string,
    base: Omit<PhraseRef, 'literal'>,
    reportable = REPORTING_ROLES.has(base.role),
  ): string[] {
    const phrase = typeof entry === 'string' ? entry : entry.phrase;
    const lang = typeof entry === 'string' ? base.lang : (entry.lang ?? base.lang);
    const literals = expandPhrase(phrase);
    for (const literal of literals) {
      const norm = normalizePhrase(literal);
      if (norm.length === 0) continue;
      const ref: PhraseRef = { ...base, literal };
      if (lang !== undefined) ref.lang = lang;
      else delete ref.lang;
      this.register(norm, ref, reportable);
      // English plural of a final consonant + y: register the `ie` stem; the boundary check then
      // requires the `s` (policy -> policies).
      if (CONSONANT_Y.test(norm) && scriptOf(norm.codePointAt(norm.length - 2) ?? 0) === 'latin') {
        this.register(`${norm.slice(0, -1)}ie`, { ...ref, ies: true }, reportable);
      }
    }
    return literals;
  }

  /** `reportable`: a match of this literal can give a finding by itself, so its atom goes into
   *  the pre-check (a `require` or `context` phrase, or a preferred term, cannot). */
  private register(norm: string, ref: PhraseRef, reportable: boolean): void {
    const id = this.refs.length;
    this.refs.push(ref);
    this.automaton.add(norm, id);
    if (!reportable) return;
    const atom = atomOf(norm);
    if (!this.atomSeen.has(atom)) {
      this.atomSeen.add(atom);
      this.atoms.add(atom, 0);
    }
  }
}

const REPORTING_ROLES = new Set<PhraseRole>(['term', 'phrase', 'when', 'variant']);

/** The first character of a CJK literal, else its longest word: markup can split a term in the
 *  raw text, so the pre-check looks only for something markup does not split, and the longest
 *  word of an English phrase is the most selective (`interests`, not `the`). */
function atomOf(norm: string): string {
  const first = norm.codePointAt(0) ?? 0;
  if (scriptOf(first) !== 'latin') return String.fromCodePoint(first);
  let best = '';
  for (const m of norm.matchAll(/[\p{L}\p{N}_]+/gu)) if (m[0].length > best.length) best = m[0];
  return best || String.fromCodePoint(first);
}

function ruleInfo(def: RuleDefinition, pack: ParsedPack, severity: Severity): RuleInfo {
  const info: RuleInfo = {
    id: def.id,
    pack: pack.definition.pack,
    kind: def.kind,
    severity,
    message: def.message,
    examples: def.examples,
    fixable: (def.kind === 'term' || def.kind === 'consistency') && def.fix,
  };
  if (def.note !== undefined) info.note = def.note;
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

  for (const pack of packs) {
    pack.definition.rules.forEach((def, ruleIndex) => {
      if (byId.has(def.id)) {
        const at = pack.locate(['rules', ruleIndex, 'id']);
        problems.push({
          code: 'duplicate-id',
          message: `Duplicate rule id \`${def.id}\`: the first definition is kept`,
          file: pack.file,
          ...at,
          severity: 'error',
        });
        return;
      }
      const override = options.rules?.[def.id];
      const severity: Severity = override && override !== 'off' ? override : def.severity;
      const info = ruleInfo(def, pack, severity);
      byId.set(def.id, info);
      if (override === 'off') return;

      const rule: CompiledRule = {
        info,
        def,
        severity,
        terms: [],
        silent: false,
        requireDisplay: new Map(),
        contextLangs: new Set(),
        hasUnkeyedContext: false,
      };
      if (def.audiences !== undefined) {
        if (wanted === undefined) rule.audiences = def.audiences;
        else {
          const kept = Object.fromEntries(
            Object.entries(def.audiences).filter(([tag]) => audienceMatches(tag, wanted)),
          );
          rule.audiences = kept;
          if (def.kind === 'caution' && Object.keys(kept).length === 0) rule.silent = true;
        }
      }
      const index = compiled.length;
      try {
        registerRule(b, rule, index, pack, ruleIndex, problems);
      } catch (error) {
        const at = pack.locate(['rules', ruleIndex]);
        problems.push({
          code: 'bad-phrase',
          message: `Rule \`${def.id}\` was dropped: ${(error as Error).message}`,
          file: pack.file,
          ...at,
          severity: 'error',
        });
        return;
      }
      compiled.push(rule);
    });
  }
  for (const phrase of options.accept ?? []) {
    try {
      b.addPhrase(phrase, { rule: -1, role: 'accept' });
    } catch {
      // `accept` entries are matched literally when they are not valid phrase syntax.
      const norm = normalizePhrase(phrase);
      if (norm) {
        b.refs.push({ rule: -1, role: 'accept', literal: phrase });
        b.automaton.add(norm, b.refs.length - 1);
      }
    }
  }
  b.automaton.build();
  b.atoms.build();

  const rules = [...byId.values()];
  const ruleSet: CompiledRuleSet = {
    rules,
    has: (id) => byId.has(id),
    get: (id) => byId.get(id),
    compiled,
    automaton: b.automaton,
    atoms: b.atoms,
    refs: b.refs,
    patterns: b.patterns,
  };
  return { ruleSet, problems };
}

function registerRule(
  b: Builder,
  rule: CompiledRule,
  index: number,
  pack: ParsedPack,
  ruleIndex: number,
  problems: Problem[],
): void {
  const def = rule.def;
  const add = (entries: readonly PhraseEntry[], role: PhraseRole, extra: Partial<PhraseRef> = {}) => {
    for (const e of entries) b.addPhrase(e, { rule: index, role, ...extra });
  };
  const addPattern = (source: string, role: PhraseRole, extra: Partial<PhraseRef> = {}) => {
    b.patterns.push({
      regex: new RegExp(source, 'gu'),
      ref: { rule: index, role, literal: source, ...extra },
    });
  };
  switch (def.kind) {
    case 'term': {
      def.terms.forEach((t, ti) => {
        const ct: CompiledTerm = { lang: t.lang, status: t.status, display: t.text ?? t.pattern ?? '' };
        if (t.use !== undefined) ct.use = t.use;
        if (t.useHant !== undefined) {
          ct.useHant = t.useHant;
          if (t.use !== undefined && foldT2S(normalizePhrase(t.useHant)) !== normalizePhrase(t.use)) {
            problems.push({
              code: 'invalid-value',
              message: `\`use-hant\` \`${t.useHant}\` of rule \`${def.id}\` does not fold to \`use\` \`${t.use}\``,
              file: pack.file,
              ...pack.locate(['rules', ruleIndex]),
              severity: 'error',
            });
          }
        }
        if (t.text !== undefined) {
          const literals = b.addPhrase(
            { phrase: t.text, lang: t.lang },
            { rule: index, role: 'term', term: ti },
          );
          ct.display = literals[0] ?? t.text;
        } else if (t.pattern !== undefined) {
          addPattern(t.pattern, 'term', { term: ti, lang: t.lang });
        }
        rule.terms.push(ct);
      });
      add(def.exceptions, 'exception');
      break;
    }
    case 'caution':
      add(def.phrases, 'phrase');
      for (const p of def.patterns)
        addPattern(p.pattern, 'phrase', p.lang === undefined ? {} : { lang: p.lang });
      add(def.unless, 'unless');
      break;
    case 'requires': {
      // Across a document, a paragraph holding only the required phrase decides a finding
      // elsewhere: the pre-check must then see `require` and `context` phrases too.
      const wide = def.scope === 'document';
      add(def.when, 'when');
      for (const e of def.require) {
        const literals = b.addPhrase(e, { rule: index, role: 'require' }, wide);
        const key = e.lang ?? '';
        rule.requireDisplay.set(key, [...(rule.requireDisplay.get(key) ?? []), ...literals]);
      }
      for (const e of def.context) {
        if (e.lang === undefined) rule.hasUnkeyedContext = true;
        else rule.contextLangs.add(e.lang);
      }
      for (const e of def.context) b.addPhrase(e, { rule: index, role: 'context' }, wide);
      break;
    }
    case 'consistency':
      def.groups.forEach((group, gi) => {
        group.forEach((variant, vi) => {
          b.addPhrase(variant, { rule: index, role: 'variant', group: gi, variant: vi });
        });
      });
      break;
  }
}

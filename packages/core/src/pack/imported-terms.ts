// A pack of term rules an importer built (a termbase, `@nuance/config`): typed data, so the schema
// cannot be what is wrong with it; only what comes from the file can be: a language tag, a term
// that is empty or not a phrase, an id. A rule whose values pass those checks is defined directly,
// as the schema and the term kind would define it; any other goes through the full validation
// (parse.ts), which places its problems exactly as for a YAML pack. A 10,000-concept termbase
// spends no time in zod.
import type { TermRule, TermStatus } from '../kinds/term.js';
import { isJsSpace } from '../text/js-space.js';
import { LANGUAGE_TAG_SOURCE } from '../text/language-tag.js';
import { expandPhrase, PhraseError } from './phrase.js';
import type { Examples } from './rule-parts.js';
import { RULE_ID_PATTERN, SEVERITIES } from './schema-parts.js';

export interface ImportedTerm {
  text: string;
  status: TermStatus;
}

export interface ImportedTermRule {
  id: string;
  kind: 'term';
  severity: (typeof SEVERITIES)[number];
  message: string;
  note?: string;
  source: string;
  /** False: not checked in translations (the term kind's `key-term`); default true. */
  'key-term'?: boolean;
  /** Terms by language tag, in the order the languages first occur. */
  terms: Record<string, ImportedTerm[]>;
}

/**
 * An imported term rule as typed fields: its terms in the order the term kind keeps them (by
 * language, in the order the languages first occur), `keyTerm` spelled out.
 */
export interface ImportedTermFields {
  id: string;
  severity: (typeof SEVERITIES)[number];
  message: string;
  note?: string;
  source: string;
  keyTerm: boolean;
  terms: { lang: string; status: TermStatus; text: string }[];
}

export interface ImportedTermPack {
  pack: string;
  description: string;
  rules: ImportedTermRule[];
}

const LANG_TAG = new RegExp(`^${LANGUAGE_TAG_SOURCE}$`);
const STATUSES: ReadonlySet<string> = new Set<TermStatus>([
  'preferred',
  'admitted',
  'deprecated',
  'forbidden',
]);
const SEVERITY_NAMES: ReadonlySet<string> = new Set(SEVERITIES);
// Every imported rule has no examples and no exceptions: one frozen value each for all of them
// (a termbase's 10,000 rules made 40,000 empty objects and lists, which every garbage collection
// while it loads copied). Nothing changes a rule once defined.
const NO_EXAMPLES: Examples = Object.freeze({
  valid: Object.freeze([]) as unknown as string[],
  invalid: Object.freeze([]) as unknown as Examples['invalid'],
});
const NO_EXCEPTIONS = Object.freeze([]) as unknown as TermRule['exceptions'];
/** A placeholder other than `{actual}` and `{expected}` (rule-checks.ts reports it). */
const OTHER_PLACEHOLDER = /\{(?!(?:actual|expected)\})[^{}]*\}/;

/**
 * The checks of the full path that imported data can fail, remembered per distinct value (a
 * termbase has a handful of language tags and two messages).
 */
export class ImportedTermChecks {
  private readonly tags = new Map<string, boolean>();
  private readonly messages = new Map<string, boolean>();

  private readonly prefix: string | undefined;

  constructor(packName: string | undefined) {
    this.prefix = packName === undefined ? undefined : `${packName}/`;
  }

  /** The rule as the full path defines it, or undefined when that path must look at it. */
  define(raw: unknown): TermRule | undefined {
    const rule = raw as ImportedTermRule;
    if (rule.kind !== 'term' || typeof rule.severity !== 'string') return undefined;
    if (typeof rule.id !== 'string' || typeof rule.message !== 'string') return undefined;
    if (typeof rule.source !== 'string' || (rule.note !== undefined && typeof rule.note !== 'string')) {
      return undefined;
    }
    if (rule['key-term'] !== undefined && typeof rule['key-term'] !== 'boolean') return undefined;
    if (typeof rule.terms !== 'object' || rule.terms === null || Array.isArray(rule.terms)) return undefined;
    const grown: ImportedTermFields['terms'] = [];
    for (const lang in rule.terms) {
      const list = rule.terms[lang];
      if (!Array.isArray(list) || list.length === 0) return undefined;
      for (const t of list) {
        if (typeof t !== 'object' || t === null) return undefined;
        grown.push({ lang, status: t.status, text: t.text });
      }
    }
    // Copied to its length: grown by push, it has room for 16 terms, kept for every rule.
    const terms = grown.slice();
    const { id, severity, message, source, note } = rule;
    const keyTerm = rule['key-term'] ?? true;
    return this.termRule(
      note === undefined
        ? { id, severity, message, source, keyTerm, terms }
        : { id, severity, message, note, source, keyTerm, terms },
    );
  }

  /**
   * The rule as the full path defines it, made from its fields (an importer that has them typed
   * need not build the data), whose `terms` it keeps; undefined when the full path must look at it.
   */
  termRule(rule: ImportedTermFields): TermRule | undefined {
    if (!SEVERITY_NAMES.has(rule.severity)) return undefined;
    if (!this.validId(rule.id) || !this.validMessage(rule.message)) return undefined;
    for (const t of rule.terms) if (!this.validTag(t.lang) || !validTerm(t)) return undefined;
    // The rule's list and entries are taken as they are (the caller gives them up): 50,000
    // entries of a termbase are not made twice.
    const { id, severity, message, source, keyTerm, note, terms } = rule;
    const examples = NO_EXAMPLES;
    const exceptions = NO_EXCEPTIONS;
    const kind = 'term';
    // The key order of parse.ts's ruleBaseOf and the term kind's define (`note` after `examples`).
    // Two literals, not one spread into another: extending a spread copy by seven keys made
    // defining 10,000 rules take 0.1 s.
    return note === undefined
      ? {
          id,
          severity,
          message,
          examples,
          source,
          kind,
          fix: true,
          keyTerm,
          consistent: false,
          exceptions,
          terms,
        }
      : {
          id,
          severity,
          message,
          examples,
          note,
          source,
          kind,
          fix: true,
          keyTerm,
          consistent: false,
          exceptions,
          terms,
        };
  }

  private validId(id: unknown): boolean {
    return (
      typeof id === 'string' &&
      RULE_ID_PATTERN.test(id) &&
      (this.prefix === undefined || id.startsWith(this.prefix))
    );
  }

  private validMessage(message: unknown): boolean {
    if (typeof message !== 'string') return false;
    let ok = this.messages.get(message);
    if (ok === undefined) {
      ok = message !== '' && !OTHER_PLACEHOLDER.test(message);
      this.messages.set(message, ok);
    }
    return ok;
  }

  private validTag(tag: string): boolean {
    let ok = this.tags.get(tag);
    if (ok === undefined) {
      ok = LANG_TAG.test(tag);
      this.tags.set(tag, ok);
    }
    return ok;
  }
}

function validTerm(t: ImportedTerm): boolean {
  if (typeof t !== 'object' || t === null || typeof t.text !== 'string' || t.text === '') return false;
  if (!STATUSES.has(t.status)) return false;
  // Plain text (every term a termbase gives, unless it holds `[ ] { } | \`) is a phrase when it is
  // not blank; only the rest needs parsing.
  const kind = textKind(t.text);
  if (kind !== SYNTAX) return kind === PLAIN;
  try {
    expandPhrase(t.text);
    return true;
  } catch (error) {
    if (error instanceof PhraseError) return false;
    throw error;
  }
}

const BLANK = 0;
const PLAIN = 1;
const SYNTAX = 2;

/**
 * Whether a text holds phrase syntax (`[ ] { } | \`), else whether it holds a character other
 * than whitespace (`\S`): one loop, not two regular expressions per term (a termbase has 50,000).
 */
function textKind(text: string): number {
  let kind = BLANK;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x7c || c === 0x5c) return SYNTAX;
    if (kind === BLANK && !isJsSpace(c)) kind = PLAIN;
  }
  return kind;
}

// Termbase -> a pack of `term` rules, with a locator that places every path in the termbase file.
// termbaseRules makes each concept's rule as typed fields, which core's importedTermPack defines
// directly when they pass the checks imported data can fail (a termbase that loads cleanly);
// termbaseToPack gives the same rules as data in the shape a YAML pack has, which
// parseImportedTermPack validates as parsePack validates YAML (the same problems in the same
// places) and `nuance import` writes out. The mapping is the README's table (Termbases as packs).
import type {
  ImportedTerm,
  ImportedTermFields,
  ImportedTermRule,
  PackDataLocator,
  PackOptions,
  Problem,
} from '@nuance/core';
import {
  type Position,
  type Termbase,
  type TermbaseConcept,
  type TermbaseTerm,
  termbaseProblem,
} from './model.js';

/** The termbase's rules, as fields or as data (TermbasePack). */
interface Mapped<R> {
  value: { pack: string; description: string; rules: R[] };
  locator: PackDataLocator;
  /** Concepts dropped before validation (no terms, a duplicate id). */
  problems: Problem[];
  /** Each rule's concept, by the rule's index. */
  concepts: TermbaseConcept[];
}

export type TermbaseRules = Mapped<ImportedTermFields>;
export type TermbasePack = Mapped<TermbaseRule>;
export type TermbaseRule = ImportedTermRule;

const USE_MESSAGE = 'Use `{expected}` instead of `{actual}`';
const DEPRECATED_MESSAGE = '`{actual}` is deprecated in this termbase';

/** termbaseRules as data in the shape a YAML pack has. */
export function termbaseToPack(termbase: Termbase, options: PackOptions = {}): TermbasePack {
  return asData(termbaseRules(termbase, options));
}

/** The rules as data in the shape a YAML pack has. */
export function asData(mapped: TermbaseRules): TermbasePack {
  return { ...mapped, value: { ...mapped.value, rules: mapped.value.rules.map(dataOf) } };
}

/**
 * The termbase as term rules. `options` (a `packs` entry's): `subjects` keeps the concepts with one
 * of those subject fields (matched without case); `key-terms` makes every concept a key term
 * (true) or none (false); by default a concept is one when it has a deprecated or forbidden term,
 * a decision someone made, while a concept that only lists equivalents is reference data.
 */
export function termbaseRules(termbase: Termbase, options: PackOptions = {}): TermbaseRules {
  const wanted = options.subjects && new Set(options.subjects.map((s) => s.toLowerCase()));
  const pack = packNameOf(termbase.file);
  const base = baseName(termbase.file);
  const problems: Problem[] = [];
  const rules: ImportedTermFields[] = [];
  const concepts: TermbaseConcept[] = [];
  const ids = new Set<string>();
  const { position } = termbase;
  /** Each concept id's first concept's offset. */
  const firstOf = new Map<string, number>();
  termbase.concepts.forEach((concept, index) => {
    if (concept.terms.length === 0) {
      problems.push(
        termbaseProblem(
          termbase.file,
          'missing-key',
          `${concept.label} has no terms; it is dropped`,
          position(concept.offset),
        ),
      );
      return;
    }
    if (concept.id !== undefined) {
      const first = firstOf.get(concept.id);
      if (first !== undefined) {
        const message = `Duplicate concept id \`${concept.id}\` (first on line ${position(first).line}); this one is ignored`;
        problems.push(termbaseProblem(termbase.file, 'duplicate-id', message, position(concept.offset)));
        return;
      }
      firstOf.set(concept.id, concept.offset);
    }
    const id = uniqueId(`${pack}/${slug(concept.id ?? '') || `concept-${index + 1}`}`, ids);
    if (wanted && !concept.subjects.some((s) => wanted.has(s.toLowerCase()))) return;
    const source =
      concept.id !== undefined ? `concept ${concept.id}` : `line ${position(concept.offset).line}`;
    rules.push(ruleOf(id, concept, `${base}, ${source}`, options['key-terms']));
    concepts.push(concept);
  });
  // With no concept left, the loader says so once (load.ts).
  if (wanted && rules.length > 0) problems.push(...unknownSubjects(termbase, options.subjects ?? []));
  const only = options.subjects ? `; subject fields ${options.subjects.join(', ')}` : '';
  const description = `Imported from the ${termbase.format} termbase ${base} (${rules.length} concepts${only})`;
  return { value: { pack, description, rules }, locator: locatorOf(concepts, position), problems, concepts };
}

/** The concept's rule; `keyTerms`, the option (by default: whether it has a deprecated or forbidden term). */
function ruleOf(
  id: string,
  concept: TermbaseConcept,
  source: string,
  keyTerms: boolean | undefined,
): ImportedTermFields {
  const terms = byLanguage(concept.terms);
  let deprecated = false;
  for (const t of terms) if (t.status === 'deprecated' || t.status === 'forbidden') deprecated = true;
  const message = !deprecated || hasReplacements(terms) ? USE_MESSAGE : DEPRECATED_MESSAGE;
  const keyTerm = keyTerms ?? deprecated;
  const note = noteOf(concept);
  // One key order for every rule (the data's is dataOf's).
  return note === ''
    ? { id, severity: 'warning', message, source, keyTerm, terms }
    : { id, severity: 'warning', message, note, source, keyTerm, terms };
}

/**
 * The terms by language, in the order the languages first occur (`zh_Hans` read as `zh-Hans`), the
 * order of a YAML pack's `terms` map; each text a phrase (escapePhrase).
 */
function byLanguage(list: readonly TermbaseTerm[]): ImportedTermFields['terms'] {
  const terms: ImportedTermFields['terms'] = new Array(list.length);
  // Most concepts list each language's terms together: then the order is the file's.
  let together = true;
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as TermbaseTerm;
    const lang = langOf(t);
    terms[i] = { lang, status: t.status, text: escapePhrase(t.text) };
    if (together && i > 1 && lang !== terms[i - 1]?.lang) together = !seenBefore(terms, i - 1, lang);
  }
  if (together) return terms;
  const langs = [...new Set(terms.map((t) => t.lang))];
  return langs.flatMap((lang) => terms.filter((t) => t.lang === lang));
}

/** Whether a term before `end` has the language `lang`. */
function seenBefore(terms: ImportedTermFields['terms'], end: number, lang: string): boolean {
  for (let j = 0; j < end; j++) if (terms[j]?.lang === lang) return true;
  return false;
}

/** A rule as data (`terms` a map of language to terms; `note` and `key-term` only when they say something). */
function dataOf(rule: ImportedTermFields): TermbaseRule {
  const terms: Record<string, ImportedTerm[]> = {};
  for (const t of rule.terms) {
    const entry = { text: t.text, status: t.status };
    const list = terms[t.lang];
    if (list) list.push(entry);
    else terms[t.lang] = [entry];
  }
  const data: TermbaseRule = {
    id: rule.id,
    kind: 'term',
    severity: rule.severity,
    message: rule.message,
    source: rule.source,
    terms,
  };
  if (rule.note !== undefined) data.note = rule.note;
  if (!rule.keyTerm) data['key-term'] = false;
  return data;
}

function langOf(t: TermbaseTerm): string {
  return t.lang.includes('_') ? t.lang.replace(/_/g, '-') : t.lang;
}

/** A warning for each subject asked for that no concept has: a typo loads nothing of it. */
function unknownSubjects(termbase: Termbase, subjects: readonly string[]): Problem[] {
  const present = new Map<string, string>();
  for (const c of termbase.concepts) for (const s of c.subjects) present.set(s.toLowerCase(), s);
  const known = [...present.values()].sort();
  const listed = known.length > 0 ? known.map((s) => `\`${s}\``).join(', ') : 'none';
  return subjects
    .filter((s) => !present.has(s.toLowerCase()))
    .map((s) =>
      termbaseProblem(
        termbase.file,
        'invalid-value',
        `No concept has the subject field \`${s}\` (the termbase's subject fields: ${listed})`,
        { line: 1, column: 1 },
        'warning',
      ),
    );
}

/** Every deprecated term has a preferred term of its language to replace it. */
function hasReplacements(terms: ImportedTermFields['terms']): boolean {
  for (const t of terms) {
    if (t.status !== 'deprecated' && t.status !== 'forbidden') continue;
    if (!terms.some((u) => u.lang === t.lang && u.status === 'preferred')) return false;
  }
  return true;
}

function noteOf(concept: TermbaseConcept): string {
  if (!hasTermNotes(concept)) return concept.notes.join('\n\n');
  const parts = [...concept.notes];
  const seen = new Set<readonly string[]>();
  for (const t of concept.terms) {
    if (t.notes.length === 0 || seen.has(t.notes)) continue;
    seen.add(t.notes);
    const named = concept.terms.filter((u) => u.notes === t.notes).map((u) => `${u.text} (${u.lang})`);
    parts.push(`${named.join(', ')}: ${t.notes.join(' ')}`);
  }
  return parts.join('\n\n');
}

function hasTermNotes(concept: TermbaseConcept): boolean {
  for (const t of concept.terms) if (t.notes.length > 0) return true;
  return false;
}

/** Phrase syntax characters in a term are text: `C++ [draft]` is literal. */
export function escapePhrase(text: string): string {
  return hasPhraseSyntax(text) ? text.replace(/[[\]{}|\\]/g, '\\$&') : text;
}

/** `/[[\]{}|\\]/.test(text)` as a loop: it runs on every term of a termbase. */
function hasPhraseSyntax(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x7c || c === 0x5c) return true;
  }
  return false;
}

/** Index `index` in an escaped phrase -> the index in the term as written. */
function unescapedIndex(escaped: string, index: number): number {
  let backslashes = 0;
  for (let i = 0; i < index && i < escaped.length; i++) {
    if (escaped[i] === '\\') {
      backslashes++;
      i++;
    }
  }
  return index - backslashes;
}

function locatorOf(concepts: TermbaseConcept[], position: (offset: number) => Position): PackDataLocator {
  const termAt = (path: ReadonlyArray<string | number>): TermbaseTerm | undefined => {
    const [, rule, , lang, index] = path;
    if (typeof rule !== 'number' || typeof lang !== 'string') return undefined;
    // A rule's terms of one language are its concept's, in file order (ruleOf keeps it).
    const list = (concepts[rule]?.terms ?? []).filter((t) => langOf(t) === lang);
    return list[typeof index === 'number' ? index : 0];
  };
  const locate = (path: ReadonlyArray<string | number>): Position => {
    if (path[0] !== 'rules' || typeof path[1] !== 'number') return { line: 1, column: 1 };
    const concept = concepts[path[1]];
    if (path[2] === 'terms') {
      const t = termAt(path);
      if (t) return position(t.offset);
    }
    return concept ? position(concept.offset) : { line: 1, column: 1 };
  };
  return {
    locate,
    locateInString(path, index) {
      const t = path[2] === 'terms' ? termAt(path) : undefined;
      if (!t?.verbatim) return locate(path);
      const at = position(t.offset);
      return { line: at.line, column: at.column + unescapedIndex(escapePhrase(t.text), index) };
    },
  };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** `cldr_names_en_zh_ko.tbx` -> `cldr-names-en-zh-ko`. */
export function packNameOf(file: string): string {
  const name = slug(baseName(file).replace(/\.[^.]*$/, ''));
  if (name === '') return 'termbase';
  return /^[a-z]/.test(name) ? name : `termbase-${name}`;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lowercase ASCII letters and digits, each run of anything else one `-`: `territory:KR` -> `territory-kr`. */
export function slug(text: string): string {
  // Most concept ids are one already (`c42`, `territory-kr`).
  if (SLUG.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function uniqueId(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  taken.add(out);
  return out;
}

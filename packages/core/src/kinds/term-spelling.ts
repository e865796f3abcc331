// Terms of one rule that read the same to the match view (twins: they differ only in case,
// spacing, a hyphen or script): a match of one is a match of each, so how it is spelled tells
// which term it is, whatever order the pack lists them in.
import { expandPhrase } from '../pack/phrase.js';
import { normalizePhrase } from '../view/normalize.js';
import type { TermStatus } from './term-schema.js';

const NO_LITERALS: readonly string[] = [];

/** What telling twins apart reads of a term as written in its pack (term.ts's TermEntry). */
export interface SpelledEntry {
  lang: string;
  status: TermStatus;
  text?: string;
  script?: 'hans' | 'hant';
}

/** What it reads of a compiled term (term.ts's CompiledTerm). */
export interface SpelledTerm {
  status: TermStatus;
  twins?: number[];
  literals?: string[];
}

/** A status whose match is a finding. */
export function reported(status: TermStatus | undefined): boolean {
  return status === 'deprecated' || status === 'forbidden';
}

/**
 * Per term with text, the other terms of its rule, language and script that have a literal with
 * the same match view (twins), and its own literals; undefined for a term without twins.
 */
export function twinsOf(
  terms: readonly SpelledEntry[],
): ({ items: number[]; literals: string[] } | undefined)[] {
  // Compiled for each rule a run gives findings of (a termbase's thousands): plain loops.
  const literals: string[][] = [];
  const views: string[][] = [];
  for (const t of terms) {
    const list = t.text === undefined ? [] : expandPhrase(t.text);
    literals.push(list);
    views.push(list.map(normalizePhrase));
  }
  const out: ({ items: number[]; literals: string[] } | undefined)[] = [];
  for (let item = 0; item < terms.length; item++) {
    const t = terms[item] as SpelledEntry;
    const mine = views[item] as string[];
    let items: number[] | undefined;
    for (let j = 0; j < terms.length; j++) {
      const other = terms[j] as SpelledEntry;
      if (j === item || other.lang !== t.lang || other.script !== t.script) continue;
      if (!(views[j] as string[]).some((view) => mine.includes(view))) continue;
      items ??= [];
      items.push(j);
    }
    out.push(items ? { items, literals: literals[item] as string[] } : undefined);
  }
  return out;
}

/**
 * The term a match of term `item` is, by how `actual` (the matched text) is spelled: of the term
 * and its twins, the one with a literal written exactly as `actual` (whitespace runs as one
 * space), else the one with a literal equal to it but for case; where none or several are closest,
 * the one that gives no finding (a preferred term, then an admitted one), else the first. So the
 * order the terms are listed in never matters, and `Korean peninsula` -> `Korean Peninsula`
 * reports the lower-case form only, never `KOREAN PENINSULA`.
 */
export function spelledAs(
  data: { terms: readonly SpelledTerm[] },
  item: number | undefined,
  actual: string,
): number | undefined {
  const twins = item === undefined ? undefined : data.terms[item]?.twins;
  if (item === undefined || twins === undefined) return item;
  const text = actual.replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const closeness = (candidate: number) => {
    let best = 0;
    const literals = data.terms[candidate]?.literals ?? NO_LITERALS;
    for (let k = 0; k < literals.length; k++) {
      const literal = literals[k] as string;
      // A plural through the `ie` stem (`policies`) is matched as far as the `ie`.
      const ie = /y$/i.test(literal)
        ? `${literal.slice(0, -1)}${literal.endsWith('Y') ? 'IE' : 'ie'}`
        : literal;
      if (literal === text || ie === text) return 2;
      if (literal.toLowerCase() === lower || ie.toLowerCase() === lower) best = 1;
    }
    return best;
  };
  const rank = (status: TermStatus | undefined) =>
    status === 'preferred' ? 0 : status === 'admitted' ? 1 : reported(status) ? 3 : 2;
  let chosen = item;
  let chosenCloseness = closeness(item);
  for (const other of [...twins].sort((a, b) => a - b)) {
    const c = closeness(other);
    const better =
      c > chosenCloseness ||
      (c === chosenCloseness &&
        (rank(data.terms[other]?.status) < rank(data.terms[chosen]?.status) ||
          (rank(data.terms[other]?.status) === rank(data.terms[chosen]?.status) && other < chosen)));
    if (better) {
      chosen = other;
      chosenCloseness = c;
    }
  }
  return chosen;
}

const spellings = new WeakMap<object, { terms: SpelledTerm[] }>();

/**
 * `spelledAs` for a rule's definition (the bilingual checks read terms from it): the term of the
 * rule a match of its term `item` is, by how `actual` is spelled.
 */
export function termSpelledAs(def: { terms: readonly SpelledEntry[] }, item: number, actual: string): number {
  let data = spellings.get(def);
  if (!data) {
    const twins = twinsOf(def.terms);
    data = {
      terms: def.terms.map((t, i): SpelledTerm => {
        const ct: SpelledTerm = { status: t.status };
        const own = twins[i];
        if (own !== undefined) {
          ct.twins = own.items;
          ct.literals = own.literals;
        }
        return ct;
      }),
    };
    spellings.set(def, data);
  }
  return spelledAs(data, item, actual) ?? item;
}

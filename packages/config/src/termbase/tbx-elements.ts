// What the TBX reader (tbx.ts) knows of elements: the role of each by its local name, the data
// categories it reads, and the concept it keeps.
import type { SaxesTagPlain } from 'saxes';
import type { TermbaseConcept, TermbaseTerm } from './model.js';

export const STATUS_CATEGORIES = new Set(['administrativeStatus', 'normativeAuthorization', 'termStatus']);
export const NOTE_CATEGORIES = new Map([
  ['definition', 'Definition'],
  ['note', ''],
  ['context', 'Context'],
  ['explanation', 'Explanation'],
  ['subjectField', 'Subject field'],
]);

// What an element is to the reader, by its local name: found once when it opens, and kept on a
// stack for when it closes (a tag name is a new string at every element, and each lookup hashes it).
export const OTHER = 0;
export const CONCEPT = 1;
export const LANGUAGE = 2;
export const TERM_GROUP = 3;
export const TERM = 4;
/** An element whose `type` attribute names its data category (DCA style). */
export const TYPED = 5;
/** An element named after its data category (DCT style). */
export const CATEGORY = 6;
const ROLES: ReadonlyMap<string, number> = new Map([
  ...['termEntry', 'conceptEntry', 'entry'].map((n): [string, number] => [n, CONCEPT]),
  ...['langSet', 'langSec', 'langGroup'].map((n): [string, number] => [n, LANGUAGE]),
  ...['tig', 'ntig', 'termSec', 'termGroup'].map((n): [string, number] => [n, TERM_GROUP]),
  ['term', TERM],
  ...['termNote', 'descrip', 'admin'].map((n): [string, number] => [n, TYPED]),
  ...[...STATUS_CATEGORIES, ...NOTE_CATEGORIES.keys()].map((n): [string, number] => [n, CATEGORY]),
]);

export function roleOf(name: string): number {
  const role = ROLES.get(name);
  if (role !== undefined) return role;
  const colon = name.indexOf(':');
  return colon < 0 ? OTHER : (ROLES.get(name.slice(colon + 1)) ?? OTHER);
}

/**
 * A concept as the reader keeps it. Its label (`<termEntry id="c42">`) is made when asked for,
 * by a message or `nuance import`: made for every concept, with its element's name and its id
 * attribute, it was four of the fifteen strings and objects a 10,000-concept termbase kept per
 * concept, and every garbage collection while the file loads copied them.
 */
export class TbxConcept implements TermbaseConcept {
  id?: string;

  /** `lists`: where its terms, notes and subjects go while it is read (Lists). */
  constructor(
    readonly offset: number,
    private readonly element: string,
    private readonly idAttribute: string | undefined,
    lists: Lists,
    public terms: TermbaseTerm[] = lists.terms,
    public notes: string[] = lists.notes,
    public subjects: string[] = lists.subjects,
  ) {}

  get label(): string {
    return `<${this.element}${this.idAttribute !== undefined ? ` id="${this.idAttribute}"` : ''}>`;
  }
}

/**
 * The lists of the concept being read, one set for all of them (concepts do not nest): a concept
 * keeps copies of them made to their length when it closes (kept). A list of its own, grown by
 * push, had room for 16 items, and then a copy: a termbase's 10,000 concepts made 60,000 lists,
 * which every garbage collection while the termbase loads copied.
 */
export interface Lists {
  terms: TermbaseTerm[];
  notes: string[];
  subjects: string[];
}

export function newLists(): Lists {
  return { terms: [], notes: [], subjects: [] };
}

/** The lists of a concept with no notes or no subject field (most): never added to. */
const NONE = Object.freeze([]) as unknown as string[];

/** The concept as it is kept: its own copies of the lists, which are emptied for the next. */
export function kept(concept: TermbaseConcept, lists: Lists): TermbaseConcept {
  concept.terms = lists.terms.slice();
  concept.notes = lists.notes.length > 0 ? lists.notes.slice() : NONE;
  concept.subjects = lists.subjects.length > 0 ? lists.subjects.slice() : NONE;
  clear(lists);
  return concept;
}

/** Empties the lists: new empty ones, cheaper to make than setting a list's length. */
export function clear(lists: Lists): void {
  if (lists.terms.length > 0) lists.terms = [];
  if (lists.notes.length > 0) lists.notes = [];
  if (lists.subjects.length > 0) lists.subjects = [];
}

export function elementLabel(tag: SaxesTagPlain): string {
  const type = tag.attributes.type;
  return type === undefined ? `<${tag.name}>` : `<${tag.name} type="${type}">`;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function categoryOf(tag: SaxesTagPlain, role: number): string | undefined {
  if (role === CATEGORY) return localName(tag.name);
  const type = tag.attributes.type;
  // A typed element without a type names no category: its own name is none.
  if (type === undefined) return undefined;
  return STATUS_CATEGORIES.has(type) || NOTE_CATEGORIES.has(type) ? type : undefined;
}

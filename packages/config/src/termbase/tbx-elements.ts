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
  notes: string[] = [];
  subjects: string[] = [];
  terms: TermbaseTerm[] = [];

  constructor(
    readonly offset: number,
    private readonly element: string,
    private readonly idAttribute: string | undefined,
  ) {}

  get label(): string {
    return `<${this.element}${this.idAttribute !== undefined ? ` id="${this.idAttribute}"` : ''}>`;
  }
}

/**
 * The concept as it is kept: its lists copied to their length. A list grown by push has room for
 * 16 items; a termbase's 10,000 concepts kept 30,000 such lists, which every garbage collection
 * while the termbase loads copied whole.
 */
export function kept(concept: TermbaseConcept): TermbaseConcept {
  concept.terms = concept.terms.slice();
  if (concept.notes.length > 0) concept.notes = concept.notes.slice();
  if (concept.subjects.length > 0) concept.subjects = concept.subjects.slice();
  return concept;
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

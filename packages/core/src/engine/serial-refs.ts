// The phrase references of a rule set in its bytes (serialize.ts): a column of 32-bit values per
// field, the words (role, effect, language, script) by their index in a list, the literals' UTF-16
// units a column of their own. Parsing 50,000 references (a 10,000-concept termbase) as JSON objects
// was most of reading the rest of the rule set; the columns are read in place, and each reference
// is made when first asked for (making all 20,506 of the bench's 10,000 terms took 15 ms of a run's
// start).
import type { PhraseEffect, PhraseRef, PhraseRefs } from './phrase-ref.js';
import type { ArraysIn, ArraysOut } from './serial-bytes.js';
import { packsUnits, packUnits, textOf, unpackUnits } from './serial-codec.js';

/** A field a reference does not have. */
const ABSENT = -0x80000000;

/**
 * What the JSON of the bytes holds of the references: their words. The columns follow as arrays,
 * then the literals' UTF-16 units one after the other, two to a 32-bit value after their count
 * (`packUnits`), then where each literal ends in them. Not in the JSON: the bench's 10,000 terms
 * have 179,000 units of literals, Han and Hangul, which made the whole JSON a two-byte string to
 * decode and parse, in pages of its own; as a list of strings they took 6-8 ms more. Each
 * reference's literal is made from its units when the reference is made.
 */
export interface SerialRefs {
  words: string[];
}

const COLUMNS = [
  'rule',
  'role',
  'effect',
  'lang',
  'item',
  'condition',
  'script',
  'set',
  'ies',
  'quiet',
] as const;
type Columns = Record<(typeof COLUMNS)[number], Int32Array>;

/** A column per field, each `make()`, in COLUMNS' order. */
function columnsOf(make: () => Int32Array): Columns {
  return Object.fromEntries(COLUMNS.map((name) => [name, make()])) as Columns;
}

/** The references' columns added to `arrays` (in COLUMNS' order), and their words and literals. */
export function refsOut(refs: readonly PhraseRef[], arrays: ArraysOut): SerialRefs {
  const words: string[] = [];
  const index = new Map<string, number>();
  const word = (w: string | undefined): number => {
    if (w === undefined) return ABSENT;
    let i = index.get(w);
    if (i === undefined) {
      i = words.length;
      words.push(w);
      index.set(w, i);
    }
    return i;
  };
  const n = refs.length;
  const columns = columnsOf(() => new Int32Array(n));
  const { rule, role, effect, lang, item, condition, script, set, ies, quiet } = columns;
  const literals: string[] = [];
  const ends = new Int32Array(n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const r = refs[i] as PhraseRef;
    rule[i] = r.rule;
    role[i] = word(r.role);
    effect[i] = word(r.effect);
    lang[i] = word(r.lang);
    item[i] = r.item ?? ABSENT;
    condition[i] = r.condition ?? ABSENT;
    script[i] = word(r.script);
    set[i] = r.set ?? ABSENT;
    ies[i] = r.ies === undefined ? ABSENT : r.ies ? 1 : 0;
    quiet[i] = r.quiet ? 1 : ABSENT;
    literals.push(r.literal);
    end += r.literal.length;
    ends[i] = end;
  }
  for (const name of COLUMNS) arrays.add(columns[name]);
  arrays.add(packUnits(literals.join('')));
  arrays.add(ends);
  return { words };
}

/**
 * The references back, each made when first asked for (PhraseRefs), every one with every field
 * (undefined where the phrase has none) in the order compiling gives them (rule, role, effect,
 * lang, item, condition, script, set, quiet, literal, ies: LazyRefs.make): the columns are read in
 * place, so the bytes must not change after.
 */
export function refsIn(serial: SerialRefs, arrays: ArraysIn): PhraseRefs {
  // Object.fromEntries makes the columns in COLUMNS' order: the order they were written in.
  const columns = columnsOf(() => arrays.next());
  const units = arrays.next();
  const ends = arrays.next();
  const n = ends.length;
  const length = n > 0 ? (ends[n - 1] as number) : 0;
  if (COLUMNS.some((name) => columns[name].length !== n) || !packsUnits(units, length)) {
    throw new Error('Corrupt serialized rule set: its phrase references do not line up');
  }
  for (let i = 0, last = 0; i < n; last = ends[i++] as number) {
    if ((ends[i] as number) < last)
      throw new Error('Corrupt serialized rule set: its phrase literals do not line up');
  }
  if (columns.effect.some((w) => serial.words[w] === undefined)) {
    throw new Error('Corrupt serialized rule set: a phrase reference names no word');
  }
  return new LazyRefs(serial, columns, ends, () => unpackUnits(units));
}

/** References made from their columns one at a time, each kept once made. */
class LazyRefs implements PhraseRefs {
  readonly length: number;
  private readonly made: (PhraseRef | undefined)[];
  private every: PhraseRef[] | undefined;
  /** Every literal's UTF-16 units, one after the other: read when the first reference is made. */
  private units: Uint16Array | undefined;

  constructor(
    private readonly serial: SerialRefs,
    private readonly columns: Columns,
    /** Where each literal ends in the literals' units. */
    private readonly ends: Int32Array,
    private readonly readUnits: () => Uint16Array,
  ) {
    this.length = ends.length;
    this.made = new Array(this.length);
  }

  at(id: number): PhraseRef | undefined {
    if (!(id >= 0 && id < this.length)) return undefined;
    return this.made[id] ?? this.make(id);
  }

  withEffect(effect: PhraseEffect): PhraseRef[] {
    const word = this.serial.words.indexOf(effect);
    const out: PhraseRef[] = [];
    if (word < 0) return out;
    const effects = this.columns.effect;
    for (let id = 0; id < this.length; id++) if (effects[id] === word) out.push(this.at(id) as PhraseRef);
    return out;
  }

  all(): readonly PhraseRef[] {
    if (!this.every) {
      for (let id = 0; id < this.length; id++) this.at(id);
      this.every = this.made as PhraseRef[];
    }
    return this.every;
  }

  private make(i: number): PhraseRef {
    const { words } = this.serial;
    this.units ??= this.readUnits();
    const units = this.units;
    const { rule, role, effect, lang, item, condition, script, set, ies, quiet } = this.columns;
    const wordAt = (k: number): string => {
      const w = words[k];
      if (w === undefined) throw new Error('Corrupt serialized rule set: a phrase reference names no word');
      return w;
    };
    // Every field written, those a phrase lacks as undefined, in the order compiling gives them (a
    // rule set read back serializes to the same JSON): one hidden class for every reference, so the
    // scan's reads of them (consider, boundaries) stay monomorphic. With the fields a phrase lacks
    // left out, a termbase's references came in several shapes.
    const start = i === 0 ? 0 : (this.ends[i - 1] as number);
    const ref = {
      rule: rule[i] as number,
      role: wordAt(role[i] as number),
      effect: wordAt(effect[i] as number) as PhraseRef['effect'],
      lang: lang[i] !== ABSENT ? wordAt(lang[i] as number) : undefined,
      item: item[i] !== ABSENT ? (item[i] as number) : undefined,
      condition: condition[i] !== ABSENT ? (condition[i] as number) : undefined,
      script: script[i] !== ABSENT ? (wordAt(script[i] as number) as 'hans' | 'hant') : undefined,
      set: set[i] !== ABSENT ? (set[i] as number) : undefined,
      quiet: quiet[i] === 1 ? (true as const) : undefined,
      literal: textOf(units, start, this.ends[i] as number),
      ies: ies[i] !== ABSENT ? ies[i] === 1 : undefined,
    } as PhraseRef;
    this.made[i] = ref;
    return ref;
  }
}

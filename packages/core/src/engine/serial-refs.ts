// The phrase references of a rule set in its bytes (serialize.ts): a column of 32-bit values per
// field, the words (role, effect, language, script) by their index in a list, the literals a list
// of their own. Parsing 50,000 references (a 10,000-concept termbase) as JSON objects was most of
// reading the rest of the rule set; the columns are read in place, and each reference is made when
// first asked for (making all 20,506 of the bench's 10,000 terms took 15 ms of a run's start).
import type { PhraseEffect, PhraseRef, PhraseRefs } from './phrase-ref.js';
import type { ArraysIn, ArraysOut } from './serial-bytes.js';

/** A field a reference does not have. */
const ABSENT = -0x80000000;

/** What the JSON of the bytes holds of the references; the columns follow as arrays. */
export interface SerialRefs {
  words: string[];
  literals: string[];
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
  }
  for (const name of COLUMNS) arrays.add(columns[name]);
  return { words, literals };
}

/**
 * The references back, each made when first asked for (PhraseRefs), with its fields in the order
 * compiling gives them (rule, role, effect, then those a reference has of lang, item, condition,
 * script, set, quiet, then literal, then ies): the columns are read in place, so the bytes must
 * not change after.
 */
export function refsIn(serial: SerialRefs, arrays: ArraysIn): PhraseRefs {
  // Object.fromEntries makes the columns in COLUMNS' order: the order they were written in.
  const columns = columnsOf(() => arrays.next());
  const n = serial.literals.length;
  if (COLUMNS.some((name) => columns[name].length !== n)) {
    throw new Error('Corrupt serialized rule set: its phrase references do not line up');
  }
  if (columns.effect.some((w) => serial.words[w] === undefined)) {
    throw new Error('Corrupt serialized rule set: a phrase reference names no word');
  }
  return new LazyRefs(serial, columns);
}

/** References made from their columns one at a time, each kept once made. */
class LazyRefs implements PhraseRefs {
  readonly length: number;
  private readonly made: (PhraseRef | undefined)[];
  private every: PhraseRef[] | undefined;

  constructor(
    private readonly serial: SerialRefs,
    private readonly columns: Columns,
  ) {
    this.length = serial.literals.length;
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
    const { words, literals } = this.serial;
    const { rule, role, effect, lang, item, condition, script, set, ies, quiet } = this.columns;
    const wordAt = (k: number): string => {
      const w = words[k];
      if (w === undefined) throw new Error('Corrupt serialized rule set: a phrase reference names no word');
      return w;
    };
    const ref = {
      rule: rule[i] as number,
      role: wordAt(role[i] as number),
      effect: wordAt(effect[i] as number) as PhraseRef['effect'],
    } as PhraseRef;
    if (lang[i] !== ABSENT) ref.lang = wordAt(lang[i] as number);
    if (item[i] !== ABSENT) ref.item = item[i] as number;
    if (condition[i] !== ABSENT) ref.condition = condition[i] as number;
    if (script[i] !== ABSENT) ref.script = wordAt(script[i] as number) as 'hans' | 'hant';
    if (set[i] !== ABSENT) ref.set = set[i] as number;
    if (quiet[i] === 1) ref.quiet = true;
    ref.literal = literals[i] as string;
    if (ies[i] !== ABSENT) ref.ies = ies[i] === 1;
    this.made[i] = ref;
    return ref;
  }
}

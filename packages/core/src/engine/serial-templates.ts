// Records kept as templates (serialize.ts, serial-bytes.ts): the rules of a termbase are thousands
// of records of one shape that differ only in a few strings (the id, the terms), so a shape shared
// by enough records is written once, in the bytes' JSON, with holes where its records' strings
// differ, and each such record is the list of strings that fill its holes, in arrays read with the
// rest of the rule set. The bench's 10,000 terms: 20,000 records, 9.2 MB of JSON, in three shapes
// and 143,306 holes of 30,000 distinct strings (1.3 MB of arrays). A run reads no file for a record
// of a template, and makes it without decoding or parsing text: over the bench corpus the 3,765
// records its findings asked for were a `pread` each, then UTF-8 decoded and parsed.
//
// What a template gives back is what JSON.parse of the record's JSON gives: the same values, the
// same keys in the same order (a template is made of that parse, and filled in its key order). A
// record that holds a key `__proto__` (an own property in a parse, a prototype in an assignment)
// or a string that is the hole's mark stays JSON.
import type { ArraysIn, ArraysOut, RecordsElsewhere } from './serial-bytes.js';
import { packsUnits, packUnits, textOf, unpackUnits } from './serial-codec.js';
import { HOLE, omitted, Shapes } from './serial-shapes.js';

/** The records that must share a shape for it to be a template: fewer stay JSON. */
const MIN_SHARED = 8;

function corrupt(what: string): Error {
  return new Error(`Corrupt serialized rule set: ${what}`);
}

/** What `templatesOut` made of the records: the templates (for the JSON) and which records they hold. */
export interface TemplatesOut {
  templates: unknown[];
  /** Record `i` is in a template: its bytes are empty. */
  templated(i: number): boolean;
}

/**
 * The templates of `count` records (`record(i)`: the value whose JSON is the record), their arrays
 * added to `arrays`: per record its template (-1: none), where its holes' strings end in the list
 * of them, that list (indices of strings), the strings' UTF-16 units (packUnits) and where each
 * string ends in them. With `share` false, no record is in a template.
 */
export function templatesOut(
  count: number,
  record: (i: number) => unknown,
  arrays: ArraysOut,
  share = true,
): TemplatesOut {
  // Each record's shape (its JSON with every string a hole) and its strings, in the order a walk
  // of its keys meets them: the records' values are walked as their JSON would be parsed, not
  // written and parsed (a termbase's 20,000 records: 9 MB of JSON parsed again, a third of
  // serializing it), and nothing is made per record (serial-shapes.ts).
  const shapes = new Shapes();
  const firsts: unknown[] = [];
  const members: number[] = [];
  const shapeOf = new Int32Array(count).fill(-1);
  const stringsOf: string[][] = new Array(count);
  for (let i = 0; share && i < count; i++) {
    const value = record(i);
    const strings: string[] = [];
    const at = shapes.idOf(value, strings);
    if (at === undefined) continue;
    if (at === firsts.length) {
      firsts.push(value);
      members.push(0);
    }
    members[at] = (members[at] as number) + 1;
    shapeOf[i] = at;
    stringsOf[i] = strings;
  }
  // A shape shared by enough records is a template: a string every record of it has the same
  // stays in the template, the others are holes (found in one pass over the records, each
  // compared with the first of its shape).
  const varies: boolean[][] = firsts.map(() => []);
  const firstStrings: (string[] | undefined)[] = new Array(firsts.length);
  for (let i = 0; i < count; i++) {
    const at = shapeOf[i] as number;
    if (at < 0 || (members[at] as number) < MIN_SHARED) continue;
    const strings = stringsOf[i] as string[];
    const first = firstStrings[at];
    const seen = varies[at] as boolean[];
    if (!first) {
      firstStrings[at] = strings;
      for (let k = 0; k < strings.length; k++) seen.push(false);
    } else for (let k = 0; k < strings.length; k++) if (strings[k] !== first[k]) seen[k] = true;
  }
  const templateOf = new Int32Array(firsts.length).fill(-1);
  const holesOf: boolean[][] = [];
  const templates: unknown[] = [];
  for (let at = 0; at < firsts.length; at++) {
    if ((members[at] as number) < MIN_SHARED) continue;
    templateOf[at] = templates.length;
    holesOf.push(varies[at] as boolean[]);
    templates.push(withHoles(firsts[at], varies[at] as boolean[], { at: 0 }));
  }
  // The arrays: per record its template and the end of its holes, the holes, the strings.
  const template = new Int32Array(count).fill(-1);
  const holeEnds = new Int32Array(count);
  const holes: number[] = [];
  const index = new Map<string, number>();
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const shape = shapeOf[i] as number;
    const t = shape < 0 ? -1 : (templateOf[shape] as number);
    if (t >= 0) {
      template[i] = t;
      const varies = holesOf[t] as boolean[];
      const strings = stringsOf[i] as string[];
      for (let k = 0; k < strings.length; k++) {
        if (!varies[k]) continue;
        const s = strings[k] as string;
        let n = index.get(s);
        if (n === undefined) {
          n = texts.length;
          index.set(s, n);
          texts.push(s);
        }
        holes.push(n);
      }
    }
    holeEnds[i] = holes.length;
  }
  const stringEnds = new Int32Array(texts.length);
  let end = 0;
  for (let n = 0; n < texts.length; n++) {
    end += (texts[n] as string).length;
    stringEnds[n] = end;
  }
  arrays.add(template);
  arrays.add(holeEnds);
  arrays.add(Int32Array.from(holes));
  arrays.add(packUnits(texts.join('')));
  arrays.add(stringEnds);
  return { templates, templated: (i) => (template[i] as number) >= 0 };
}

/** `value` with the strings that vary (`varies`, in walk order) as holes, as JSON would read it. */
function withHoles(value: unknown, varies: readonly boolean[], next: { at: number }): unknown {
  if (typeof value === 'string') return varies[next.at++] ? HOLE : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withHoles(v, varies, next));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const x = (value as Record<string, unknown>)[key];
    if (!omitted(x)) out[key] = withHoles(x, varies, next);
  }
  return out;
}

// What a node of a template is to a fill (Plan.kind).
const A_HOLE = 0;
const A_CONSTANT = 1;
const AN_ARRAY = 2;
const AN_OBJECT = 3;

/**
 * A template as a fill walks it, made once per template: the keys of each object listed once (an
 * `Object.keys` per object of each record filled was 2.7 MB of a run with 10,000 terms). One class,
 * every field set in every node, so that the fill's reads of them stay of one shape.
 */
class Plan {
  constructor(
    readonly kind: number,
    /** A_CONSTANT's value. */
    readonly value: unknown,
    /** AN_OBJECT's keys, in order. */
    readonly keys: readonly string[],
    /** AN_ARRAY's items, AN_OBJECT's values (of `keys`). */
    readonly parts: readonly Plan[],
  ) {}
}

const NO_KEYS: readonly string[] = [];
const NO_PARTS: readonly Plan[] = [];

/** The plan of a template node; throws on a key `__proto__` (a fill would set a prototype with it). */
function planOf(node: unknown): Plan {
  if (node === HOLE) return new Plan(A_HOLE, undefined, NO_KEYS, NO_PARTS);
  if (node === null || typeof node !== 'object') return new Plan(A_CONSTANT, node, NO_KEYS, NO_PARTS);
  if (Array.isArray(node)) return new Plan(AN_ARRAY, undefined, NO_KEYS, node.map(planOf));
  const keys = Object.keys(node);
  if (keys.includes('__proto__')) throw corrupt('its templates are missing');
  return new Plan(
    AN_OBJECT,
    undefined,
    keys,
    keys.map((key) => planOf((node as Record<string, unknown>)[key])),
  );
}

/** The records of templates, read from the arrays `templatesOut` wrote (in its order). */
export class RecordTemplates implements RecordsElsewhere {
  private readonly units: Uint16Array;
  private readonly made: (string | undefined)[];

  private constructor(
    private readonly plans: readonly Plan[],
    private readonly template: Int32Array,
    private readonly holeEnds: Int32Array,
    private readonly holes: Int32Array,
    units: Int32Array,
    private readonly stringEnds: Int32Array,
  ) {
    this.units = unpackUnits(units);
    this.made = new Array(stringEnds.length);
  }

  /**
   * The templates of the JSON (`templates`) and their arrays, next in `arrays`, for `count`
   * records; throws when they do not line up (every index in range, every end in order).
   */
  static read(templates: unknown, count: number, arrays: ArraysIn): RecordTemplates {
    if (!Array.isArray(templates)) throw corrupt('its templates are missing');
    const plans = templates.map(planOf);
    const template = arrays.next();
    const holeEnds = arrays.next();
    const holes = arrays.next();
    const units = arrays.next();
    const stringEnds = arrays.next();
    const strings = stringEnds.length;
    const length = strings > 0 ? (stringEnds[strings - 1] as number) : 0;
    if (template.length !== count || holeEnds.length !== count || !packsUnits(units, length)) {
      throw corrupt('its templates do not line up');
    }
    for (let i = 0, last = 0; i < count; last = holeEnds[i++] as number) {
      const t = template[i] as number;
      const end = holeEnds[i] as number;
      if (t < -1 || t >= templates.length || end < last || (t < 0 && end !== last)) {
        throw corrupt('its templates do not line up');
      }
    }
    if (count > 0 && holeEnds[count - 1] !== holes.length) throw corrupt('its templates do not line up');
    for (let k = 0; k < holes.length; k++) {
      const n = holes[k] as number;
      if (!(n >= 0 && n < strings)) throw corrupt('its templates do not line up');
    }
    for (let n = 0, last = 0; n < strings; last = stringEnds[n++] as number) {
      if ((stringEnds[n] as number) < last) throw corrupt('its templates do not line up');
    }
    return new RecordTemplates(plans, template, holeEnds, holes, units, stringEnds);
  }

  /** Record `i` is in a template. */
  has(i: number): boolean {
    return (this.template[i] as number) >= 0;
  }

  /** Record `i`, as JSON.parse of its JSON gives it; throws when its holes are not its template's. */
  record(i: number): unknown {
    const fill = { at: i === 0 ? 0 : (this.holeEnds[i - 1] as number), end: this.holeEnds[i] as number, i };
    const value = this.fill(this.plans[this.template[i] as number] as Plan, fill);
    if (fill.at !== fill.end) throw corrupt(`record ${i} does not fill its template`);
    return value;
  }

  private fill(plan: Plan, holes: { at: number; end: number; i: number }): unknown {
    const kind = plan.kind;
    if (kind === A_HOLE) {
      if (holes.at >= holes.end) throw corrupt(`record ${holes.i} does not fill its template`);
      return this.string(this.holes[holes.at++] as number);
    }
    if (kind === A_CONSTANT) return plan.value;
    const parts = plan.parts;
    if (kind === AN_ARRAY) {
      const out: unknown[] = [];
      for (let k = 0; k < parts.length; k++) out.push(this.fill(parts[k] as Plan, holes));
      return out;
    }
    const keys = plan.keys;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) out[keys[k] as string] = this.fill(parts[k] as Plan, holes);
    return out;
  }

  /** String `n`, made once from its units. */
  private string(n: number): string {
    let s = this.made[n];
    if (s === undefined) {
      s = textOf(this.units, n === 0 ? 0 : (this.stringEnds[n - 1] as number), this.stringEnds[n] as number);
      this.made[n] = s;
    }
    return s;
  }
}

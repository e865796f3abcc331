// The shapes of records (serial-templates.ts): a record's shape is its JSON with every string a
// hole. A shape is told by the steps of a walk of the value (a constant: a number, a boolean, null;
// a mark for a string; an array's mark, its items and an end; an object's mark, each key and its
// value, and an end), each step following from the one before only, so two values have one shape
// exactly when their JSON is the same but for their strings. A record is walked once for a hash of
// its steps (and its strings) and once more against the steps of the shape of that hash, which are
// kept once per shape: nothing is made per record. (A text of each record's shape was 95 MB made
// for a termbase of 10,000 terms, a fifth of its first run's garbage; a tree of the steps made
// nothing for records of a shared shape, but a node per step after a number of a record's own, such
// as the index of each rule's context condition: 33 MB more at the peak for 10,000 such rules.)

/** Where a template has a hole: no string of a record of a template is this one. */
export const HOLE = '\u0000\u0001';

const STRING = Symbol('string');
const ARRAY = Symbol('array');
const OBJECT = Symbol('object');
const END = Symbol('end');

/** A value JSON leaves out of an object (and writes as null in an array). */
export function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** The shapes met so far, each with an id in the order first met. */
export class Shapes {
  private readonly byHash = new Map<number, { steps: unknown[]; id: number }[]>();
  private readonly keyIds = new Map<string, number>();
  private count = 0;

  /**
   * The id of `value`'s shape, its strings pushed to `strings` in the order a fill meets them;
   * undefined for a value that cannot be a template's (see serial-templates.ts), or whose JSON is
   * not plainly its own: a number that is not finite or is -0, something JSON writes as null in an
   * array, an object of a class or with `toJSON`. What is left reads back from JSON as it is, but
   * for the keys JSON leaves out.
   */
  idOf(value: unknown, strings: string[]): number | undefined {
    const hash = this.hash(value, strings, 0x811c9dc5);
    if (Number.isNaN(hash)) return undefined;
    let bucket = this.byHash.get(hash);
    if (bucket === undefined) {
      bucket = [];
      this.byHash.set(hash, bucket);
    }
    for (const shape of bucket) {
      cursor = 0;
      if (follows(value, shape.steps) && cursor === shape.steps.length) return shape.id;
    }
    const steps: unknown[] = [];
    stepsOf(value, steps);
    bucket.push({ steps, id: this.count });
    return this.count++;
  }

  /** FNV-1a of the steps (a key by an id of its own), or NaN for a value that cannot be a template's. */
  private hash(v: unknown, strings: string[], h: number): number {
    if (typeof v === 'string') {
      if (v === HOLE) return Number.NaN;
      strings.push(v);
      return mix(h, 1);
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) return Number.NaN;
      return mix(mix(h, 2), Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? v | 0 : this.keyId(String(v)));
    }
    if (v === null) return mix(h, 3);
    if (typeof v === 'boolean') return mix(h, v ? 4 : 5);
    if (typeof v !== 'object') return Number.NaN;
    if (Array.isArray(v)) {
      h = mix(h, 6);
      for (let k = 0; k < v.length; k++) {
        if (omitted(v[k])) return Number.NaN;
        h = this.hash(v[k], strings, h);
        if (Number.isNaN(h)) return h;
      }
      return mix(h, 8);
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (
      (proto !== Object.prototype && proto !== null) ||
      typeof (v as { toJSON?: unknown }).toJSON === 'function'
    ) {
      return Number.NaN;
    }
    h = mix(h, 7);
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      const x = (v as Record<string, unknown>)[key];
      if (omitted(x)) continue;
      if (key === '__proto__') return Number.NaN;
      h = this.hash(x, strings, mix(mix(h, 9), this.keyId(key)));
      if (Number.isNaN(h)) return h;
    }
    return mix(h, 8);
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
    }
    return id;
  }
}

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193);
}

/** Where `follows` is in the steps it compares with (one walk at a time). */
let cursor = 0;

/** Whether the walk of `v` (a value `Shapes.hash` took) gives `steps` from `cursor` on. */
function follows(v: unknown, steps: readonly unknown[]): boolean {
  if (typeof v === 'string') return steps[cursor++] === STRING;
  if (v === null || typeof v !== 'object') return steps[cursor++] === v;
  if (Array.isArray(v)) {
    if (steps[cursor++] !== ARRAY) return false;
    for (let k = 0; k < v.length; k++) if (!follows(v[k], steps)) return false;
    return steps[cursor++] === END;
  }
  if (steps[cursor++] !== OBJECT) return false;
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    const x = (v as Record<string, unknown>)[key];
    if (omitted(x)) continue;
    if (steps[cursor++] !== key || !follows(x, steps)) return false;
  }
  return steps[cursor++] === END;
}

/** The steps of the walk of `v` (a value `Shapes.hash` took), pushed to `out`. */
function stepsOf(v: unknown, out: unknown[]): void {
  if (typeof v === 'string') {
    out.push(STRING);
    return;
  }
  if (v === null || typeof v !== 'object') {
    out.push(v);
    return;
  }
  if (Array.isArray(v)) {
    out.push(ARRAY);
    for (let k = 0; k < v.length; k++) stepsOf(v[k], out);
    out.push(END);
    return;
  }
  out.push(OBJECT);
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    const x = (v as Record<string, unknown>)[key];
    if (omitted(x)) continue;
    out.push(key);
    stepsOf(x, out);
  }
  out.push(END);
}

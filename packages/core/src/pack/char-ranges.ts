// Sets of code points as sorted ranges, for the pattern check (pack/pattern-safety.ts): it asks
// whether what a repeat consumes can also start what follows it. Patterns run with the `u` flag
// and without `i` or `s` (engine/compile.ts), so `\w`, `\d`, `\s` and `.` have fixed sets here.
import type { CharacterClassElement, CharacterSet } from '@eslint-community/regexpp/ast';

/** `[lo0, hi0, lo1, hi1, ...]`: sorted, disjoint, inclusive. */
export type Ranges = readonly number[];

const MAX = 0x10ffff;
export const EMPTY: Ranges = [];

export function single(code: number): Ranges {
  return [code, code];
}

export function union(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalize([...a, ...b]);
}

/** Any list of `[lo, hi]` pairs, sorted and merged. */
function normalize(list: readonly number[]): Ranges {
  const pairs: [number, number][] = [];
  for (let i = 0; i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function complement(a: Ranges): Ranges {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= MAX) out.push(next, MAX);
  return out;
}

export function overlaps(a: Ranges, b: Ranges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

const DIGIT: Ranges = [0x30, 0x39];
const WORD: Ranges = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
// WhiteSpace and LineTerminator of ECMA-262.
const SPACE: Ranges = union(
  [0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029],
  [0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff],
);
const LINE_TERMINATORS: Ranges = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

export function characterSetRanges(set: CharacterSet): Ranges {
  let ranges: Ranges;
  switch (set.kind) {
    case 'any':
      return complement(LINE_TERMINATORS);
    case 'digit':
      ranges = DIGIT;
      break;
    case 'word':
      ranges = WORD;
      break;
    case 'space':
      ranges = SPACE;
      break;
    case 'property':
      ranges = propertyRanges(set.raw.replace(/^\\P/, '\\p'));
      break;
  }
  return set.negate ? complement(ranges) : ranges;
}

export function classElementRanges(element: CharacterClassElement): Ranges {
  switch (element.type) {
    case 'Character':
      return single(element.value);
    case 'CharacterClassRange':
      return [element.min.value, element.max.value];
    case 'CharacterSet':
      return characterSetRanges(element);
    default:
      // Set operations and string alternatives need the `v` flag, which patterns never get.
      return complement(EMPTY);
  }
}

const propertyCache = new Map<string, Ranges>();
let everyCodePoint: string | undefined;
/** Where the supplementary planes start in `everyCodePoint` (each takes two units there). */
const BMP_UNITS = 0x10000 - 0x800;

/**
 * The code points of a Unicode property escape, found by running it over a string of every code
 * point once (cached per escape): no table of Unicode properties to ship, and always the
 * properties of the engine that runs the pattern.
 */
function propertyRanges(property: string): Ranges {
  const cached = propertyCache.get(property);
  if (cached) return cached;
  everyCodePoint ??= buildEveryCodePoint();
  const out: number[] = [];
  for (const run of everyCodePoint.matchAll(new RegExp(`${property}+`, 'gu'))) {
    const lo = codePointAt(run.index);
    const hi = codePointAt(run.index + run[0].length - 1);
    out.push(lo, hi);
  }
  // Lone surrogates are code points a `u` pattern can meet; they cannot sit in the string above.
  const alone = new RegExp(`^${property}$`, 'u');
  for (let unit = 0xd800; unit <= 0xdfff; unit++) {
    if (alone.test(String.fromCharCode(unit))) out.push(unit, unit);
  }
  const ranges = normalize(out);
  propertyCache.set(property, ranges);
  return ranges;
}

function buildEveryCodePoint(): string {
  const parts: string[] = [];
  for (let start = 0; start <= MAX; start += 0x1000) {
    const codes: number[] = [];
    for (let code = start; code < start + 0x1000 && code <= MAX; code++) {
      if (code < 0xd800 || code > 0xdfff) codes.push(code);
    }
    parts.push(String.fromCodePoint(...codes));
  }
  return parts.join('');
}

/** The code point at a unit index of `everyCodePoint` (for a pair, at either of its units). */
function codePointAt(index: number): number {
  if (index < BMP_UNITS) return index < 0xd800 ? index : index + 0x800;
  return 0x10000 + Math.floor((index - BMP_UNITS) / 2);
}

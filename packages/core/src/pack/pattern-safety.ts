// The load-time check of a pack `pattern` (DESIGN: a pattern is checked for catastrophic
// backtracking). V8 runs patterns by backtracking, so a pattern that can match the same text in
// many ways can take exponential (`((?:a|a))*b`: 28 letters, 28 s) or polynomial (`\s*\s*x`,
// `\w+ diplomacy` searched over a long word) time. Rather than guess from a pattern's shape, the
// check accepts only patterns whose work at each position of the text is bounded by a number it
// computes from the pattern itself (the parse is @eslint-community/regexpp's):
// - a repeat without bound (`*`, `+`, `{n,}`) must be unambiguous: its body matches one way and
//   never the empty text, and what the body can start with is not what can come after the repeat,
//   so giving back an iteration never lets the rest match (`peripheral\s+diplomacy`, `[^。]+。`);
//   unless the rest of the pattern always matches, what the repeat consumes is also not what a
//   match can start with, so a failed search does not retry inside every run of it (`\w+ x`);
//   never inside a lookaround;
// - everything else is counted: alternatives add their ways (only those that can match the same
//   text: `(?:w0x|w1x|…)` has one way out), a sequence multiplies them, a bounded repeat `{n,m}`
//   unrolls, and at most MAX_STEPS steps may be tried at one position;
// - no backreference.
// So the cost of a search is linear in the text, with a constant set here, whatever the text; the
// bound is in steps, never in time, and runs (engine/patterns.ts) see at most 1,000 units at once.
// Some safe patterns are refused (`(?:a|ab)c` is fine, `(?:a|ab)+c` is not): the message says what
// to bound or separate. The check is linear in the pattern's length.
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element, Node, Pattern } from '@eslint-community/regexpp/ast';
import {
  characterSetRanges,
  classElementRanges,
  complement,
  EMPTY,
  overlaps,
  type Ranges,
  single,
  union,
} from './char-ranges.js';

export type PatternCheck =
  | { ok: true }
  | { ok: false; code: 'bad-pattern' | 'unsafe-pattern'; message: string };

/** The most steps a pattern may try at one position of the text. */
export const MAX_STEPS = 2000;
/** Counts saturate here, far above MAX_STEPS, so they never lose precision. */
const CAP = 1e12;

export function checkPatternSafety(pattern: string): PatternCheck {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    // V8 says `Invalid regular expression: /…/u: Unterminated group`: keep only the reason.
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/u: /s, '');
    return {
      ok: false,
      code: 'bad-pattern',
      message: `Invalid regular expression \`${pattern}\`: ${reason}`,
    };
  }
  const reason = findUnsafe(pattern);
  return reason === undefined
    ? { ok: true }
    : {
        ok: false,
        code: 'unsafe-pattern',
        message: `Pattern \`${pattern}\` may backtrack too much: ${reason}`,
      };
}

class Unsafe extends Error {}

/** What a node can match, whatever comes after it. */
interface Shape {
  /** The characters a non-empty match can start with. */
  first: Ranges;
  /** Every character it can consume. */
  all: Ranges;
  nullable: boolean;
  /** It can match the empty text with no assertion to pass. */
  alwaysEmpty: boolean;
}

/** What comes after a node: the characters it can start with, and whether it always matches. */
interface Tail {
  first: Ranges;
  alwaysMatches: boolean;
}

/**
 * Where a node is: inside a lookaround (no repeat without bound there), and in a lookbehind,
 * which V8 matches right to left, so the characters that follow a node there are those before it
 * (the counts then take no short cut from them).
 */
interface Place {
  inLookaround: boolean;
  backward: boolean;
}

const TOP: Place = { inLookaround: false, backward: false };

/** The work of a node at one entry: its ways out (each tries the rest) and its own steps. */
interface Cost {
  ways: number;
  steps: number;
}

function findUnsafe(source: string): string | undefined {
  const pattern = new RegExpParser().parsePattern(source, 0, source.length, { unicode: true });
  const checker = new Checker(pattern);
  try {
    const cost = checker.alternatives(pattern.alternatives, { first: EMPTY, alwaysMatches: true }, TOP);
    const steps = add(cost.steps, cost.ways);
    if (steps > MAX_STEPS) {
      return (
        `it can try more than ${MAX_STEPS.toLocaleString('en-US')} steps at one position of the text; ` +
        'bound its repeats more tightly, or list many words as phrases'
      );
    }
  } catch (error) {
    if (error instanceof Unsafe) return error.message;
    throw error;
  }
  return undefined;
}

class Checker {
  private readonly shapes = new Map<Node, Shape>();
  /** What a match of the whole pattern can start with. */
  private readonly start: Ranges;

  constructor(pattern: Pattern) {
    this.start = this.shapeOfAlternatives(pattern.alternatives).first;
  }

  alternatives(list: readonly Alternative[], tail: Tail, place: Place): Cost {
    const costs = list.map((alternative) => this.sequence(alternative.elements, tail, place));
    const steps = costs.reduce((sum, c) => add(sum, c.steps), list.length);
    if (place.backward || list.length === 1) {
      return { ways: costs.reduce((sum, c) => add(sum, c.ways), 0), steps };
    }
    // Two alternatives whose leading characters differ somewhere cannot both match at one
    // position: the ways out are those of the largest set that can (`(?:w0x|w1x|…)` has one).
    const prefixes = list.map((alternative) => this.literalPrefix(alternative.elements));
    let ways = 0;
    for (let a = 0; a < list.length; a++) {
      let together = costs[a]!.ways;
      for (let b = 0; b < list.length; b++) {
        if (b !== a && compatible(prefixes[a]!, prefixes[b]!)) together = add(together, costs[b]!.ways);
      }
      ways = Math.max(ways, together);
    }
    return { ways, steps };
  }

  /** The character sets an alternative starts with, up to its first element that is not one character. */
  private literalPrefix(elements: readonly Element[]): Ranges[] {
    const prefix: Ranges[] = [];
    for (const element of elements) {
      if (!isCharacter(element)) break;
      prefix.push(this.shape(element).first);
    }
    return prefix;
  }

  private sequence(elements: readonly Element[], tail: Tail, place: Place): Cost {
    // Right to left: each element's tail is what follows it.
    const costs: Cost[] = [];
    let after = tail;
    for (let i = elements.length - 1; i >= 0; i--) {
      const element = elements[i]!;
      costs.push(this.element(element, after, place));
      const shape = this.shape(element);
      after = {
        first: shape.nullable ? union(shape.first, after.first) : shape.first,
        alwaysMatches: shape.alwaysEmpty && after.alwaysMatches,
      };
    }
    // Left to right: each way out of an element tries everything after it.
    let ways = 1;
    let steps = 0;
    for (let i = costs.length - 1; i >= 0; i--) {
      steps = add(steps, mul(ways, costs[i]!.steps));
      ways = mul(ways, costs[i]!.ways);
    }
    return { ways, steps };
  }

  private element(element: Element, tail: Tail, place: Place): Cost {
    switch (element.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
        return { ways: 1, steps: 1 };
      case 'Group':
      case 'CapturingGroup':
        return this.alternatives(element.alternatives, tail, place);
      case 'Assertion': {
        if (element.kind !== 'lookahead' && element.kind !== 'lookbehind') return { ways: 1, steps: 1 };
        // Atomic: entered once per arrival, left at most once.
        const inside = { inLookaround: true, backward: element.kind === 'lookbehind' };
        const body = this.alternatives(element.alternatives, { first: EMPTY, alwaysMatches: true }, inside);
        return { ways: 1, steps: add(body.steps, body.ways) };
      }
      case 'Quantifier':
        return this.quantifier(element, tail, place);
      case 'Backreference':
        throw new Unsafe(`backreference \`${element.raw}\`: a pattern cannot refer back to what it matched`);
      default:
        throw new Unsafe(`\`${element.raw}\` is not supported in a pattern`);
    }
  }

  private quantifier(node: Extract<Element, { type: 'Quantifier' }>, tail: Tail, place: Place): Cost {
    const body = this.shape(node.element);
    // Another iteration, or what follows the repeat.
    const bodyTail: Tail =
      node.max > 1 ? { first: union(body.first, tail.first), alwaysMatches: tail.alwaysMatches } : tail;
    const inner = this.element(node.element, bodyTail, place);
    const exclusive =
      !place.backward && !body.nullable && inner.ways === 1 && !overlaps(body.first, tail.first);
    if (node.max === Number.POSITIVE_INFINITY) {
      this.checkUnbounded(node.raw, body, inner, tail, place.inLookaround);
      return { ways: 1, steps: add(inner.steps, 1) };
    }
    if (exclusive) return { ways: 1, steps: add(mul(node.max, inner.steps), node.max) };
    return unrolled(node.min, node.max, inner);
  }

  private checkUnbounded(raw: string, body: Shape, inner: Cost, tail: Tail, inLookaround: boolean): void {
    const bound = `bound it (\`{0,50}\`)`;
    if (inLookaround) throw new Unsafe(`\`${raw}\` repeats without bound inside a lookaround; ${bound}`);
    if (body.nullable) {
      throw new Unsafe(`\`${raw}\` repeats, without bound, a part that can match the empty text`);
    }
    if (inner.ways > 1) {
      throw new Unsafe(
        `\`${raw}\` repeats, without bound, a part that can match the same text in more than one way; ${bound}`,
      );
    }
    if (overlaps(body.first, tail.first)) {
      throw new Unsafe(
        `\`${raw}\` can give back characters that what follows it can also match, so a failed match ` +
          `retries every split; make the two exclude each other, or ${bound}`,
      );
    }
    if (!tail.alwaysMatches && overlaps(body.all, this.start)) {
      throw new Unsafe(
        `\`${raw}\` repeats characters that a match can start with, so a search retries inside every run ` +
          `of them; ${bound.replace('{0,50}', '{1,30}')}, or start the pattern with something it does not repeat`,
      );
    }
  }

  private shape(node: Element): Shape {
    const cached = this.shapes.get(node);
    if (cached) return cached;
    const shape = this.computeShape(node);
    this.shapes.set(node, shape);
    return shape;
  }

  private computeShape(node: Element): Shape {
    switch (node.type) {
      case 'Character':
        return consuming(single(node.value));
      case 'CharacterSet':
        return consuming(characterSetRanges(node));
      case 'CharacterClass': {
        let ranges: Ranges = EMPTY;
        for (const element of node.elements) ranges = union(ranges, classElementRanges(element));
        return consuming(node.negate ? complement(ranges) : ranges);
      }
      case 'Group':
      case 'CapturingGroup':
        return this.shapeOfAlternatives(node.alternatives);
      case 'Quantifier': {
        const body = this.shape(node.element);
        const optional = node.min === 0;
        return {
          first: body.first,
          all: body.all,
          nullable: optional || body.nullable,
          alwaysEmpty: optional || body.alwaysEmpty,
        };
      }
      default:
        // Assertions and backreferences consume nothing the analysis relies on.
        return { first: EMPTY, all: EMPTY, nullable: true, alwaysEmpty: false };
    }
  }

  private shapeOfAlternatives(list: readonly Alternative[]): Shape {
    const shape: Shape = { first: EMPTY, all: EMPTY, nullable: false, alwaysEmpty: false };
    for (const alternative of list) {
      const one = this.shapeOfSequence(alternative.elements);
      shape.first = union(shape.first, one.first);
      shape.all = union(shape.all, one.all);
      shape.nullable ||= one.nullable;
      shape.alwaysEmpty ||= one.alwaysEmpty;
    }
    return shape;
  }

  private shapeOfSequence(elements: readonly Element[]): Shape {
    const shape: Shape = { first: EMPTY, all: EMPTY, nullable: true, alwaysEmpty: true };
    for (const element of elements) {
      const one = this.shape(element);
      if (shape.nullable) shape.first = union(shape.first, one.first);
      shape.all = union(shape.all, one.all);
      shape.nullable &&= one.nullable;
      shape.alwaysEmpty &&= one.alwaysEmpty;
    }
    return shape;
  }
}

/** Whether one text can start with both prefixes. */
function compatible(a: readonly Ranges[], b: readonly Ranges[]): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (!overlaps(a[i]!, b[i]!)) return false;
  return true;
}

function isCharacter(element: Element): boolean {
  return element.type === 'Character' || element.type === 'CharacterSet' || element.type === 'CharacterClass';
}

function consuming(ranges: Ranges): Shape {
  return { first: ranges, all: ranges, nullable: false, alwaysEmpty: false };
}

/**
 * `{min,max}` of a body that can match in several ways: every count is tried. Past MAX_STEPS the
 * exact count does not matter, so a huge `max` stops there.
 */
function unrolled(min: number, max: number, body: Cost): Cost {
  let reached = 1;
  let ways = 0;
  let steps = 0;
  for (let count = 0; count <= max; count++) {
    if (count >= min) ways = add(ways, reached);
    if (count < max) {
      steps = add(steps, mul(reached, body.steps));
      reached = mul(reached, body.ways);
    }
    if (ways > MAX_STEPS || steps > MAX_STEPS) return { ways: CAP, steps: CAP };
  }
  return { ways, steps };
}

function add(a: number, b: number): number {
  return Math.min(CAP, a + b);
}

function mul(a: number, b: number): number {
  return Math.min(CAP, a * b);
}

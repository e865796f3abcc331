// Aligning two documents' segments when their structures differ (a release set's translation
// that merged, split, dropped or added a paragraph). Gale and Church's length-based method
// ("A Program for Aligning Sentences in Bilingual Corpora", Computational Linguistics 19(1),
// 1993): a segment's length in characters is proportional to its translation's, with a normal
// spread; dynamic programming finds the most probable sequence of beads (1-1, 1-0, 0-1, 2-1, 1-2,
// 2-2). The length ratio is the two documents' own (Chinese is about a third of English), and the
// search keeps to a band around the diagonal, so a long document costs its length, not its square.
import type { BilingualUnit, Segment } from '@nuance/core';

interface Checked {
  /** The segment's index in its document's list. */
  i: number;
  role: string;
  length: number;
}

/** Gale and Church's priors (the share of each bead in their hand-aligned sample). */
const BEADS: readonly { s: number; t: number; cost: number }[] = [
  { s: 1, t: 1, cost: -Math.log(0.89) },
  { s: 1, t: 0, cost: -Math.log(0.0099 / 2) },
  { s: 0, t: 1, cost: -Math.log(0.0099 / 2) },
  { s: 2, t: 1, cost: -Math.log(0.089 / 2) },
  { s: 1, t: 2, cost: -Math.log(0.089 / 2) },
  { s: 2, t: 2, cost: -Math.log(0.011) },
];

/**
 * The variance of a target length per source character. Gale and Church measured 6.8 for
 * European languages; over NTREX's 1,997 four-way aligned news sentences it is 1.7 (Korean or
 * English to Chinese), 2.1 (English to Korean) and 3.7 (Korean to English). 4 is above them all:
 * a length that is off counts a little less than it would with the true spread.
 */
const SPREAD = 4;
/** What a bead pays when it joins a heading with a paragraph or a cell. */
const ROLE_MISMATCH = 4;

function lengthOf(segment: Segment): number {
  let n = 0;
  for (const p of segment.pieces) if (!p.separator) n += p.text?.length ?? p.end - p.start;
  return n;
}

function checked(list: readonly Segment[]): Checked[] {
  const out: Checked[] = [];
  list.forEach((s, i) => {
    if (s.role !== 'context') out.push({ i, role: s.role ?? 'paragraph', length: lengthOf(s) });
  });
  return out;
}

/** -log of the chance that a normal deviate is at least |z| away from 0 (two tails). */
function tailCost(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  // erfc(x) as in Numerical Recipes (erfcc), kept in log form so that far tails do not underflow.
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  // At 0 the approximation is 3e-8 above 1: never below 0, which the search counts on.
  return Math.max(0, -(Math.log(t) - x * x + poly));
}

/**
 * The units of two documents' checked segments: segment i with segment i when both have the same
 * structure (the same sequence of roles), else Gale and Church's alignment, in which a segment
 * with no counterpart (a dropped or an added paragraph) joins the unit before it (or after it, at
 * the start), so that what it says is still checked against a neighbouring translation.
 */
export function alignSegments(
  source: readonly Segment[],
  target: readonly Segment[],
): readonly BilingualUnit[] {
  const again = sameOneToOne(source, target);
  if (again) return again;
  const a = checked(source);
  const b = checked(target);
  if (a.length === b.length && a.every((s, k) => s.role === b[k]?.role)) {
    const units = a.map((s, k) => ({ source: [s.i], target: [b[k]!.i] }));
    lastOneToOne = { source: source.map(roleOf), target: target.map(roleOf), units };
    return units;
  }
  if (a.length === 0 || b.length === 0) {
    return [{ source: a.map((s) => s.i), target: b.map((s) => s.i) }];
  }
  return unitsOf(beads(a, b), a, b);
}

/**
 * The last one-to-one alignment made, with the roles of the segments it was made of (`context`
 * for the ones no unit holds). Units are indices: two lists with the same roles, whatever their
 * texts, get the same ones. An editor aligns a release again at every edit, and an edit within a
 * paragraph changes no role: a 100 K release's 6,000 units, and a `Checked` object per segment,
 * were made again each time.
 */
let lastOneToOne: { source: string[]; target: string[]; units: readonly BilingualUnit[] } | undefined;

function roleOf(segment: Segment): string {
  return segment.role ?? 'paragraph';
}

/** The last one-to-one alignment's units when `source` and `target` have its roles, one by one. */
function sameOneToOne(
  source: readonly Segment[],
  target: readonly Segment[],
): readonly BilingualUnit[] | undefined {
  const last = lastOneToOne;
  if (!last || last.source.length !== source.length || last.target.length !== target.length) return undefined;
  for (let k = 0; k < source.length; k++)
    if (roleOf(source[k] as Segment) !== last.source[k]) return undefined;
  for (let k = 0; k < target.length; k++)
    if (roleOf(target[k] as Segment) !== last.target[k]) return undefined;
  return last.units;
}

interface Bead {
  s: number;
  t: number;
  /** Where the bead starts in each list. */
  i: number;
  j: number;
}

const ROLE_CODE: Readonly<Record<string, number>> = { heading: 1, paragraph: 2, cell: 3 };

function beads(a: readonly Checked[], b: readonly Checked[]): Bead[] {
  const n = a.length;
  const m = b.length;
  const la = Float64Array.from(a, (s) => s.length);
  const lb = Float64Array.from(b, (s) => s.length);
  const ra = Uint8Array.from(a, (s) => ROLE_CODE[s.role] ?? 0);
  const rb = Uint8Array.from(b, (s) => ROLE_CODE[s.role] ?? 0);
  let total1 = 0;
  let total2 = 0;
  for (const l of la) total1 += l;
  for (const l of lb) total2 += l;
  const ratio = (total2 + 1) / (total1 + 1);
  const lengthCost = (l1: number, l2: number): number => {
    if (l1 === 0 || l2 === 0) return 0;
    const mean = (l1 + l2 / ratio) / 2;
    return tailCost((l2 - ratio * l1) / Math.sqrt(ratio * SPREAD * Math.max(mean, 1)));
  };
  // The band: row i keeps the columns within `width` of the diagonal from (0, 0) to (n, m). A path
  // strays from it by at most the difference in segment counts (all of them added in one place),
  // plus what merges in one direction and splits in the other add up to.
  const width = Math.min(250, 20 + Math.abs(n - m) + Math.ceil(0.02 * Math.max(n, m)));
  const span = 2 * width + 1;
  const low = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) low[i] = Math.round((i * m) / n) - width;
  const cost = new Float64Array((n + 1) * span).fill(Number.POSITIVE_INFINITY);
  const back = new Uint8Array((n + 1) * span);
  const at = (i: number, j: number) => {
    const k = j - low[i]!;
    return k >= 0 && k < span ? i * span + k : -1;
  };
  cost[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    const from = Math.max(0, low[i]!);
    const to = Math.min(m, low[i]! + span - 1);
    for (let j = from; j <= to; j++) {
      if (i === 0 && j === 0) continue;
      let best = Number.POSITIVE_INFINITY;
      let choice = 0;
      for (let k = 0; k < BEADS.length; k++) {
        const bead = BEADS[k]!;
        if (bead.s > i || bead.t > j) continue;
        const prev = at(i - bead.s, j - bead.t);
        if (prev < 0) continue;
        // The length cost is never negative: a bead that cannot win without it is not weighed.
        const base = cost[prev]! + bead.cost;
        if (!(base < best)) continue;
        let l1 = 0;
        let l2 = 0;
        let role = 0;
        let mixed = false;
        for (let x = i - bead.s; x < i; x++) {
          l1 += la[x]!;
          if (role === 0) role = ra[x]!;
          else if (role !== ra[x]) mixed = true;
        }
        for (let y = j - bead.t; y < j; y++) {
          l2 += lb[y]!;
          if (role === 0) role = rb[y]!;
          else if (role !== rb[y]) mixed = true;
        }
        const c = base + lengthCost(l1, l2) + (mixed ? ROLE_MISMATCH : 0);
        if (c < best) {
          best = c;
          choice = k;
        }
      }
      const here = at(i, j);
      cost[here] = best;
      back[here] = choice;
    }
  }
  const out: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const bead = BEADS[back[at(i, j)]!]!;
    i -= bead.s;
    j -= bead.t;
    out.push({ s: bead.s, t: bead.t, i, j });
  }
  return out.reverse();
}

/**
 * How many beads on each side of an uncertain one (any but 1-1) join its unit. Lengths alone
 * cannot say which of two similar sentences a translation dropped, so the alignment can be off by
 * a segment or two around a drop: a unit wide enough to hold the true counterpart keeps a term
 * the translation does render from being reported missing.
 */
const REACH = 2;

/**
 * The most beads one unit takes. Uncertain beads close together chain their units; in documents
 * that are no translation of each other nearly every bead is uncertain, and one chained unit would
 * be the whole document (every finding carrying all of its source, a cost in the square of its
 * length). A translation's differences are a few segments wide.
 */
const MOST_BEADS = 12;

function unitsOf(list: readonly Bead[], a: readonly Checked[], b: readonly Checked[]): BilingualUnit[] {
  // The boundary before bead k stays only when no uncertain bead lies in [k - REACH, k + REACH - 1]
  // and neither bead beside it is one-sided (a segment with no counterpart joins its neighbour).
  const uncertain = list.map((bead) => bead.s !== 1 || bead.t !== 1);
  const units: { source: number[]; target: number[] }[] = [];
  let beadsInLast = 0;
  list.forEach((bead, k) => {
    // A one-sided bead joins a neighbour whatever the unit's size: a unit needs both sides.
    const oneSided = k > 0 && (bead.s === 0 || bead.t === 0 || list[k - 1]!.s === 0 || list[k - 1]!.t === 0);
    let join = false;
    for (let x = Math.max(0, k - REACH); !join && x < Math.min(list.length, k + REACH); x++)
      join = uncertain[x]!;
    const source = a.slice(bead.i, bead.i + bead.s).map((s) => s.i);
    const target = b.slice(bead.j, bead.j + bead.t).map((s) => s.i);
    const last = units.at(-1);
    if (last && (oneSided || (join && beadsInLast < MOST_BEADS))) {
      last.source.push(...source);
      last.target.push(...target);
      beadsInLast++;
    } else {
      units.push({ source, target });
      beadsInLast = 1;
    }
  });
  return units;
}

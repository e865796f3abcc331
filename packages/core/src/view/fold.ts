// The match view (DESIGN, Matching, steps 1-8) driven by one 64 K-entry table: what steps 1-4 make
// of each UTF-16 unit is computed once per process, the first time the unit is seen, and the
// whitespace and hyphen rules (steps 5-7) run on the table's character classes. It writes the view
// into buffers it keeps between calls, so scanning a segment allocates nothing.
//
// It gives exactly what the reference, buildView (normalize.ts), gives, with one exception it
// declines: a text holding a code point that NFKC may combine with the one before it (a combining
// mark, a conjoining Hangul jamo: `continuesChunk`). There every chunk of buildView is no longer
// one code point, and `fold` returns false so that the caller takes buildView. Such text is rare in
// the languages nuance reads (NFD exports); everything else takes the table.

import { DROPPED, HYPHEN, isSpace, SPACE } from './code-point.js';
import {
  CLASS,
  CONTINUER,
  DROP,
  entryOf,
  FLAG_SHIFT,
  flagsOf,
  HAN,
  LATIN,
  OTHER,
  otherEmission,
  SIMPLE,
  SPACE_CLASS,
  SYLLABLE,
  tableOf,
} from './fold-table.js';

// The table's entries, made the first time a folder asks (and the folder primed then).
let entriesMade: Int32Array | undefined;
function entriesOf(): Int32Array {
  if (!entriesMade) {
    entriesMade = tableOf();
    primeFolders();
  }
  return entriesMade;
}

// Text that takes every path of `fold` (runs of spaces, a line break, a hyphen between Latin
// letters and elsewhere, an invisible dropped, an expansion, a fullwidth letter, an astral code
// point), with nothing that loads the Traditional table.
const SAMPLE = 'Ab  c-d e -f\u00a0g\r\n\tx\u00ady \ufb01 \uff2b \u{1d400} x\u200by 1-2 \u20133';

/** Folds SAMPLE with and without a map, and a text it declines, before any real text: a path of
 *  `fold` that text first took after V8 had optimized it found no type feedback and threw the
 *  code away, 50-80 ms of compiling each time (three times in a first pass over the bench corpus). */
function primeFolders(): void {
  for (const map of [false, true]) {
    const folder = new ViewFolder(map);
    folder.fold(SAMPLE, 0, SAMPLE.length, 3);
    folder.fold(SAMPLE, 0, 5);
    folder.finish();
    folder.reset();
    folder.fold('e\u0301');
  }
}

/**
 * Builds match views into buffers it reuses: `units[0..length)` is the view, and with `map`,
 * `start[i]`/`end[i]` the range of the text that view unit i came from.
 */
export class ViewFolder {
  units = new Uint16Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  length = 0;
  // Steps 5-7: whitespace waiting for the code point after it, and a hyphen after a Latin letter
  // waiting to learn whether a Latin letter follows (then it is a space).
  private pending = false;
  private pendingStart = 0;
  private pendingEnd = 0;
  private hyphen = false;
  private hyphenStart = 0;
  private hyphenEnd = 0;
  /** Flags of the last code point emitted that was not whitespace (0 after a hyphen). */
  private last = 0;

  constructor(readonly map: boolean) {}

  /** Start a new view. */
  reset(): void {
    this.length = 0;
    this.pending = false;
    this.hyphen = false;
    this.last = 0;
  }

  /**
   * Start a new view that goes on after a unit of one unit with table entry `entry`, which a scan
   * read without folding (root-walk.ts, walkUnfolded): nothing waits, and the whitespace and hyphen
   * rules read that unit's flags.
   */
  resumeAfter(entry: number): void {
    this.reset();
    this.last = entry >>> FLAG_SHIFT;
  }

  /** Whether whitespace or a hyphen waits for what comes next. */
  get waiting(): boolean {
    return this.pending || this.hyphen;
  }

  /** Gives back buffers grown past `limit` units (by a huge segment), so they are not kept. */
  release(limit = 1 << 20): void {
    if (this.units.length <= limit) return;
    this.length = 0;
    this.units = new Uint16Array(256);
    if (this.map) {
      this.start = new Int32Array(256);
      this.end = new Int32Array(256);
    }
  }

  /** The view as a string (patterns run on it). */
  text(): string {
    // A phrase's view (most calls, when a termbase compiles) is one piece: no list to join.
    if (this.length <= 1024) {
      return String.fromCharCode.apply(null, this.units.subarray(0, this.length) as unknown as number[]);
    }
    const parts: string[] = [];
    for (let i = 0; i < this.length; i += 1024) {
      const part = this.units.subarray(i, Math.min(i + 1024, this.length));
      parts.push(String.fromCharCode.apply(null, part as unknown as number[]));
    }
    return parts.join('');
  }

  /**
   * Appends the view of `text[from, to)` as if it followed what was folded since `reset` directly;
   * map offsets are `text` offsets plus `offset`. False when the text holds a code point that
   * continues a chunk (see the top of this file): the view is then incomplete.
   */
  fold(text: string, from = 0, to = text.length, offset = 0): boolean {
    this.reserve(to - from);
    const entries = entriesOf();
    const map = this.map;
    let units = this.units;
    let start = this.start;
    let end = this.end;
    let n = this.length;
    let last = this.last;
    let hyphen = this.hyphen;
    let pending = this.pending;
    let pendingStart = this.pendingStart;
    let pendingEnd = this.pendingEnd;
    for (let i = from; i < to; i++) {
      // The common run: units of one unit each, no whitespace or hyphen waiting. Kept apart from
      // the rules below so that it compiles to a tight loop (most of every text is such runs).
      if (!pending && !hyphen) {
        let entry = 0;
        if (map) {
          for (; i < to; i++) {
            entry = entries[text.charCodeAt(i)] as number;
            if ((entry & CLASS) !== SIMPLE) break;
            units[n] = entry & 0xffff;
            start[n] = i + offset;
            end[n] = i + 1 + offset;
            n++;
            last = entry;
          }
        } else {
          for (; i < to; i++) {
            entry = entries[text.charCodeAt(i)] as number;
            if ((entry & CLASS) !== SIMPLE) break;
            units[n++] = entry & 0xffff;
            last = entry;
          }
        }
        // `last` held the entry: its flags are what the rules below read.
        if (last > 0xffff) last = last >>> FLAG_SHIFT;
        if (i >= to) break;
      }
      const unit = text.charCodeAt(i);
      let entry = entries[unit] as number;
      if (entry === 0) {
        entry = entryOf(unit);
        entries[unit] = entry;
      }
      const kind = entry & CLASS;
      // The common cases inline (emit() below is the whole rule): a unit of one unit, and whitespace.
      if (kind === SIMPLE && !hyphen) {
        const flags = entry >>> FLAG_SHIFT;
        if (pending) {
          pending = false;
          if ((last & flags & (HAN | SYLLABLE)) === 0) {
            units[n] = SPACE;
            if (map) {
              start[n] = pendingStart;
              end[n] = pendingEnd;
            }
            n++;
          }
        }
        units[n] = entry & 0xffff;
        if (map) {
          start[n] = i + offset;
          end[n] = i + 1 + offset;
        }
        n++;
        last = flags;
        continue;
      }
      if (kind === SPACE_CLASS && !hyphen) {
        if (!pending) {
          pending = true;
          pendingStart = i + offset;
        }
        pendingEnd = i + 1 + offset;
        continue;
      }
      if (kind === DROP) continue;
      if (kind === CONTINUER) return false;
      this.length = n;
      this.last = last;
      this.hyphen = hyphen;
      this.pending = pending;
      this.pendingStart = pendingStart;
      this.pendingEnd = pendingEnd;
      if (kind !== OTHER) {
        this.emit(entry & 0xffff, entry >>> FLAG_SHIFT, i + offset, i + 1 + offset);
      } else {
        let cp = unit;
        let width = 1;
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
            width = 2;
          }
        }
        const emitted = otherEmission(cp);
        if (emitted === CONTINUER) return false;
        if (emitted !== DROPPED) {
          for (const c of emitted) this.emit(c, flagsOf(c), i + offset, i + width + offset);
        }
        i += width - 1;
      }
      // emit() may have grown the buffers, and the fast path above needs two units per unit.
      this.reserve(to - i);
      units = this.units;
      start = this.start;
      end = this.end;
      n = this.length;
      last = this.last;
      hyphen = this.hyphen;
      pending = this.pending;
      pendingStart = this.pendingStart;
      pendingEnd = this.pendingEnd;
    }
    this.length = n;
    this.last = last;
    this.hyphen = hyphen;
    this.pending = pending;
    this.pendingStart = pendingStart;
    this.pendingEnd = pendingEnd;
    return true;
  }

  /** Room for two view units per text unit of `count` more, plus what finish() may add. */
  private reserve(count: number): void {
    const needed = this.length + count * 2 + 4;
    if (this.units.length < needed) this.grow(Math.max(needed, this.units.length * 2));
  }

  /** Ends the view: a hyphen or whitespace still waiting is emitted as it is. */
  finish(): void {
    if (this.hyphen) this.push(HYPHEN, this.hyphenStart, this.hyphenEnd);
    if (this.pending) this.push(SPACE, this.pendingStart, this.pendingEnd);
    this.hyphen = false;
    this.pending = false;
  }

  /** Steps 5-7 for one code point coming out of steps 1-4 (normalize.ts, SpaceFolder). */
  private emit(cp: number, flags: number, from: number, to: number): void {
    if (this.hyphen) {
      this.hyphen = false;
      this.push((flags & LATIN) !== 0 ? SPACE : HYPHEN, this.hyphenStart, this.hyphenEnd);
      this.last = 0;
    }
    if (cp === HYPHEN && !this.pending && (this.last & LATIN) !== 0) {
      this.hyphen = true;
      this.hyphenStart = from;
      this.hyphenEnd = to;
      return;
    }
    if (isSpace(cp)) {
      if (!this.pending) {
        this.pending = true;
        this.pendingStart = from;
      }
      this.pendingEnd = to;
      return;
    }
    if (this.pending) {
      this.pending = false;
      const joined = (this.last & flags & (HAN | SYLLABLE)) !== 0;
      if (!joined) this.push(SPACE, this.pendingStart, this.pendingEnd);
    }
    if (cp > 0xffff) {
      this.push(0xd800 + ((cp - 0x10000) >> 10), from, to);
      this.push(0xdc00 + ((cp - 0x10000) & 0x3ff), from, to);
    } else {
      this.push(cp, from, to);
    }
    this.last = flags;
  }

  private push(unit: number, from: number, to: number): void {
    if (this.length >= this.units.length) this.grow(this.length * 2 + 16);
    this.units[this.length] = unit;
    if (this.map) {
      this.start[this.length] = from;
      this.end[this.length] = to;
    }
    this.length++;
  }

  private grow(capacity: number): void {
    const units = new Uint16Array(capacity);
    units.set(this.units.subarray(0, this.length));
    this.units = units;
    if (this.map) {
      const start = new Int32Array(capacity);
      const end = new Int32Array(capacity);
      start.set(this.start.subarray(0, this.length));
      end.set(this.end.subarray(0, this.length));
      this.start = start;
      this.end = end;
    }
  }
}

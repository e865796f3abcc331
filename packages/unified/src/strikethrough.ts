// GFM strikethrough in a plain block's paragraph, as micromark-extension-gfm-strikethrough resolves
// it (remark-gfm's default: one or two tildes), so that the plain path keeps such paragraphs: Korean
// speeches write ranges as `3~7%`, and two of them in a paragraph are a strikethrough pair
// (`6~7%에 ... 2~3%`), whose tildes are markup, not prose. Only the prose matters here: a pair's
// tildes leave it, what they enclose stays.
import type { SegmentPiece } from '@nuance/core';
import { classOf, proseOf, withoutRuns } from './delimiter-runs.js';

const TILDES = /~+/g;

interface Run {
  start: number;
  end: number;
  open: boolean;
  close: boolean;
  /** A sequence of a pair, data (text), or not resolved yet. */
  state: 'temporary' | 'sequence' | 'data';
}

/** The runs of one or two tildes that may open or close (longer runs are text). */
function runsOf(prose: string): Run[] {
  const runs: Run[] = [];
  TILDES.lastIndex = 0;
  for (let m = TILDES.exec(prose); m; m = TILDES.exec(prose)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end - start > 2) continue;
    const before = classOf(start > 0 ? prose.charCodeAt(start - 1) : Number.NaN);
    const after = classOf(prose.charCodeAt(end));
    runs.push({
      start,
      end,
      open: !after || (after === 2 && before !== 0),
      close: !before || (before === 2 && after !== 0),
      state: 'temporary',
    });
  }
  return runs;
}

/**
 * resolveAllStrikethrough over `runs[from, to)`: each closer, in order, pairs with the nearest
 * earlier opener of its size still unresolved; the runs between a pair are resolved among
 * themselves (the extension's `insideSpan`), and what is left unpaired is text.
 */
function resolve(runs: Run[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const closer = runs[i] as Run;
    if (closer.state !== 'temporary' || !closer.close) continue;
    for (let j = i - 1; j >= from; j--) {
      const opener = runs[j] as Run;
      if (opener.state !== 'temporary' || !opener.open) continue;
      if (opener.end - opener.start !== closer.end - closer.start) continue;
      opener.state = 'sequence';
      closer.state = 'sequence';
      resolve(runs, j + 1, i);
      break;
    }
  }
  for (let k = from; k < to; k++) {
    const run = runs[k] as Run;
    if (run.state === 'temporary') run.state = 'data';
  }
}

/**
 * The pieces of a paragraph (plain source ranges, in order) without the tildes of its strikethrough
 * pairs; the same array when it has none. Callers ask only of a block that holds a tilde.
 */
export function withoutStrikethrough(source: string, pieces: SegmentPiece[]): SegmentPiece[] {
  const prose = proseOf(source, pieces);
  if (!prose.includes('~')) return pieces;
  const runs = runsOf(prose);
  resolve(runs, 0, runs.length);
  const cuts = runs.filter((run) => run.state === 'sequence');
  if (cuts.length === 0) return pieces;
  return withoutRuns(pieces, cuts);
}

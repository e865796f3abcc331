// Emphasis and strong emphasis with asterisks (`*should*`, `**bold**`) in a plain block, resolved
// as micromark resolves attention, so that the plain path keeps such blocks: statements bold a
// party or a phrase in most paragraphs (`**Kuwait calls on Iraq**`, `**Mr President,**`,
// `**한국**은`) and italicize quotations, and each went to remark. Only the prose matters here: the
// asterisks of a pair leave it, what they enclose stays.
//
// Only blocks whose runs of asterisks all have one length, one or two, are taken (runs of one and
// two together, or of three, split into emphasis and strong in ways left to remark), with no
// underscore beside a run (it makes a run open or close whatever its neighbours) and no tilde in
// the block (strikethrough resolves what it encloses apart). Then each pair consumes both runs
// whole: micromark pairs each run that may close with the nearest earlier run still open, and the
// rule of three never applies to two runs of one or of two.
import type { SegmentPiece } from '@nuance/core';
import { classOf, proseOf, withoutRuns } from './delimiter-runs.js';

const ASTERISKS = /\*+/g;
const UNDERSCORE = 0x5f;

/**
 * How a block's asterisks are read here: 0 when it holds at most one run (text, as before); the
 * length of its runs, 1 (emphasis) or 2 (strong emphasis), when they all have that one, none is
 * beside an underscore and the block holds no tilde; undefined when they are left to remark.
 */
export function asteriskRuns(source: string): 0 | 1 | 2 | undefined {
  const runs: Array<[number, number]> = [];
  ASTERISKS.lastIndex = 0;
  for (let m = ASTERISKS.exec(source); m; m = ASTERISKS.exec(source)) runs.push([m.index, m[0].length]);
  if (runs.length <= 1) return 0;
  const size = (runs[0] as [number, number])[1];
  if (size > 2 || source.includes('~')) return undefined;
  for (const [start, length] of runs) {
    const beside =
      source.charCodeAt(start - 1) === UNDERSCORE || source.charCodeAt(start + length) === UNDERSCORE;
    if (length !== size || beside) return undefined;
  }
  return size as 1 | 2;
}

interface Run {
  start: number;
  open: boolean;
  close: boolean;
  paired: boolean;
}

/**
 * The pieces of a paragraph or heading (plain source ranges, in order) without the runs of its
 * emphasis pairs, runs of `size` asterisks (`asteriskRuns`); the same array when it has none.
 */
export function withoutEmphasis(source: string, pieces: SegmentPiece[], size: 1 | 2): SegmentPiece[] {
  const prose = proseOf(source, pieces);
  const runs: Run[] = [];
  ASTERISKS.lastIndex = 0;
  for (let m = ASTERISKS.exec(prose); m; m = ASTERISKS.exec(prose)) {
    const start = m.index;
    const before = classOf(start > 0 ? prose.charCodeAt(start - 1) : Number.NaN);
    const after = classOf(prose.charCodeAt(start + size));
    runs.push({
      start,
      open: !after || (after === 2 && before !== 0),
      close: !before || (before === 2 && after !== 0),
      paired: false,
    });
  }
  // A run that may close takes the nearest earlier run still open; else, if it may open, it waits.
  const open: Run[] = [];
  for (const run of runs) {
    const opener = run.close ? open.pop() : undefined;
    if (opener) {
      opener.paired = true;
      run.paired = true;
    } else if (run.open) open.push(run);
  }
  const cuts = runs.filter((run) => run.paired);
  if (cuts.length === 0) return pieces;
  return withoutRuns(
    pieces,
    cuts.map((run) => ({ start: run.start, end: run.start + size })),
  );
}

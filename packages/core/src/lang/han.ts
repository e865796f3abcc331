// Han candidates: the start must be a word boundary per ICU's dictionary word segmentation.

import { codePointAt, codePointBefore, cpLength } from './script.js';

// Context on each side of the candidate start. Dictionary words are far shorter than 16
// characters, so the cut edge of the window never changes the segmentation at `start`.
const CONTEXT_CODE_POINTS = 16;

let segmenter: Intl.Segmenter | undefined;

function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** Sentence ends, line ends and separators: the window never reaches across one. */
function isClip(cp: number): boolean {
  return (
    cp === 0x3002 || // 。
    cp === 0xff01 || // ！
    cp === 0xff1f || // ？
    cp === 0xff1b || // ；
    cp === 0x0a ||
    cp === 0x0d ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0xfffc
  );
}

/**
 * Whether a Han candidate starting at `start` starts a word. Segmenting a whole segment is
 * quadratic on Node 20, so only a window of at most 16 code points either side is segmented,
 * clipped at 。！？；, line ends and U+FFFC. The window's first position is always a boundary,
 * which is right only when `start` sits at a clip point or the text start; otherwise the
 * window begins before `start`.
 */
export function hanStartOk(prose: string, start: number): boolean {
  if (start <= 0) return true;
  if (start >= prose.length) return false;
  const cur = prose.charCodeAt(start);
  if (cur >= 0xdc00 && cur <= 0xdfff) return false; // inside a surrogate pair

  let from = start;
  for (let n = 0; n < CONTEXT_CODE_POINTS; n++) {
    const cp = codePointBefore(prose, from);
    if (cp < 0 || isClip(cp)) break;
    from -= cpLength(cp);
  }
  if (from === start) return true;

  let to = start;
  for (let n = 0; n < CONTEXT_CODE_POINTS; n++) {
    const cp = codePointAt(prose, to);
    if (cp < 0 || isClip(cp)) break;
    to += cpLength(cp);
  }

  const offset = start - from;
  const containing = wordSegmenter().segment(prose.slice(from, to)).containing(offset);
  return containing !== undefined && containing.index === offset;
}

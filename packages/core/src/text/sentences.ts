// Sentence spans for `sentence` scopes and `unless` (DESIGN: Matching). Hand-written and linear:
// Intl.Segmenter is quadratic on long CJK text in Node 20, and English splitters get CJK wrong.
//
// Choices:
// - Spans tile the text: whitespace after a sentence belongs to it, so every offset of a
//   non-empty text lies in exactly one span and the spans run from 0 to text.length.
// - 。｡！？!?…⋯‼⁇⁈⁉ end a sentence wherever they are, as does a run of them ("?!", "……"),
//   except that an ASCII ! or ? directly followed by an ASCII letter or digit does not
//   ("Yahoo!Japan", "page?id=2"). Closing quotes and brackets after them stay with the sentence.
// - A `.` (or a run of them) ends a sentence only when followed, after any closers, by whitespace
//   and then, after any opening quotes or brackets, a capital, a digit or a Han, Hangul or kana
//   character. So "3.5" and "example.com" never split, "협력합니다. 한국은" does.
// - Abbreviations never end a sentence, even before a capital: "in the U.S. The talks" is one
//   sentence. Telling a sentence end from a name after "U.S." needs more than a splitter knows,
//   and a missed split only widens a scope.
// - U+FFFC (a separator) is ordinary text: neither whitespace nor a capital.
import { isJsSpace } from './js-space.js';

export interface SentenceSpan {
  start: number;
  end: number;
}

const TERMINATORS = new Set([...'。｡！？!?…⋯‼⁇⁈⁉'].map((c) => c.charCodeAt(0)));
const CLOSERS = new Set([...'”’"\')]}»›］）｝」』》〉】〕〗〙〛｣〞〟＂＇'].map((c) => c.charCodeAt(0)));
const OPENERS = new Set([...'“‘"\'([{«‹［（｛「『《〈【〔〖〘〚｢〝＂＇'].map((c) => c.charCodeAt(0)));
const ABBREVIATIONS = new Set([
  'U.S',
  'U.K',
  'U.N',
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
  'No',
  'St',
  'Jr',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'Gen',
  'Gov',
  'Sen',
  'Rep',
  'Prof',
  'E.g',
  'I.e',
  'Etc',
  'Vs',
]);
const LONGEST_ABBREVIATION = 4;
const SENTENCE_START =
  /^[\p{Lu}\p{Lt}\p{Nd}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

// What the loop below asks of every unit, from one table: whether it is a terminator or a `.`.
// A Set lookup per unit made splitting the paragraphs a rule needed a tenth of linting a corpus
// with the built-in pack.
const TERMINATOR = 1;
const DOT = 2;
const UNIT_CLASS = new Uint8Array(0x10000);
for (const c of TERMINATORS) UNIT_CLASS[c] = TERMINATOR;
UNIT_CLASS[0x2e] = DOT;

/** Sentence spans of one segment's prose, [start, end) in UTF-16 units, tiling the text in order. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Most units end nothing: skipped in a loop of their own.
    while (i < n && UNIT_CLASS[text.charCodeAt(i)] === 0) i++;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    let end = -1;
    if (UNIT_CLASS[c] === TERMINATOR) {
      const runEnd = skipWhile(text, i + 1, (u) => TERMINATORS.has(u));
      const j = skipWhile(text, runEnd, (u) => CLOSERS.has(u));
      const last = text.charCodeAt(runEnd - 1);
      // Every read below the text's end: a read past it (NaN) threw the optimized loop away.
      if (!((last === 0x21 || last === 0x3f) && j < n && isAsciiAlnum(text.charCodeAt(j)))) end = j;
      i = j;
    } else {
      let j = skipWhile(text, i + 1, (u) => u === 0x2e);
      const single = j === i + 1;
      j = skipWhile(text, j, (u) => CLOSERS.has(u));
      if (endsAtDot(text, i, j, single)) end = j;
      i = j;
    }
    if (end === -1 || end >= text.length) continue;
    const next = skipWhile(text, end, isJsSpace);
    if (next >= text.length) break;
    spans.push({ start, end: next });
    start = next;
    i = next;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

// The dot run starts at `dot`; `after` is past the run and its closers.
function endsAtDot(text: string, dot: number, after: number, single: boolean): boolean {
  if (after >= text.length || !isJsSpace(text.charCodeAt(after))) return false;
  let k = skipWhile(text, after, isJsSpace);
  k = skipWhile(text, k, (u) => OPENERS.has(u));
  if (k >= text.length) return false;
  const cp = text.codePointAt(k) as number;
  if (!startsSentence(cp)) return false;
  return !(single && isAbbreviation(text, dot));
}

/** SENTENCE_START of a code point; ASCII, common Han and Hangul syllables without the expression. */
function startsSentence(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3)) return true;
  return SENTENCE_START.test(String.fromCodePoint(cp));
}

// Whether the word before the dot at `dot` is a listed abbreviation; looks back a bounded distance.
function isAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && dot - k <= LONGEST_ABBREVIATION && !isJsSpace(text.charCodeAt(k - 1))) {
    const word = text.slice(k - 1, dot);
    const before = k - 2 >= 0 ? text.charCodeAt(k - 2) : -1;
    if (ABBREVIATIONS.has(word) && (before === -1 || isJsSpace(before) || OPENERS.has(before))) return true;
    k--;
  }
  return false;
}

function skipWhile(text: string, from: number, accept: (unit: number) => boolean): number {
  let k = from;
  while (k < text.length && accept(text.charCodeAt(k))) k++;
  return k;
}

function isAsciiAlnum(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

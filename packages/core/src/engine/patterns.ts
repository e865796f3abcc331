// Runs a pack `pattern` with bounded input (DESIGN: Rule packs). Load-time checks reject the
// patterns that backtrack exponentially (pack/pattern-safety.ts), but a polynomial one such as
// `\w+ diplomacy` is still quadratic in the text it runs over: over a 200 KB paragraph with no
// space it took 42 s. So a pattern never sees more than WINDOW units at once, whatever the
// paragraph, and its cost grows linearly with the paragraph. The bound is in text units, never
// in time, so findings do not depend on the machine.
//
// Windows: window k owns the match starts in [own_k, own_k + STRIDE) and sees WINDOW units of
// text from CONTEXT units before `own_k` (the last window owns everything up to the end of the
// text). The search resumes after the last reported match, as a run over the whole text does,
// and a match is reported by the window that owns its start, so it is reported once. Every
// position where a match may start is thus tried with at least CONTEXT units before it (for
// lookbehind and `\b`) and WINDOW - CONTEXT - STRIDE = 500 units after it: a pattern whose
// matches (lookahead included) reach at most 500 units from their start finds exactly what one run
// over the whole text finds; a longer match may be cut or missed. Window edges never split a
// surrogate pair.

const WINDOW = 1000;
const CONTEXT = 100;
const STRIDE = 400;

/** Calls `found` with the [start, end) of every non-empty match of `regex` (flags `gu`). */
export function forEachPatternMatch(
  regex: RegExp,
  text: string,
  found: (start: number, end: number) => void,
): void {
  // Where the search resumes: the end of the last reported match.
  let resume = 0;
  let own = 0;
  while (own < text.length) {
    const start = pairStart(text, Math.max(0, own - CONTEXT));
    const end = pairStart(text, Math.min(text.length, start + WINDOW));
    const ownEnd = end === text.length ? end : pairStart(text, own + STRIDE);
    if (resume < ownEnd) {
      const slice = text.slice(start, end);
      regex.lastIndex = Math.max(resume, own) - start;
      for (let m = regex.exec(slice); m !== null; m = regex.exec(slice)) {
        const at = start + m.index;
        if (at >= ownEnd) break;
        if (m[0].length === 0) {
          // Step over a whole code point: with the `u` flag, a lastIndex inside a surrogate pair
          // matches again at the pair's start, and a pattern that can match empty never ends.
          regex.lastIndex = m.index + ((slice.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
          continue;
        }
        resume = at + m[0].length;
        found(at, resume);
      }
    }
    own = ownEnd;
  }
}

/** `i`, or the unit before it when `i` would split a surrogate pair. */
function pairStart(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
    const before = text.charCodeAt(i - 1);
    if (before >= 0xd800 && before <= 0xdbff) return i - 1;
  }
  return i;
}

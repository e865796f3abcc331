// The part of a text an edit changed: common prefix and suffix trimmed, never splitting a
// surrogate pair. One home for every "what changed" question (an editor's re-split after an
// edit, a config file's minimal write-back).

export interface Replacement {
  /** UTF-16 offsets in the old text. */
  start: number;
  end: number;
  /** What replaces old[start, end) to give the new text. */
  text: string;
}

/** The smallest single replacement turning `before` into `after`. */
export function minimalReplacement(before: string, after: string): Replacement {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s))
    s++;
  if (p > 0 && isLowSurrogate(before.charCodeAt(p))) p--;
  if (s > 0 && isLowSurrogate(before.charCodeAt(before.length - s))) s--;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

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

// The last answer: an editor's keystroke asks it twice of the same two texts (the block model's
// re-split, then the kept findings), each time comparing and slicing the whole draft.
let last: { before: string; after: string; replacement: Replacement } | undefined;

/** The smallest single replacement turning `before` into `after`. */
export function minimalReplacement(before: string, after: string): Replacement {
  if (last !== undefined && last.before === before && last.after === after) return { ...last.replacement };
  const replacement = computeReplacement(before, after);
  last = { before, after, replacement };
  return { ...replacement };
}

function computeReplacement(before: string, after: string): Replacement {
  const max = Math.min(before.length, after.length);
  // Chunks compared natively first: an editor asks this of a long draft at every keystroke, and
  // a loop of charCodeAt over a freshly concatenated text took a millisecond per 100 K.
  let p = 0;
  while (p + CHUNK <= max && before.slice(p, p + CHUNK) === after.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  const [b, a] = [before.length, after.length];
  while (s + CHUNK <= max - p && before.slice(b - s - CHUNK, b - s) === after.slice(a - s - CHUNK, a - s))
    s += CHUNK;
  while (s < max - p && before.charCodeAt(b - 1 - s) === after.charCodeAt(a - 1 - s)) s++;
  if (p > 0 && isLowSurrogate(before.charCodeAt(p))) p--;
  if (s > 0 && isLowSurrogate(before.charCodeAt(b - s))) s--;
  return { start: p, end: b - s, text: after.slice(p, a - s) };
}

const CHUNK = 256;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

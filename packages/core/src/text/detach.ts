// Strings kept from one lint to the next, apart from the text they were cut from.

/** Below this length V8 copies a slice; from it on, a slice is a view of the string it was cut from. */
const SLICE_VIEW_LENGTH = 13;

/**
 * `text` as a string of its own, for one that outlives the text it was cut from: a cache key, a
 * finding's flagged text, a licensing mention's text, a suggestion's replaced text. V8 keeps a slice of 13 units or more as a view of its
 * whole source, so such a string kept across an editor's edits kept every version of the document
 * it was cut from alive: in the language server, about 100 KB more heap per keystroke in a 100 K
 * English draft. The slice of a string one unit longer, made by joining, is a view of that string
 * only. Any engine gives the same text back.
 */
export function detached(text: string): string {
  return text.length < SLICE_VIEW_LENGTH ? text : ` ${text}`.slice(1);
}

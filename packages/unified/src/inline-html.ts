// Raw HTML in a plain block (plain-block.ts), read as micromark reads it (CommonMark's raw HTML):
// an open or a closing tag on one line is an `html` node, which adds no piece (the text on either
// side is prose: markdown-segments.ts), so the plain path leaves it out the same way. A `<` that
// opens no tag, even across lines, nor an autolink, is text (`<Made 人(인) Korea>`: an attribute
// name cannot start with 人). Anything else at a `<` (a comment, a processing instruction, a
// declaration or CDATA after `<!` or `<?`, a tag that goes on past its line, an autolink) leaves
// the block to remark, and so does a tag holding a character the rest of the plain path reads
// (emphasis, code, escapes, brackets, references).

import type { InlineRange } from './inline-ranges.js';

/** A tag, with the whitespace it allows between its parts. */
function tagPattern(space: string, quoted: string): RegExp {
  const name = '[A-Za-z][A-Za-z0-9-]*';
  const value = `(?:[^ \\t\\r\\n"'=<>\`]+|'[^'${quoted}]*'|"[^"${quoted}]*")`;
  const attribute = `${space}+[A-Za-z_:][A-Za-z0-9_.:-]*(?:${space}*=${space}*${value})?`;
  return new RegExp(`<(?:${name}(?:${attribute})*${space}*/?>|/${name}${space}*>)`, 'y');
}

/** A tag on one line. */
const TAG = tagPattern('[ \\t]', '\\r\\n');
/** A tag whose whitespace and quoted values may hold line endings (micromark allows them). */
const TAG_ACROSS_LINES = tagPattern('[ \\t\\r\\n]', '');
// A URI autolink (`<mailto:x>`); an email autolink needs an `@`, which the plain path refuses.
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\u0000-\u0020<>]*>/y;
const OPENS = /<[A-Za-z/!?]/g;
// What the plain path reads elsewhere (emphasis, strikethrough, code, escapes, links, references):
// inside a tag it is not syntax, which those readers would not know.
const READ_ELSEWHERE = /[*_~`\\[\]&]/;

/**
 * The tags of a block's inline text, in order; undefined when some `<` is, or may be, raw HTML or
 * an autolink the plain path does not read. A tag at a line's start is the caller's to refuse (it
 * may start an HTML block).
 */
export function inlineTags(source: string): InlineRange[] | undefined {
  const tags: InlineRange[] = [];
  OPENS.lastIndex = 0;
  for (let m = OPENS.exec(source); m; m = OPENS.exec(source)) {
    const at = m.index;
    const next = source.charCodeAt(at + 1);
    if (next === 0x21 || next === 0x3f) return undefined;
    AUTOLINK.lastIndex = at;
    if (AUTOLINK.test(source)) return undefined;
    TAG.lastIndex = at;
    const tag = TAG.exec(source);
    if (tag) {
      if (READ_ELSEWHERE.test(tag[0])) return undefined;
      tags.push({ start: at, end: at + tag[0].length, separator: false });
      OPENS.lastIndex = at + tag[0].length;
      continue;
    }
    TAG_ACROSS_LINES.lastIndex = at;
    if (TAG_ACROSS_LINES.test(source)) return undefined;
  }
  return tags;
}

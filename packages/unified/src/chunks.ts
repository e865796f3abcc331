// Top-level chunks of a Markdown document that parse alone exactly as they parse in the whole
// document, so that only the chunks that can hold a candidate match are parsed at all (DESIGN,
// Performance budget: blocks without a candidate skip the parse). Anything that can make one
// chunk's parse depend on another (fenced code, link and footnote definitions, multi-chunk HTML
// blocks, directives) makes the whole document fall back to one full parse.

export interface Chunk {
  start: number;
  end: number;
  /** Front matter: never prose, never parsed. */
  frontMatter?: boolean;
}

const FENCE = /^ {0,3}(?:`{3,}|~{3,})/m;
const DEFINITION = /^ {0,3}\[[^\]\r\n]+\]:/m;
// HTML block types 1, 3, 4 and 5 end at a marker rather than a blank line.
const HTML_MARKER_BLOCK = /^ {0,3}<(?:\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[\s>]|$))/im;
const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;

function frontMatterEnd(text: string): number | undefined {
  const open = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  const fence = open[1] === '---' ? '---' : '\\+\\+\\+';
  const close = new RegExp(`(?:\\r\\n|\\r|\\n)${fence}[ \\t]*(?:\\r\\n|\\r|\\n|$)`, 'g');
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index + m[0].length : undefined;
}

/** The chunks of `text`, or undefined when it must be parsed whole. */
export function markdownChunks(text: string): Chunk[] | undefined {
  if (FENCE.test(text) || DEFINITION.test(text) || HTML_MARKER_BLOCK.test(text)) return undefined;
  const chunks: Chunk[] = [];
  const fm = frontMatterEnd(text);
  if (fm === undefined) return undefined;
  if (fm > 0) chunks.push({ start: 0, end: fm, frontMatter: true });
  let start = -1;
  let end = -1;
  const close = (): boolean => {
    if (start < 0) return true;
    const body = text.slice(start, end);
    // A comment that does not close in its chunk may run on into the next one (an HTML block
    // comment spans blank lines): be conservative and parse the document whole.
    if (body.lastIndexOf('<!--') > body.lastIndexOf('-->')) return false;
    const previous = chunks[chunks.length - 1];
    // An indented first line continues the previous chunk (a list item's paragraph, indented code).
    if (previous && !previous.frontMatter && /^[ \t]/.test(body)) previous.end = end;
    else chunks.push({ start, end });
    start = -1;
    return true;
  };
  LINE.lastIndex = fm;
  for (let m = LINE.exec(text); m !== null && m[0] !== ''; m = LINE.exec(text)) {
    const content = m[0].replace(/[\r\n]+$/, '');
    if (content.trim() === '') {
      if (!close()) return undefined;
    } else {
      if (start < 0) start = m.index;
      end = m.index + content.length;
    }
  }
  if (!close()) return undefined;
  return chunks;
}

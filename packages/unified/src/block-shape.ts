// Cheap checks on a block's raw text for the structure context conditions need (structure.ts):
// whether the block may hold a heading, and whether it starts with a list item (which may go on
// with the list of the block before, and share its lead-in). Both may say yes wrongly, never no
// wrongly: a block they pick is only parsed when it need not be.

// An ATX heading line or a setext underline, after block quote markers, indentation or list markers.
const HEADING =
  /^[ \t>]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t]+[ \t>]*)*#{1,6}(?:[ \t]|$)|^[ \t>]*(?:=+|-+)[ \t]*$/m;
const LIST_ITEM = /^[ \t]*(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t\r\n]|$)/;

export interface BlockShape {
  heading: boolean;
  list: boolean;
}

export function blockShape(source: string): BlockShape {
  return { heading: mayHoldHeading(source), list: LIST_ITEM.test(source) };
}

// Every heading line holds `#`, `=` or `-`: a block with none is told without the regex, which
// tries each line of the block (most blocks are paragraphs of prose).
function mayHoldHeading(source: string): boolean {
  return (source.includes('#') || source.includes('=') || source.includes('-')) && HEADING.test(source);
}

// The line-by-line state that decides where a Markdown document can be cut into blocks that parse
// alone (see blocks.ts). At a line that starts in column 1 after a blank line every container
// (list item, block quote) has ended, so the only state that can carry on past it is a top-level
// construct that spans blank lines: fenced code and HTML blocks of types 1 to 5. This module tracks
// exactly those, the way micromark reads them (comments and `<script>`-like blocks to their end;
// `<?`, `<!X` and CDATA only when they end on their line). Where it cannot tell, it gives up and
// the rest of the document is one block: a fence or an open HTML block after a line that may be
// HTML (type 6 or 7) or paragraph text, or an indented fence whose lines do not settle it (below).
//
// A fence or HTML block indented 1 to 3 columns may be at the top level or inside a list item. If
// no line up to its end is indented less than its first line, a list item holding it lasts at
// least that long, so both readings agree that nothing is open after the end: `guard` holds that
// indentation, and a line indented less makes the scanner give up.

export type ScanState =
  | { kind: 'none' }
  | { kind: 'fence'; marker: string; length: number; guard: number }
  /** A fence opened on a list item's marker line; the item's content starts at column `width`. */
  | { kind: 'item-fence'; marker: string; length: number; width: number }
  /** An HTML comment (type 2) or a `<script>`-like block (type 1). */
  | { kind: 'html'; comment: boolean; guard: number }
  /** HTML of type 6 or 7, or paragraph text: both end at a blank line, but differ on a fence. */
  | { kind: 'maybe-html' };

export const NONE: ScanState = { kind: 'none' };
/** The state is unknown from here on: the rest of the document must be parsed as one block. */
export const GIVE_UP = 'give-up';

const OPENING_FENCE = /^(`{3,})[^`]*$|^(~{3,})/;
// A bullet or `1.` with content always starts a list item, even where another item could not.
const ITEM_FENCE = /^(?:[-+*]|1[.)])( {1,4})(?=`{3}|~{3})/;
const RAW_OPEN = /^<(?:script|pre|style|textarea)(?=[ \t>]|$)/i;
const RAW_CLOSE = /<\/(?:script|pre|style|textarea)>/i;
const TAG_OPEN = /^<\/?[A-Za-z]/;

/** Where `line`'s leading whitespace (spaces and tabs) ends. */
export function indentEnd(line: string): number {
  let at = 0;
  while (at < line.length && (line.charCodeAt(at) === 0x20 || line.charCodeAt(at) === 0x09)) at++;
  return at;
}

/**
 * Columns of `line`'s leading whitespace before `at` (a tab goes to the next multiple of 4). Two
 * numbers, not an object of both: the scan asks it of every line of every document.
 */
export function indentColumns(line: string, at = indentEnd(line)): number {
  let columns = 0;
  for (let i = 0; i < at; i++) {
    if (line.charCodeAt(i) === 0x09) columns += 4 - (columns % 4);
    else columns++;
  }
  return columns;
}

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

function openingFence(rest: string): { marker: string; length: number } | undefined {
  const m = OPENING_FENCE.exec(rest);
  const run = m?.[1] ?? m?.[2];
  return run ? { marker: run.charAt(0), length: run.length } : undefined;
}

function closesFence(rest: string, marker: string, length: number): boolean {
  let n = 0;
  while (rest.charAt(n) === marker) n++;
  return n >= length && isBlank(rest.slice(n));
}

/** Whether an HTML comment ends on `line` from `from`, after `dashes` dashes (micromark's rule). */
function commentEnds(line: string, from: number, dashes: number): boolean {
  let count = dashes;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x2d) count++;
    else if (c === 0x3e && count >= 2) return true;
    else count = 0;
  }
  return false;
}

type HtmlStart = { comment: boolean; closed: boolean } | typeof GIVE_UP | undefined;

/** An HTML block of type 1 to 5 starting at the beginning of `rest`, and whether it ends on its line. */
function htmlStart(rest: string): HtmlStart {
  if (rest.startsWith('<!--')) return { comment: true, closed: commentEnds(rest, 4, 2) };
  const raw = RAW_OPEN.exec(rest);
  if (raw) return { comment: false, closed: RAW_CLOSE.test(rest.slice(raw[0].length)) };
  if (rest.startsWith('<?'))
    return `?${rest.slice(2)}`.includes('?>') ? { comment: false, closed: true } : GIVE_UP;
  if (rest.startsWith('<![CDATA[')) return GIVE_UP;
  if (/^<![A-Za-z]/.test(rest)) return rest.includes('>', 3) ? { comment: false, closed: true } : GIVE_UP;
  return undefined;
}

function htmlEnds(line: string, comment: boolean): boolean {
  return comment ? commentEnds(line, 0, 0) : RAW_CLOSE.test(line);
}

/** The next state after a non-blank line starting at the top level (state `none`). */
function fromNone(line: string): ScanState | typeof GIVE_UP {
  const at = indentEnd(line);
  const columns = indentColumns(line, at);
  if (columns >= 4) return NONE;
  // Only a fence (backticks, tildes), HTML (<) or, at the margin, a list item opening a fence (- + *
  // 1.) starts anything here: most lines start with none of them and need no pattern tried.
  const first = line.charCodeAt(at);
  if (first !== 0x60 && first !== 0x7e && first !== 0x3c) {
    const marker = first === 0x2d || first === 0x2b || first === 0x2a || first === 0x31;
    if (columns !== 0 || !marker) return NONE;
  }
  const rest = line.slice(at);
  const fence = openingFence(rest);
  if (fence) return { kind: 'fence', ...fence, guard: columns };
  const html = htmlStart(rest);
  if (html === GIVE_UP) return GIVE_UP;
  if (html) return html.closed ? NONE : { kind: 'html', comment: html.comment, guard: columns };
  if (TAG_OPEN.test(rest)) return { kind: 'maybe-html' };
  const item = columns === 0 ? ITEM_FENCE.exec(line) : null;
  const itemFence = item ? openingFence(line.slice(item[0].length)) : undefined;
  return item && itemFence ? { kind: 'item-fence', ...itemFence, width: item[0].length } : NONE;
}

/** The state after the non-blank `line`. */
export function nextState(state: ScanState, line: string): ScanState | typeof GIVE_UP {
  switch (state.kind) {
    case 'none':
      return fromNone(line);
    case 'fence': {
      const at = indentEnd(line);
      const columns = indentColumns(line, at);
      if (columns < state.guard) return GIVE_UP;
      return columns <= 3 && closesFence(line.slice(at), state.marker, state.length) ? NONE : state;
    }
    case 'item-fence': {
      const at = indentEnd(line);
      const columns = indentColumns(line, at);
      if (columns < state.width) return fromNone(line);
      const inner = columns - state.width <= 3 && closesFence(line.slice(at), state.marker, state.length);
      return inner ? NONE : state;
    }
    case 'html':
      if (indentColumns(line) < state.guard) return GIVE_UP;
      return htmlEnds(line, state.comment) ? NONE : state;
    case 'maybe-html': {
      // HTML content or paragraph text: a fence or an open HTML block would mean different things.
      const next = fromNone(line);
      return next === NONE || (next !== GIVE_UP && next.kind === 'maybe-html') ? state : GIVE_UP;
    }
  }
}

/** The state after a blank line. */
export function afterBlankLine(state: ScanState): ScanState {
  return state.kind === 'maybe-html' ? NONE : state;
}

// A list item that cannot interrupt a paragraph: an empty one, or an ordered one not numbered 1.
const WEAK_LIST_ITEM = /^(?:(?:[-+*]|\d{1,9}[.)])[ \t]*$|(?!1[.)])\d{1,9}[.)])/;

/**
 * Whether a block may start at `line`, which follows a blank line. Every container has ended at a
 * line that starts in column 1, but micromark still counts indented code before the blank line as
 * open there (`lastIndented`: the last non-blank line was indented 4 columns or more), so a list
 * item that cannot interrupt is paragraph text in the whole document and must stay in that block.
 */
export function isFresh(state: ScanState, line: string, lastIndented: boolean): boolean {
  if (state.kind !== 'none' && state.kind !== 'item-fence') return false;
  return indentEnd(line) === 0 && !(lastIndented && WEAK_LIST_ITEM.test(line));
}

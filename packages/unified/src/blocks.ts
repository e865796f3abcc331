// The one block model of a Markdown document (DESIGN, Performance budget: blocks without a
// candidate skip the parse; the language server re-parses only the blocks an edit touched).
//
// A block is a run of lines that parses alone exactly as it parses in the whole document: it
// starts at the beginning of the document, right after the front matter, or at a line that starts
// in column 1 after a blank line while no fenced code or HTML block is open (block-scanner.ts);
// it ends at the end of its last non-blank line. Front matter is a block of its own, and only at
// offset 0: a later `---` line is a thematic break or a setext underline, so blocks are parsed
// without the front matter extension. A link or footnote definition can be used from any block,
// and after a front matter fence that never closes remark reads no block quote or list anywhere:
// such a document is one block, parsed whole.
import { lastKeyAtMost, minimalReplacement } from '@nuance/core';
import {
  afterBlankLine,
  GIVE_UP,
  indentColumns,
  isBlank,
  isFresh,
  NONE,
  nextState,
  type ScanState,
} from './block-scanner.js';

export interface Block {
  start: number;
  /** The end of the block's last non-blank line, before its line ending. */
  end: number;
  /** YAML or TOML front matter: never prose, never parsed. */
  frontMatter?: true;
}

export interface BlockSplit {
  blocks: Block[];
  /** The document is one block (it has a definition, or the caller asked for one full parse). */
  whole: boolean;
}

/** What an edit re-splits: old blocks `[0, before)` stay, `fresh` replaces old `[before, after)`. */
export interface Resplit {
  before: number;
  fresh: Block[];
  after: number;
  /** How far the old blocks from `after` on move. */
  delta: number;
}

// `[label]:` starts a link or footnote definition, which a reference in any block can use.
const DEFINITION = ']:';
const FRONT_MATTER_OPEN = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;

/** `noCr`: the text from `from` on holds no CR, so the line ends at the next LF (a native search). */
function lineEnd(text: string, from: number, noCr = false): number {
  if (noCr) {
    const lf = text.indexOf('\n', from);
    return lf < 0 ? text.length : lf;
  }
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return text.length;
}

function nextLine(text: string, end: number): number {
  return text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
}

/**
 * Where the front matter ends (after its closing fence, before the line ending), or undefined when
 * the document has none: `---` or `+++` alone on the first line and again on a later line, as
 * remark-frontmatter reads it (no closing fence, no front matter).
 */
export function frontMatterEnd(text: string): number | undefined {
  const bom = bomLength(text);
  const open = FRONT_MATTER_OPEN.exec(bom ? text.slice(bom) : text);
  if (!open) return undefined;
  const fence = open[1] ?? '';
  for (let at = bom + open[0].length; at < text.length; ) {
    const end = lineEnd(text, at);
    if (text.startsWith(fence, at) && isBlank(text.slice(at + fence.length, end))) return end;
    at = nextLine(text, end);
  }
  return undefined;
}

type Stop = (start: number) => boolean;

/**
 * The blocks of `text` from `from`, a place where the parser starts afresh (the document's start
 * or a block's start). `stop` is asked at every block start; when it says yes, the scan ends there.
 */
function scanBlocks(text: string, from: number, stop?: Stop): { blocks: Block[]; stoppedAt?: number } {
  const blocks: Block[] = [];
  let at = from;
  if (from === 0) {
    at = bomLength(text);
    const end = frontMatterEnd(text);
    if (end !== undefined) {
      blocks.push({ start: at, end, frontMatter: true });
      at = nextLine(text, end);
    }
  }
  let state: ScanState = NONE;
  let afterBlank = true;
  let tail = false;
  let lastIndented = false;
  let start = -1;
  let end = -1;
  const noCr = !text.includes('\r', at);
  for (; at < text.length; ) {
    const lineStop = lineEnd(text, at, noCr);
    const line = text.slice(at, lineStop);
    if (isBlank(line)) {
      state = afterBlankLine(state);
      afterBlank = true;
    } else {
      if (!tail && (start < 0 || (afterBlank && isFresh(state, line, lastIndented)))) {
        if (start >= 0) blocks.push({ start, end });
        if (stop?.(at)) return { blocks, stoppedAt: at };
        start = at;
        state = NONE;
      }
      if (!tail) {
        const next = nextState(state, line);
        if (next === GIVE_UP) tail = true;
        else state = next;
      }
      end = lineStop;
      afterBlank = false;
      lastIndented = indentColumns(line) >= 4;
    }
    at = nextLine(text, lineStop);
  }
  if (start >= 0) blocks.push({ start, end });
  return { blocks };
}

/** Whether the document must be parsed as one block (see the top of this file). */
function isWhole(text: string): boolean {
  if (text.includes(DEFINITION)) return true;
  return FRONT_MATTER_OPEN.test(text.slice(bomLength(text))) && frontMatterEnd(text) === undefined;
}

// A byte order mark before the first line belongs to no block: remark drops it before it reads
// the first line, so `\uFEFF```` opens a code fence and `\uFEFF---` front matter.
function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** The blocks of a Markdown document (`whole`: one block, for a full parse). */
export function splitBlocks(text: string, whole = false): BlockSplit {
  if (whole || isWhole(text)) return { blocks: [{ start: 0, end: text.length }], whole: true };
  return { blocks: scanBlocks(text, 0).blocks, whole: false };
}

/**
 * The blocks of `text` after an edit of `oldText` split as `old` (not whole), scanning only from
 * the last block whose first line ends before the first changed character to the first old block
 * start after the change that the scan reaches again. Equal to `splitBlocks(text)`; undefined when the
 * new text must be one block.
 */
export function resplitBlocks(old: readonly Block[], oldText: string, text: string): Resplit | undefined {
  if (isWhole(text)) return undefined;
  const change = minimalReplacement(oldText, text);
  const prefix = change.start;
  const suffix = oldText.length - change.end;
  const delta = text.length - oldText.length;
  const changeEnd = text.length - suffix;
  // The last block whose first line is unchanged (that line and the text before it decide that a
  // block starts there): the parser starts afresh there as it did before.
  let before = lastStartBefore(old, prefix);
  while (before >= 0 && lineEnd(oldText, old[before]?.start ?? 0) >= prefix) before--;
  if (old[before]?.frontMatter) before = -1;
  const from = before < 0 ? 0 : (old[before]?.start ?? 0);
  let after = Math.max(before, 0);
  // From an old block start past the change the text is the same, and so is everything scanned from it.
  const stop: Stop = (start) => {
    if (start < changeEnd) return false;
    while (after < old.length && (old[after]?.start ?? 0) < start - delta) after++;
    const block = old[after];
    // Front matter is front matter only at offset 0.
    return block?.start === start - delta && !block.frontMatter;
  };
  const { blocks, stoppedAt } = scanBlocks(text, from, stop);
  return {
    before: Math.max(before, 0),
    fresh: blocks,
    after: stoppedAt === undefined ? old.length : after,
    delta,
  };
}

/** The index of the last block starting before `offset`, or -1. */
function lastStartBefore(blocks: readonly Block[], offset: number): number {
  // Offsets are whole numbers: a start before `offset` is one at most `offset - 1`.
  return lastKeyAtMost(blocks.length, (i) => (blocks[i] as Block).start, offset - 1);
}

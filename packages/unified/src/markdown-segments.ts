// The prose segments of a Markdown document (DESIGN: Documents and segments) and what each parse
// tells of the document's structure (structure.ts).
import type { Segment } from '@nuance/core';
import type { Link, List, Nodes, Root, Table } from 'mdast';
import { alignText, PieceList } from './pieces.js';
import {
  assembleSegments,
  frontMatterSegment,
  type Part,
  PREVIOUS,
  type ShapedSegment,
} from './structure.js';

const FRONT_MATTER = new Set<string>(['yaml', 'toml']);

/** Blocks whose whole content is never prose. */
const NEVER_PROSE = new Set(['code', 'html', 'yaml', 'toml', 'math', 'definition', 'thematicBreak']);

/** Where a GFM autolink literal really ends: remark-gfm runs it on through Chinese text. */
const AUTOLINK_END =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

interface Range {
  start: number;
  end: number;
}

function rangeOf(node: Nodes): Range | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/**
 * The segments of a Markdown document with their structure (structure.ts), built from the source
 * (mdast positions + source slices), not from node values: every unit maps back to exact source
 * offsets. Front matter is a `context` segment, first (`frontMatter: false` leaves it out).
 */
export function segmentsOf(tree: Root, source: string, options: { frontMatter?: boolean } = {}): Segment[] {
  const frontMatter = options.frontMatter === false ? undefined : frontMatterOf(tree, source);
  return assembleSegments([{ part: partOf(tree, source), offset: 0, follows: false }], frontMatter);
}

/** The front matter of a parsed document as a `context` segment (structure.ts). */
export function frontMatterOf(tree: Root, source: string): Segment | undefined {
  const first = tree.children[0];
  // remark-frontmatter's `toml` node is not in mdast's types.
  const range = first && FRONT_MATTER.has(first.type) ? rangeOf(first) : undefined;
  return range && frontMatterSegment(source, range.start, range.end);
}

/** The segments of one parse (a block, or the whole document) and how it starts and ends. */
export function partOf(tree: Root, source: string): Part {
  const part: Part = { segments: [] };
  const walk: Walk = { source, segments: part.segments };
  const { children } = tree;
  const last = visitChildren(children, walk, undefined, true);
  const head = children[0];
  if (head?.type === 'list') part.opensWithList = markerOf(head, source);
  if (last.paragraph !== undefined) part.end = { kind: 'paragraph', segment: last.paragraph };
  else if (last.list) part.end = { kind: 'list', marker: markerOf(last.list, source), leadIn: last.leadIn };
  return part;
}

interface Walk {
  source: string;
  segments: ShapedSegment[];
}

/** What the last of some sibling nodes was, for a list after them. */
interface Last {
  /** Its segment, when it is a paragraph that gave one. */
  paragraph?: number | undefined;
  list?: List;
  leadIn?: number | undefined;
}

/**
 * Visit sibling nodes; `leadIn` is the lead-in of the list of the nearest list item around them.
 * The lead-in of a list is the paragraph right before it; a list first in a parse (`root`) may
 * have it in the part before (PREVIOUS).
 */
function visitChildren(nodes: readonly Nodes[], walk: Walk, leadIn: number | undefined, root: boolean): Last {
  let last: Last = {};
  nodes.forEach((node, index) => {
    if (node.type === 'list') {
      const listLeadIn = index === 0 && root ? PREVIOUS : last.paragraph;
      for (const item of node.children) visitChildren(item.children, walk, listLeadIn, false);
      last = { list: node, leadIn: listLeadIn };
      return;
    }
    last = { paragraph: visitBlock(node, walk, leadIn) };
  });
  return last;
}

/** Visit one block node; the index of its segment when it is a paragraph that gave one. */
function visitBlock(node: Nodes, walk: Walk, leadIn: number | undefined): number | undefined {
  switch (node.type) {
    case 'paragraph': {
      const index = addSegment(node.children, walk, 'paragraph');
      const shaped = index === undefined ? undefined : walk.segments[index];
      if (shaped && leadIn !== undefined) shaped.leadIn = leadIn;
      return index;
    }
    case 'heading': {
      const index = addSegment(node.children, walk, 'heading');
      const shaped = index === undefined ? undefined : walk.segments[index];
      if (shaped) shaped.depth = node.depth;
      return undefined;
    }
    case 'table':
      addTable(node, walk);
      return undefined;
    default:
      if (!NEVER_PROSE.has(node.type) && 'children' in node)
        visitChildren(node.children as Nodes[], walk, leadIn, false);
      return undefined;
  }
}

function addSegment(children: readonly Nodes[], walk: Walk, role: ShapedSegment['role']): number | undefined {
  const out = new PieceList();
  for (const child of children) addPhrasing(child, walk.source, out);
  const segment = out.segment();
  if (!segment) return undefined;
  walk.segments.push({ pieces: segment.pieces, role });
  return walk.segments.length - 1;
}

/** A cell's context: the other cells of the header row and of its own row. */
function addTable(table: Table, walk: Walk): void {
  const rows = table.children.map((row) =>
    row.children.flatMap((cell) => addSegment(cell.children, walk, 'cell') ?? []),
  );
  const header = rows[0] ?? [];
  for (const row of rows) {
    for (const index of row) {
      const cells = [...new Set([...header, ...row])].filter((other) => other !== index);
      const shaped = walk.segments[index];
      if (shaped && cells.length > 0) shaped.cells = cells;
    }
  }
}

/** A list's bullet (`-`, `+`, `*`) or delimiter (`.`, `)`): items continue a list only with the same. */
function markerOf(list: List, source: string): string {
  const at = list.position?.start.offset ?? 0;
  const m = /^[ \t]*(?:([-+*])|[0-9]{1,9}([.)]))/.exec(source.slice(at, at + 16));
  return m?.[1] ?? m?.[2] ?? '';
}

function addPhrasing(node: Nodes, source: string, out: PieceList): void {
  const range = rangeOf(node);
  if (!range) return;
  switch (node.type) {
    case 'text':
      alignText(source, range.start, range.end, node.value, out);
      return;
    case 'html':
      // Inline tags and comments are transparent: left out between two pieces.
      return;
    case 'break': {
      // A hard break is a line break: keep only its line ending as prose.
      const slice = source.slice(range.start, range.end);
      const at = slice.search(/[\r\n]/);
      if (at >= 0) out.plain(range.start + at, range.start + at + (slice.startsWith('\r\n', at) ? 2 : 1));
      return;
    }
    case 'link':
      addLink(node, range, source, out);
      return;
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'linkReference':
      for (const child of node.children) addPhrasing(child, source, out);
      return;
    default:
      // Inline code, math, images, footnote references and anything unknown: never matched
      // across or inside.
      out.separator(range.start, range.end);
  }
}

function addLink(node: Link, range: Range, source: string, out: PieceList): void {
  if (source[range.start] === '<') {
    out.separator(range.start, range.end);
    return;
  }
  const child = node.children[0];
  const childRange = child ? rangeOf(child) : undefined;
  const literal = child?.type === 'text' && childRange?.start === range.start && source[range.start] !== '[';
  if (!literal) {
    for (const each of node.children) addPhrasing(each, source, out);
    return;
  }
  // A GFM autolink literal ends at its first CJK character; the rest is prose.
  const slice = source.slice(range.start, range.end);
  const cut = slice.search(AUTOLINK_END);
  if (cut < 0 || slice !== child.value) {
    out.separator(range.start, range.end);
    return;
  }
  if (cut > 0) out.separator(range.start, range.start + cut);
  out.plain(range.start + cut, range.end);
}

// The prose segments of a Markdown document (DESIGN: Documents and segments).
import type { Segment } from '@nuance/core';
import type { Link, Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { alignText, PieceList } from './pieces.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
// Front matter exists only at the start of a document: a block after it is read without.
const bodyProcessor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parse Markdown the way every nuance adapter does: remark-parse + remark-gfm + front matter. */
export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}

/** Parse one block of a document that is not its front matter (blocks.ts). */
export function parseMarkdownBlock(source: string): Root {
  return bodyProcessor.parse(source);
}

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
 * Prose segments of a Markdown document, built from the source (mdast positions + source
 * slices), not from node values: every unit maps back to exact source offsets.
 */
export function segmentsOf(tree: Root, source: string): Segment[] {
  const segments: Segment[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const out = new PieceList();
      for (const child of node.children) addPhrasing(child, source, out);
      const segment = out.segment();
      if (segment) segments.push(segment);
      return;
    }
    if (NEVER_PROSE.has(node.type) || !('children' in node)) return;
    for (const child of node.children) visit(child);
  };
  visit(tree);
  return segments;
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

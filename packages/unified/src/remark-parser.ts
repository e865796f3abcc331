// remark itself: the one module that loads unified, remark-parse, remark-gfm, remark-frontmatter
// and micromark. The entry point `@nuance/unified` loads it at once; `@nuance/unified/lazy` only
// when a document needs it (markdown-parser.ts), as most blocks are segmented without it
// (plain-block.ts) or never parsed (raw-scan.ts).
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { directivesOf } from './directives.js';
import { frontMatterOf, partOf } from './markdown-segments.js';
import type { ParsedBlock } from './structure.js';

// Set up once. Each parse still configures micromark and the mdast compiler again (remark-parse
// calls mdast-util-from-markdown, which exposes no reusable parser): about 0.1 ms a call, which the
// pre-check and the plain blocks leave to the few blocks that need remark.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
// Front matter exists only at the start of a document: a block after it is read without.
const bodyProcessor = unified().use(remarkParse).use(remarkGfm).freeze();
// A block with nothing GFM adds syntax for parses the same without it, and GFM's constructs cost
// about 40 % more per character (a table head is tried at every line): such a block is read by
// CommonMark alone. What GFM starts on: tables `|`, strikethrough `~`, footnotes `[^`, task list
// items `[ ]` `[x]` (a line ending inside counts as the space), and autolink literals, which all
// need `www.`, `://` or an email's `@` (`mailto:` and `xmpp:` ones too). The differential tests compare blocks with whole GFM parses.
const commonmarkProcessor = unified().use(remarkParse).freeze();
const GFM_SYNTAX = /[|~@]|www\.|:\/\/|\[\^|\[[ \t\r\nxX]\]/i;

/**
 * Parse Markdown the way every nuance adapter does: remark-parse + remark-gfm + front matter. The
 * tree's offsets are offsets in `source`, a leading byte order mark included.
 */
export function parseMarkdown(source: string): Root {
  return afterBom(source, processor.parse(source));
}

/** Parse one block of a document that is not its front matter (blocks.ts). */
export function parseMarkdownBlock(source: string): Root {
  return afterBom(source, (needsGfm(source) ? bodyProcessor : commonmarkProcessor).parse(source));
}

/** Whether a block holds something GFM reads otherwise than CommonMark (see GFM_SYNTAX). */
export function needsGfm(source: string): boolean {
  return GFM_SYNTAX.test(source);
}

// micromark drops a leading byte order mark and counts offsets and columns from the character
// after it, so every position would point one unit early in the text nuance was given.
function afterBom(source: string, tree: Root): Root {
  if (source.charCodeAt(0) !== 0xfeff) return tree;
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (point.offset !== undefined) point.offset++;
      if (point.line === 1) point.column++;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return tree;
}

/** A block's segments and directives; `whole`: the block is the whole document (front matter). */
export function parseBlock(source: string, whole: boolean): ParsedBlock {
  const tree = whole ? parseMarkdown(source) : parseMarkdownBlock(source);
  const parsed: ParsedBlock = { part: partOf(tree, source), directives: directivesOf(tree, source) };
  const frontMatter = whole ? frontMatterOf(tree, source) : undefined;
  if (frontMatter) parsed.frontMatter = frontMatter;
  return parsed;
}

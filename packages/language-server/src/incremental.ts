// Re-lint after an edit by re-parsing only the top-level Markdown blocks it touched. Findings are
// always computed by core over the whole document (consistency and document-scope rules look
// across blocks), but only over the segments of blocks that can hold a candidate, and the
// expensive parts are cached: remark's parse per block, and core's scan per segment text. Anything that could make a block's parse
// depend on its neighbours (fences, HTML blocks, link definitions, front matter, list
// continuation) falls back to a full parse, so the findings are always those of `lintDocument`.
import {
  createLineIndex,
  createScanCache,
  type Finding,
  hasCandidate,
  type RuleSet,
  type Segment,
} from '@nuance/core';
import {
  type Directive,
  type DocumentFormat,
  directivesOf,
  lintDocument,
  lintParsed,
  parseMarkdown,
  segmentsOf,
} from '@nuance/unified';

interface Block {
  start: number;
  end: number;
  type: string;
  /** Offsets relative to `start`. */
  segments: Segment[];
  directives: Directive[];
  /** hasCandidate of the block's text, for `candidateFor`. */
  candidate?: boolean;
  candidateFor?: RuleSet;
  /** A character reference can spell a term that the raw text does not contain. */
  reference: boolean;
}

export interface IncrementalStats {
  full: number;
  partial: number;
}

const FENCE = /^ {0,3}(?:`{3,}|~{3,})/m;
const DEFINITION = /^ {0,3}\[\^?[^\]\n\r]*\]:/m;
const HTML_LINE = /^ {0,3}<.*$/gm;
const LIST_OR_INDENT = /^(?:[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t])/;

/** The Markdown linter of one open document. */
export class IncrementalLinter {
  private text = '';
  private blocks: Block[] = [];
  private parsed = false;
  // Scans of unchanged paragraphs are reused: an edit rescans only the segments whose text changed.
  private readonly scanCache = createScanCache();
  readonly stats: IncrementalStats = { full: 0, partial: 0 };

  lint(text: string, ruleSet: RuleSet, lang: string | undefined, format: DocumentFormat): Finding[] {
    if (format !== 'markdown') {
      this.parsed = false;
      return lintDocument({ text, ruleSet, lang, format }).findings;
    }
    this.update(text);
    return this.findings(ruleSet, lang);
  }

  private update(text: string): void {
    if (this.parsed && text === this.text) return;
    if (!this.parsed || !this.tryPartial(text)) this.fullParse(text);
    this.text = text;
    this.parsed = true;
  }

  private fullParse(text: string): void {
    this.stats.full++;
    this.blocks = parseBlocks(text, 0, text.length);
  }

  private tryPartial(text: string): boolean {
    const old = this.text;
    if (DEFINITION.test(text) || this.blocks.length === 0) return false;
    let p = 0;
    const max = Math.min(old.length, text.length);
    while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
    let s = 0;
    while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
    const oldEnd = old.length - s;
    const delta = text.length - old.length;
    const blocks = this.blocks;
    // Blocks touching the change, inclusive at their edges (typing at a block's end extends it).
    let i = blocks.findIndex((b) => b.end >= p);
    if (i < 0) i = blocks.length;
    let j = blocks.length - 1;
    while (j >= 0 && (blocks[j]?.start ?? 0) > oldEnd) j--;
    for (let guard = 0; guard < 8; guard++) {
      const rs = i > 0 ? (blocks[i - 1]?.end ?? 0) : 0;
      const re = j < blocks.length - 1 ? (blocks[j + 1]?.start ?? old.length) + delta : text.length;
      if (i > 0 && !separatedLeft(text, rs, re, blocks[i - 1]?.type)) {
        i--;
        continue;
      }
      const region = text.slice(rs, re);
      if (rs === 0 && /^(?:---|\+\+\+)/.test(region)) return false;
      if (FENCE.test(region) || hasOpenHtml(region)) return false;
      const fresh = parseBlocks(text, rs, re);
      const next = blocks[j + 1];
      if (next) {
        const nextStart = next.start + delta;
        const last = fresh[fresh.length - 1];
        const nextLine = text.slice(nextStart, nextStart + 12);
        const listJoin = last?.type === 'list' && LIST_OR_INDENT.test(nextLine);
        if (edge(text, rs, re, 'right').breaks < 2 || listJoin) {
          j++;
          continue;
        }
      }
      const after = blocks.slice(j + 1).map((b) => ({ ...b, start: b.start + delta, end: b.end + delta }));
      this.blocks = [...blocks.slice(0, i), ...fresh, ...after];
      this.stats.partial++;
      return true;
    }
    return false;
  }

  private findings(ruleSet: RuleSet, lang: string | undefined): Finding[] {
    const text = this.text;
    let any = false;
    for (const block of this.blocks) {
      if (block.candidateFor !== ruleSet) {
        block.candidate = hasCandidate(text.slice(block.start, block.end), ruleSet);
        block.candidateFor = ruleSet;
      }
      if (block.candidate) any = true;
    }
    if (!any && !text.includes('nuance-')) return [];
    const segments: Segment[] = [];
    const directives: Directive[] = [];
    const lines = createLineIndex(text);
    for (const block of this.blocks) {
      if (any && (block.candidate || block.reference)) {
        for (const segment of block.segments) segments.push(shiftSegment(segment, block.start));
      }
      for (const d of block.directives) directives.push(shiftDirective(d, block.start, lines));
    }
    return lintParsed({ text, segments, directives, ruleSet, lang, candidate: any, cache: this.scanCache });
  }
}

/** Line breaks in the whitespace at one end of `[rs, re)`, and where that whitespace stops. */
function edge(text: string, rs: number, re: number, side: 'left' | 'right'): { breaks: number; at: number } {
  let breaks = 0;
  if (side === 'left') {
    let k = rs;
    for (; k < re && /\s/.test(text.charAt(k)); k++) {
      const c = text.charAt(k);
      if (c === '\n' || (c === '\r' && text.charAt(k + 1) !== '\n')) breaks++;
    }
    return { breaks, at: k };
  }
  let k = re;
  for (; k > rs && /\s/.test(text.charAt(k - 1)); k--) {
    const c = text.charAt(k - 1);
    if (c === '\n' || (c === '\r' && text.charAt(k) !== '\n')) breaks++;
  }
  return { breaks, at: k };
}

/**
 * Whether the region can be parsed on its own after the block before it: a blank line between
 * them, and no list that could take the region's first line as a continuation or another item.
 */
function separatedLeft(text: string, rs: number, re: number, prevType: string | undefined): boolean {
  const { breaks, at } = edge(text, rs, re, 'left');
  if (breaks < 2) return false;
  if (at === re) return true;
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  if (at > lineStart) return false;
  return !(prevType === 'list' && LIST_OR_INDENT.test(text.slice(lineStart, lineStart + 12)));
}

/** An HTML block other than a one-line comment may run past a blank line. */
function hasOpenHtml(region: string): boolean {
  for (const match of region.matchAll(HTML_LINE)) {
    const line = match[0].trim();
    if (!(line.startsWith('<!--') && line.includes('-->'))) return true;
  }
  return false;
}

function parseBlocks(text: string, start: number, end: number): Block[] {
  const source = start === 0 && end === text.length ? text : text.slice(start, end);
  const tree = parseMarkdown(source);
  const segments = segmentsOf(tree, source);
  const directives = directivesOf(tree, source);
  const blocks: Block[] = [];
  for (const child of tree.children) {
    const s = child.position?.start.offset;
    const e = child.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    const raw = source.slice(s, e);
    blocks.push({
      start: start + s,
      end: start + e,
      type: child.type,
      segments: [],
      directives: [],
      reference: raw.includes('&'),
    });
  }
  let b = 0;
  for (const segment of segments) {
    const at = segment.pieces[0]?.start ?? 0;
    while (b < blocks.length - 1 && (blocks[b]?.end ?? 0) - start <= at) b++;
    const block = blocks[b];
    if (block) block.segments.push(shiftSegment(segment, start - block.start));
  }
  b = 0;
  for (const directive of directives) {
    while (b < blocks.length - 1 && (blocks[b]?.end ?? 0) - start <= directive.start) b++;
    const block = blocks[b];
    if (block) {
      const shift = start - block.start;
      block.directives.push({ ...directive, start: directive.start + shift, end: directive.end + shift });
    }
  }
  return blocks;
}

function shiftSegment(segment: Segment, by: number): Segment {
  if (by === 0) return segment;
  return { pieces: segment.pieces.map((p) => ({ ...p, start: p.start + by, end: p.end + by })) };
}

function shiftDirective(d: Directive, by: number, lines: ReturnType<typeof createLineIndex>): Directive {
  const start = d.start + by;
  const end = d.end + by;
  const line = d.kind === 'disable-next-line' ? lines.position(end).line + 1 : lines.position(start).line;
  return { ...d, start, end, line };
}

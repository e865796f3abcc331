// One Markdown document as blocks (blocks.ts), with what each block's text gives cached: whether it
// may hold a candidate (per rule set), a character reference or a directive, and its parse
// (segments and directives, offsets relative to the block). `lintDocument` makes one for a single
// lint; the language server keeps one per open document and calls `update` after every edit, which
// re-splits only around the edit and re-parses only the blocks whose text changed. Either way only
// the blocks that can give a finding or hold a directive are parsed, and findings are computed by
// core over the whole document (consistency and document-scope rules look across blocks).
import {
  createLineIndex,
  type Finding,
  hasCandidate,
  type LineIndex,
  type RuleSet,
  type ScanCache,
  type Segment,
} from '@nuance/core';
import { type Block, resplitBlocks, splitBlocks } from './blocks.js';
import { type Directive, directiveLine, directivesOf } from './directives.js';
import { DIRECTIVE_MARK, hasCharacterReference, lintParsed } from './lint-parsed.js';
import { parseMarkdown, parseMarkdownBlock, segmentsOf } from './markdown-segments.js';

interface ParsedBlock {
  segments: Segment[];
  directives: Directive[];
}

/** What a block's text gives, shared by every block with that text. */
interface BlockFacts {
  reference: boolean;
  directive: boolean;
  candidate?: boolean;
  candidateFor?: RuleSet;
  parsed?: ParsedBlock;
}

interface Entry extends Block {
  facts?: BlockFacts;
}

export interface MarkdownDocumentStats {
  /** Splits of the whole text into blocks. */
  full: number;
  /** Re-splits of only the part an edit touched. */
  partial: number;
  /** Blocks parsed, and the total length parsed. */
  parsed: number;
  parsedLength: number;
}

export interface MarkdownDocumentOptions {
  /** Parse the document as one block (tests compare this with the blocks parsed alone). */
  wholeDocument?: boolean | undefined;
}

export class MarkdownDocument {
  readonly stats: MarkdownDocumentStats = { full: 0, partial: 0, parsed: 0, parsedLength: 0 };
  private text = '';
  private entries: Entry[] = [];
  private whole = false;
  private started = false;

  constructor(private readonly options: MarkdownDocumentOptions = {}) {}

  /** The current blocks. */
  get blocks(): Block[] {
    return this.entries.map(({ start, end, frontMatter }) =>
      frontMatter ? { start, end, frontMatter } : { start, end },
    );
  }

  /** Take the document's new text, re-splitting only around what changed. */
  update(text: string): void {
    if (this.started && text === this.text) return;
    const plan =
      this.started && !this.whole && !this.options.wholeDocument
        ? resplitBlocks(this.entries, this.text, text)
        : undefined;
    if (plan) {
      const old = this.entries;
      // A block the scan gave again with the same text keeps its facts (its parse).
      const known = new Map<string, BlockFacts>();
      for (const entry of old.slice(plan.before, plan.after)) {
        if (entry.facts && !entry.frontMatter)
          known.set(this.text.slice(entry.start, entry.end), entry.facts);
      }
      const fresh: Entry[] = plan.fresh.map((block) => {
        const facts = block.frontMatter ? undefined : known.get(text.slice(block.start, block.end));
        return facts ? { ...block, facts } : block;
      });
      const moved = old.slice(plan.after).map((entry) => ({
        ...entry,
        start: entry.start + plan.delta,
        end: entry.end + plan.delta,
      }));
      this.entries = [...old.slice(0, plan.before), ...fresh, ...moved];
      this.stats.partial++;
    } else {
      const split = splitBlocks(text, this.options.wholeDocument);
      this.entries = split.blocks;
      this.whole = split.whole;
      this.stats.full++;
    }
    this.text = text;
    this.started = true;
  }

  /** Findings of the current text: only blocks that can give one, or hold a directive, are parsed. */
  lint(ruleSet: RuleSet, lang?: string | undefined, cache?: ScanCache | undefined): Finding[] {
    const text = this.text;
    let candidate = false;
    let directive = false;
    for (const entry of this.entries) {
      if (entry.frontMatter) continue;
      const facts = this.factsOf(entry, ruleSet);
      if (facts.candidate || facts.reference) candidate = true;
      if (facts.directive) directive = true;
    }
    if (!candidate && !directive) return [];
    const segments: Segment[] = [];
    const directives: Directive[] = [];
    let lines: LineIndex | undefined;
    for (const entry of this.entries) {
      const facts = entry.facts;
      if (!facts || entry.frontMatter) continue;
      const lintable = candidate && (facts.candidate === true || facts.reference);
      if (!lintable && !facts.directive) continue;
      const parsed = this.parse(entry, facts);
      if (lintable) for (const segment of parsed.segments) segments.push(shiftSegment(segment, entry.start));
      for (const d of parsed.directives) {
        lines ??= createLineIndex(text);
        const start = d.start + entry.start;
        const end = d.end + entry.start;
        directives.push({ ...d, start, end, line: directiveLine(d.kind, start, end, lines) });
      }
    }
    return lintParsed({ text, segments, directives, ruleSet, lang, candidate, cache });
  }

  private factsOf(entry: Entry, ruleSet: RuleSet): BlockFacts {
    if (entry.facts?.candidateFor === ruleSet) return entry.facts;
    const source = this.text.slice(entry.start, entry.end);
    entry.facts ??= { reference: hasCharacterReference(source), directive: source.includes(DIRECTIVE_MARK) };
    const facts = entry.facts;
    if (facts.candidateFor !== ruleSet) {
      facts.candidate = hasCandidate(source, ruleSet);
      facts.candidateFor = ruleSet;
    }
    return facts;
  }

  private parse(entry: Entry, facts: BlockFacts): ParsedBlock {
    if (!facts.parsed) {
      const source = this.text.slice(entry.start, entry.end);
      const tree = this.whole ? parseMarkdown(source) : parseMarkdownBlock(source);
      facts.parsed = { segments: segmentsOf(tree, source), directives: directivesOf(tree, source) };
      this.stats.parsed++;
      this.stats.parsedLength += source.length;
    }
    return facts.parsed;
  }
}

function shiftSegment(segment: Segment, by: number): Segment {
  if (by === 0) return segment;
  return { pieces: segment.pieces.map((p) => ({ ...p, start: p.start + by, end: p.end + by })) };
}

// One Markdown document as blocks (blocks.ts), with what each block's text gives cached: whether it
// may hold a candidate (per rule set), a character reference or a directive, and its parse
// (segments and directives, offsets relative to the block). `lintDocument` makes one for a single
// lint; the language server keeps one per open document and calls `update` after every edit, which
// re-splits only around the edit and re-parses only the blocks whose text changed. Either way only
// the blocks that can give a finding or hold a directive are parsed, and findings are computed by
// core over the whole document (consistency and document-scope rules look across blocks). When a
// rule has a context condition, the blocks its context can come from are parsed too
// (`givenBlocks`), so that the structure core reads (structure.ts) gives the findings of one full
// parse, and a block whose candidates all wait on a context nothing may give is not (live-blocks.ts).
import {
  addLetters,
  type ContextHits,
  countLetters,
  createLineIndex,
  type Finding,
  hasContextMention,
  type LetterCounts,
  type LettersEnough,
  type LineIndex,
  needsContext,
  noLetters,
  preCheck,
  type RuleSet,
  type ScanCache,
  type Segment,
  segmentReach,
} from '@nuance/core';
import { type BlockShape, blockShape } from './block-shape.js';
import { type Block, resplitBlocks, splitBlocks } from './blocks.js';
import { type Directive, directiveLine } from './directives.js';
import { DIRECTIVE_MARK, lintParsed } from './lint-parsed.js';
import { liveBlocks } from './live-blocks.js';
import { markdownParser } from './markdown-parser.js';
import { asPlainText, type DeepBlock, excessNesting, withTooDeep } from './nesting.js';
import { plainPart } from './plain-block.js';
import { rawText } from './raw-scan.js';
import { assembleSegments, frontMatterSegment, type ParsedBlock, type PlacedPart } from './structure.js';

/** What a block's text gives, shared by every block with that text. */
interface BlockFacts {
  directive: boolean;
  /** Whether it may give a candidate of `candidateFor` once parsed (raw-scan.ts). */
  candidate?: boolean;
  candidateFor?: RuleSet;
  /** Whether it may hold a context mention of `candidateFor`, once asked. */
  mention?: boolean;
  /** With context conditions: the sets it may mention, the conditions its candidates wait on (core's `preCheck`); absent: anything. */
  hits?: ContextHits;
  /** Its candidates are all weak phrases whose word boundaries are still to be checked (live-blocks.ts). */
  weak?: boolean;
  shape?: BlockShape;
  parsed?: ParsedBlock;
  /** Its letters by script, once the document's language is asked (`countLetters`). */
  letters?: LetterCounts;
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
  /** Blocks with a candidate passed over, as none of its context conditions could hold (live-blocks.ts). */
  unlicensed: number;
}

export interface MarkdownDocumentOptions {
  /**
   * Parse the document as one block with remark, with no pre-check: the reference the fast path
   * (blocks, the raw pre-check, plain blocks) is tested against.
   */
  wholeDocument?: boolean | undefined;
}

export interface DocumentLintOptions {
  lang?: string | undefined;
  /** Reuse unchanged segments' scans between lints (the language server). */
  cache?: ScanCache | undefined;
  /** The context sets the document declares itself about (`documentTopic`). */
  topic?: readonly string[] | undefined;
  /** The text's line index, when the caller keeps one up to date (an editor's document). */
  lines?: LineIndex | undefined;
}

export class MarkdownDocument {
  /** Blocks segmented (`parsed`, `parsedLength`), by remark or as plain text (plain-block.ts). */
  readonly stats: MarkdownDocumentStats = { full: 0, partial: 0, parsed: 0, parsedLength: 0, unlicensed: 0 };
  /** Of the blocks segmented, those remark parsed. */
  remarkParsed = 0;
  private text = '';
  private entries: Entry[] = [];
  /** `countLetters` of the text, once asked; kept up to date by the re-splits after it. */
  private letters: LetterCounts | undefined;
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
      this.recount(old.slice(plan.before, plan.after), fresh, text);
      // The blocks after the edit move by its length: the old array is dropped, so in place.
      const moved = old.slice(plan.after);
      if (plan.delta !== 0)
        for (const entry of moved) {
          entry.start += plan.delta;
          entry.end += plan.delta;
        }
      this.entries = old.slice(0, plan.before).concat(fresh, moved);
      this.stats.partial++;
    } else {
      const split = splitBlocks(text, this.options.wholeDocument);
      this.entries = split.blocks;
      this.whole = split.whole;
      this.letters = undefined;
      this.stats.full++;
    }
    this.text = text;
    this.started = true;
  }

  /**
   * Findings of the current text: only blocks that can give one, hold a directive, or (for a rule
   * set with context conditions) give context are parsed.
   */
  lint(ruleSet: RuleSet, options: DocumentLintOptions = {}): Finding[] {
    const text = this.text;
    let directive = false;
    // Indexed loops over the blocks: see core's inRanges (lang/script.ts).
    const entries = this.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Entry;
      if (entry.frontMatter) continue;
      if (this.factsOf(entry, ruleSet).directive) directive = true;
    }
    const live = liveBlocks(this.entries, this.text, ruleSet, options.topic, this.stats);
    const candidate = live.includes(true);
    if (!candidate && !directive) return [];
    const context = candidate && needsContext(ruleSet);
    const given = candidate ? this.givenBlocks(ruleSet, context, live) : [];
    const { parts, directives, tooDeep, frontMatter } = this.collect(given, context, options.lines);
    const segments = assembleSegments(parts, frontMatter);
    // The options named, not spread: an object spread and then added to took 4 ms of every pass
    // over the bench corpus with 10,000 terms, where most documents get here.
    const findings = lintParsed({
      text,
      segments,
      directives,
      ruleSet,
      lang: options.lang,
      topic: options.topic,
      cache: options.cache,
      lines: options.lines,
      candidate,
      textLetters: (enough) => this.textLetters(enough),
    });
    return tooDeep.length > 0 ? withTooDeep(findings, tooDeep, text) : findings;
  }

  /**
   * Every segment and directive of the current text, as one full parse gives them (the pieces of
   * a block's segments relative to the block, with its start as their `offset`): every block is
   * parsed, a plain one without remark. A release set's alignment reads the whole document.
   */
  allSegments(): { segments: Segment[]; directives: Directive[] } {
    const { parts, directives, frontMatter } = this.collect(undefined, true, undefined);
    return { segments: assembleSegments(parts, frontMatter), directives };
  }

  /**
   * The parts of the `given` blocks (all when undefined) and the directives of every block parsed,
   * in document offsets; with `context`, the front matter's segment.
   */
  private collect(given: readonly boolean[] | undefined, context: boolean, lines: LineIndex | undefined) {
    const text = this.text;
    const parts: PlacedPart[] = [];
    const directives: Directive[] = [];
    const tooDeep: DeepBlock[] = [];
    let frontMatter: Segment | undefined;
    const gives = (index: number) => given === undefined || given[index] === true;
    this.entries.forEach((entry, index) => {
      if (entry.frontMatter) {
        if (context) frontMatter = frontMatterSegment(text, entry.start, entry.end);
        return;
      }
      if (!given) entry.facts ??= { directive: text.slice(entry.start, entry.end).includes(DIRECTIVE_MARK) };
      const facts = entry.facts;
      if (!facts || (!gives(index) && !facts.directive)) return;
      const parsed = this.parse(entry, facts);
      if (parsed.tooDeep !== undefined)
        tooDeep.push({ start: entry.start, end: entry.end, depth: parsed.tooDeep });
      if (gives(index)) {
        const follows = index > 0 && gives(index - 1) && !this.entries[index - 1]?.frontMatter;
        parts.push({ part: parsed.part, offset: entry.start, follows });
        if (context && parsed.frontMatter) frontMatter = parsed.frontMatter;
      }
      for (const d of parsed.directives) {
        lines ??= createLineIndex(text);
        const start = d.start + entry.start;
        const end = d.end + entry.start;
        directives.push({ ...d, start, end, line: directiveLine(d.kind, start, end, lines) });
      }
    });
    return { parts, directives, tooDeep, frontMatter };
  }

  /**
   * Which blocks give their segments to core: those that can give a finding; with context
   * conditions, every block that can hold a heading, the head (from the start to the first block
   * that gives a paragraph), the blocks that link a list to its lead-in, and a block that can hold
   * a context mention when a list starts right after it; with a rule that reads the paragraphs
   * after a match (`segmentReach`), the blocks after each candidate block that hold that many
   * segments. A mention licenses a match in its own segment, under its heading, in the list its
   * paragraph leads in, or from the head (structure.ts): anywhere else it licenses nothing another
   * block holds, so a body paragraph that only mentions a party is not parsed.
   */
  private givenBlocks(ruleSet: RuleSet, context: boolean, live: readonly boolean[]): boolean[] {
    const given = this.entries.map((entry, index) => {
      const facts = entry.facts;
      if (!facts || entry.frontMatter) return false;
      if (live[index]) return true;
      if (!context) return false;
      return (
        this.shapeOf(entry, facts).heading || (this.leadsIn(index) && this.mentionOf(entry, facts, ruleSet))
      );
    });
    if (context) this.giveStructure(given);
    const reach = segmentReach(ruleSet);
    if (reach > 0) this.giveFollowing(given, reach, live);
    return given;
  }

  /** Whether the block after entry `index` starts with a list item: its last paragraph may lead the list in. */
  private leadsIn(index: number): boolean {
    const next = this.entries[index + 1];
    return next?.facts !== undefined && !next.frontMatter && this.shapeOf(next, next.facts).list;
  }

  /** The head, and the blocks that link a list to its lead-in (see givenBlocks). */
  private giveStructure(given: boolean[]): void {
    for (const [index, entry] of this.entries.entries()) {
      if (!entry.facts || entry.frontMatter) continue;
      given[index] = true;
      if (this.parse(entry, entry.facts).part.segments.some((s) => s.role === 'paragraph')) break;
    }
    // A block starting with a list item may go on with the list of the block before, whose lead-in
    // may be further up: the blocks that start with a list item before a given one are given too.
    for (let index = given.length - 1; index > 0; index--) {
      const entry = this.entries[index];
      const before = this.entries[index - 1];
      if (!given[index] || !entry?.facts || !before?.facts || before.frontMatter) continue;
      if (this.shapeOf(entry, entry.facts).list && this.shapeOf(before, before.facts).list)
        given[index - 1] = true;
    }
  }

  /**
   * After each candidate block, the blocks holding the next `reach` segments: a paragraph of no
   * match is one of "the paragraphs after" a match, and left out, it would no longer part them.
   */
  private giveFollowing(given: boolean[], reach: number, live: readonly boolean[]): void {
    this.entries.forEach((_entry, index) => {
      if (!live[index]) return;
      let covered = 0;
      for (let next = index + 1; next < this.entries.length && covered < reach; next++) {
        const after = this.entries[next];
        if (!after?.facts || after.frontMatter) continue;
        given[next] = true;
        covered += this.parse(after, after.facts).part.segments.length;
      }
    });
  }

  /**
   * `countLetters` of the text: its blocks' summed (no letter lies between blocks), each counted once,
   * kept across edits (`recount`); with core's `enough`, the sum so far once that holds (not kept).
   */
  private textLetters(enough?: LettersEnough): LetterCounts {
    if (this.letters) return this.letters;
    const total = noLetters();
    const entries = this.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Entry;
      addLetters(total, this.lettersOf(entry, this.text), 1);
      if (enough && i + 1 < entries.length && enough(total, this.text.length - entry.end)) return total;
    }
    this.letters = total;
    return total;
  }

  /** The letters of a block of `text` (the text it was split from). */
  private lettersOf(entry: Entry, text: string): LetterCounts {
    if (!entry.facts) return countLetters(noLetters(), text, entry.start, entry.end);
    entry.facts.letters ??= countLetters(noLetters(), text, entry.start, entry.end);
    return entry.facts.letters;
  }

  /** After a re-split: the blocks `gone` (of the old text) replaced by `fresh` (of `text`). */
  private recount(gone: readonly Entry[], fresh: readonly Entry[], text: string): void {
    if (!this.letters) return;
    // A new object: the one given to a lint is that lint's.
    const total = { ...this.letters };
    for (const entry of gone) addLetters(total, this.lettersOf(entry, this.text), -1);
    for (const entry of fresh) addLetters(total, this.lettersOf(entry, text), 1);
    this.letters = total;
  }

  private shapeOf(entry: Entry, facts: BlockFacts): BlockShape {
    facts.shape ??= blockShape(this.text.slice(entry.start, entry.end));
    return facts.shape;
  }

  private mentionOf(entry: Entry, facts: BlockFacts, ruleSet: RuleSet): boolean {
    if (facts.mention === undefined) {
      const raw = rawText(this.text.slice(entry.start, entry.end), ruleSet);
      facts.mention = raw === undefined || hasContextMention(raw, ruleSet);
    }
    return facts.mention;
  }

  private factsOf(entry: Entry, ruleSet: RuleSet): BlockFacts {
    if (entry.facts?.candidateFor === ruleSet) return entry.facts;
    const source = this.text.slice(entry.start, entry.end);
    entry.facts ??= { directive: source.includes(DIRECTIVE_MARK) };
    const facts = entry.facts;
    if (facts.candidateFor !== ruleSet) {
      const raw = this.options.wholeDocument ? undefined : rawText(source, ruleSet);
      delete facts.mention;
      delete facts.hits;
      delete facts.weak;
      if (raw === undefined) facts.candidate = true;
      else {
        // One pass for both: the mention is asked of most blocks when a rule has a condition.
        // With nothing taken out, the block's own text reads as its prose around every match
        // (`hasBoundedCandidate`): the scan passes over the middles of words.
        const scan = preCheck(raw, ruleSet, needsContext(ruleSet), raw === source);
        facts.candidate = scan.candidate;
        if (scan.hits) facts.hits = scan.hits;
        if (scan.mention) facts.mention = true;
        else if (needsContext(ruleSet)) facts.mention = false;
        // Only weak phrases (`AI` in `said`): with nothing taken out, the block's own text reads
        // as its prose around every match, so their word boundaries can be checked on it, when
        // the block is asked whether it may give a finding (live-blocks.ts, after its context).
        if (scan.weakOnly && raw === source) facts.weak = true;
      }
      facts.candidateFor = ruleSet;
    }
    return facts;
  }

  private parse(entry: Entry, facts: BlockFacts): ParsedBlock {
    if (!facts.parsed) {
      const source = this.text.slice(entry.start, entry.end);
      // A block of plain text needs no parser (plain-block.ts); the tests that compare blocks with
      // one whole parse (`wholeDocument`) parse everything.
      const plain = this.options.wholeDocument ? undefined : plainPart(source, this.whole);
      const tooDeep = plain ? undefined : excessNesting(source);
      if (plain) facts.parsed = { part: plain, directives: [] };
      else if (tooDeep !== undefined) facts.parsed = { ...asPlainText(source), tooDeep };
      else {
        facts.parsed = markdownParser().parseBlock(source, this.whole);
        this.remarkParsed++;
      }
      this.stats.parsed++;
      this.stats.parsedLength += source.length;
    }
    return facts.parsed;
  }
}

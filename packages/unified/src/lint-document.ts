// The whole pipeline the CLI and the language server share, so a draft gets the same findings
// everywhere.
import {
  type Finding,
  hasCandidate,
  type LintInput,
  lintSegments,
  type RuleSet,
  type ScanCache,
  type Segment,
} from '@nuance/core';
import type { Root } from 'mdast';
import { type Chunk, markdownChunks } from './chunks.js';
import { applyDirectives, type Directive, directivesOf } from './directives.js';
import { type DocumentFormat, documentLanguage, formatOf } from './language.js';
import { parseMarkdown, segmentsOf } from './markdown-segments.js';
import { textSegments } from './text-segments.js';

export interface LintDocumentInput {
  /** The document text, without a BOM. */
  text: string;
  path?: string | undefined;
  ruleSet: RuleSet;
  /** The language to assume when the document does not say (config `lang`). */
  lang?: string | undefined;
  format?: DocumentFormat | undefined;
  /** Parse a Markdown document whole even when its chunks could be parsed alone (tests). */
  fullParse?: boolean | undefined;
}

export interface LintDocumentResult {
  findings: Finding[];
  /** The document language used (front matter, file name, else the given `lang`). */
  lang?: string;
}

const DIRECTIVE_MARK = 'nuance-';
// A numeric character reference can spell a term's first character (`&#23454;用外交`), which the
// raw-text pre-check cannot see: such Markdown is always parsed.
const CHARACTER_REFERENCE = /&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});/;

function markdownCandidate(text: string, ruleSet: RuleSet): boolean {
  return hasCandidate(text, ruleSet) || CHARACTER_REFERENCE.test(text);
}

/** Lint segments and apply directives: the part shared by `lintDocument` and the plugin. */
export function lintParsed(input: {
  text: string;
  segments: Segment[];
  directives: Directive[];
  ruleSet: RuleSet;
  lang?: string | undefined;
  candidate?: boolean;
  /** Reuse unchanged segments' scans between lints of one document (the language server). */
  cache?: ScanCache | undefined;
}): Finding[] {
  const candidate = input.candidate ?? hasCandidate(input.text, input.ruleSet);
  const lintInput: LintInput = { text: input.text, segments: input.segments };
  if (input.lang !== undefined) lintInput.lang = input.lang;
  if (input.cache !== undefined) lintInput.cache = input.cache;
  const findings = candidate ? lintSegments(lintInput, input.ruleSet) : [];
  return applyDirectives(findings, input.directives, input.text, input.ruleSet);
}

/** Lint a parsed Markdown tree (the plugin's path: the tree comes from the caller's processor). */
export function lintTree(tree: Root, text: string, ruleSet: RuleSet, lang?: string): Finding[] {
  const candidate = markdownCandidate(text, ruleSet);
  const segments = candidate ? segmentsOf(tree, text) : [];
  return lintParsed({ text, segments, directives: directivesOf(tree, text), ruleSet, lang, candidate });
}

/** Segments of the chunks that can hold a candidate, each chunk parsed alone. */
function chunkSegments(text: string, chunks: readonly Chunk[], ruleSet: RuleSet): Segment[] {
  const segments: Segment[] = [];
  for (const chunk of chunks) {
    if (chunk.frontMatter) continue;
    const source = text.slice(chunk.start, chunk.end);
    if (!markdownCandidate(source, ruleSet)) continue;
    for (const segment of segmentsOf(parseMarkdown(source), source)) {
      segments.push({
        pieces: segment.pieces.map((p) => ({ ...p, start: p.start + chunk.start, end: p.end + chunk.start })),
      });
    }
  }
  return segments;
}

/** Lint one document. A text with no candidate match and no directive is never parsed. */
export function lintDocument(input: LintDocumentInput): LintDocumentResult {
  const { text, ruleSet } = input;
  const format = input.format ?? formatOf(input.path);
  const lang = documentLanguage({ text, path: input.path, lang: input.lang, format });
  const result: LintDocumentResult = { findings: [] };
  if (lang !== undefined) result.lang = lang;
  const candidate = format === 'markdown' ? markdownCandidate(text, ruleSet) : hasCandidate(text, ruleSet);
  if (!candidate && !text.includes(DIRECTIVE_MARK)) return result;
  const chunks = format === 'markdown' && !input.fullParse && candidate ? markdownChunks(text) : undefined;
  if (chunks && !text.includes(DIRECTIVE_MARK)) {
    result.findings = lintParsed({
      text,
      segments: chunkSegments(text, chunks, ruleSet),
      directives: [],
      ruleSet,
      lang,
      candidate,
    });
  } else if (format === 'markdown') {
    const tree = parseMarkdown(text);
    const segments = segmentsOf(tree, text);
    result.findings = lintParsed({
      text,
      segments,
      directives: directivesOf(tree, text),
      ruleSet,
      lang,
      candidate,
    });
  } else {
    const { segments, directives } = textSegments(text);
    result.findings = lintParsed({ text, segments, directives, ruleSet, lang, candidate });
  }
  return result;
}

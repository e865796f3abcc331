// The whole pipeline the CLI and the language server share, so a draft gets the same findings
// everywhere.
import type { Finding, RuleSet } from '@nuance/core';
import { type DocumentFormat, documentLanguage, formatOf } from './language.js';
import { DIRECTIVE_MARK, lintParsed, markdownMayGiveFinding, mayGiveFinding } from './lint-parsed.js';
import { MarkdownDocument } from './markdown-document.js';
import { loadMarkdownParser, MarkdownParserNotLoaded } from './markdown-parser.js';
import { textSegments } from './text-segments.js';
import { documentTopic } from './topic.js';

export interface LintDocumentInput {
  /** The document text, without a BOM. */
  text: string;
  path?: string | undefined;
  ruleSet: RuleSet;
  /** The language to assume when the document does not say (config `lang`). */
  lang?: string | undefined;
  format?: DocumentFormat | undefined;
  /** Context sets the document is about (config `topic`), with those its front matter declares. */
  topic?: readonly string[] | undefined;
  /** The voice the document is written in (config `voice`): `rok` declares the topic `rok-voice`. */
  voice?: string | undefined;
  /**
   * Parse the whole document (Markdown with remark, as one block), with no pre-check: the
   * reference the fast path is tested against.
   */
  fullParse?: boolean | undefined;
}

export interface LintDocumentResult {
  findings: Finding[];
  /** The document language used (front matter, file name, else the given `lang`). */
  lang?: string;
  /** The topic used (front matter and the given `topic` and `voice`), when there is one. */
  topic?: string[];
}

/** Lint one document. A text with no candidate match and no directive is never parsed. */
export function lintDocument(input: LintDocumentInput): LintDocumentResult {
  const { text, ruleSet } = input;
  const format = input.format ?? formatOf(input.path);
  const lang = documentLanguage({ text, path: input.path, lang: input.lang, format });
  const topic = documentTopic({ text, format, topic: input.topic, voice: input.voice });
  const result: LintDocumentResult = { findings: [] };
  if (lang !== undefined) result.lang = lang;
  if (topic.length > 0) result.topic = topic;
  if (format === 'markdown') {
    // The pre-check runs per block (markdown-document.ts), and only the blocks with a candidate
    // are parsed. Where few documents hold a candidate, one pre-check of the whole text first
    // spares most of them the split into blocks. Not where a directive must be read: one is an
    // HTML comment, and `<!--` is quicker to look for than `nuance-` (0.8 ms against 3 over the
    // 10 MB bench corpus).
    const fast = input.fullParse !== true && !(text.includes('<!--') && text.includes(DIRECTIVE_MARK));
    const whole = fast && (candidateRates.get(ruleSet) ?? 0) < WHOLE_CHECK_BELOW;
    if (whole) {
      const may = markdownMayGiveFinding(text, ruleSet, topic);
      noteCandidate(ruleSet, may);
      if (!may) return result;
    }
    const document = new MarkdownDocument({ wholeDocument: input.fullParse });
    document.update(text);
    result.findings = document.lint(ruleSet, { lang, topic });
    // Without a directive, a block is parsed only when one may give a finding: a document the
    // whole-text check would pass on (its answer is only ever "may") parses none.
    if (fast && !whole) noteCandidate(ruleSet, document.stats.parsed > 0);
    return result;
  }
  // Plain text is its own prose (its segments only leave out blank lines, indentation and
  // directives on their own lines): the scan passes over the middles of words.
  const candidate = input.fullParse === true || mayGiveFinding(text, ruleSet, topic, true);
  if (!candidate && !text.includes(DIRECTIVE_MARK)) return result;
  const { segments, directives } = textSegments(text);
  result.findings = lintParsed({ text, segments, directives, ruleSet, lang, topic, candidate });
  return result;
}

/**
 * Per rule set, the share of the Markdown documents linted with it lately that held a candidate (a
 * moving average over about the last 16). A pre-check of the whole text before the per-block one
 * pays only where that share is small: over the 10 MB bench corpus, 8 % of the documents hold a
 * candidate of the 24-term vocabulary, and the whole-text check took a run from 475 to 452 ms; 87 %
 * hold one of the 10,000-term vocabulary, where checking every document found the first one and
 * the per-block check read the text again (819 to 860 ms). Only how fast a document is linted
 * depends on it.
 */
const candidateRates = new WeakMap<RuleSet, number>();
const WHOLE_CHECK_BELOW = 0.3;

function noteCandidate(ruleSet: RuleSet, candidate: boolean): void {
  const rate = candidateRates.get(ruleSet) ?? 0;
  candidateRates.set(ruleSet, rate + ((candidate ? 1 : 0) - rate) / 16);
}

/**
 * `lintDocument`, loading remark first when the document needs it and it is not loaded yet (with
 * `@nuance/unified/lazy`, which does not load it at once).
 */
export async function lintDocumentAsync(input: LintDocumentInput): Promise<LintDocumentResult> {
  try {
    return lintDocument(input);
  } catch (error) {
    if (!(error instanceof MarkdownParserNotLoaded)) throw error;
    await loadMarkdownParser();
    return lintDocument(input);
  }
}

// The whole pipeline the CLI and the language server share, so a draft gets the same findings
// everywhere.
import { type Finding, mayBeLicensed, preCheck, type RuleSet } from '@nuance/core';
import { type DocumentFormat, documentLanguage, formatOf } from './language.js';
import { DIRECTIVE_MARK, lintParsed } from './lint-parsed.js';
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
    // The pre-check runs per block (markdown-document.ts): a document with no candidate is split
    // into blocks, and never parsed.
    const document = new MarkdownDocument({ wholeDocument: input.fullParse });
    document.update(text);
    result.findings = document.lint(ruleSet, { lang, topic });
    return result;
  }
  const candidate = input.fullParse === true || mayGiveFinding(text, ruleSet, topic);
  if (!candidate && !text.includes(DIRECTIVE_MARK)) return result;
  const { segments, directives } = textSegments(text);
  result.findings = lintParsed({ text, segments, directives, ruleSet, lang, topic, candidate });
  return result;
}

/**
 * The pre-check of a plain-text document: a candidate, and, with context conditions, one whose
 * condition the text's own mentions or its topic may satisfy (core's `mayBeLicensed`).
 */
function mayGiveFinding(text: string, ruleSet: RuleSet, topic: readonly string[]): boolean {
  // Plain text is its own prose (its segments only leave out blank lines, indentation and
  // directives on their own lines): the scan passes over the middles of words.
  const scan = preCheck(text, ruleSet, true, true);
  const hits = scan.hits;
  return scan.candidate && (hits === undefined || mayBeLicensed(ruleSet, hits, () => false, topic));
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

// Linting parsed segments and applying directives: the step every path ends with (lintDocument,
// a Markdown document's blocks, the plugin), and the pre-check that lets a path skip the parse.
import {
  type Finding,
  hasCandidate,
  type LetterCounts,
  type LineIndex,
  type LintInput,
  lintSegments,
  needsContext,
  type RuleSet,
  type ScanCache,
  type Segment,
} from '@nuance/core';
import type { Root } from 'mdast';
import { applyDirectives, type Directive, directivesOf } from './directives.js';
import { segmentsOf } from './markdown-segments.js';
import { rawText } from './raw-scan.js';

/** Text containing this may hold a suppression directive, which must be read even without a candidate. */
export const DIRECTIVE_MARK = 'nuance-';

/** Whether Markdown text can give a finding once parsed: false means its parse can be skipped. */
export function markdownCandidate(markdown: string, ruleSet: RuleSet): boolean {
  const raw = rawText(markdown, ruleSet);
  return raw === undefined || hasCandidate(raw, ruleSet);
}

/** Lint segments and apply directives: the part shared by `lintDocument` and the plugin. */
export function lintParsed(input: {
  text: string;
  segments: Segment[];
  directives: Directive[];
  ruleSet: RuleSet;
  lang?: string | undefined;
  /** Context sets the document declares itself about (`documentTopic`). */
  topic?: readonly string[] | undefined;
  candidate?: boolean;
  /** Reuse unchanged segments' scans between lints of one document (the language server). */
  cache?: ScanCache | undefined;
  /** The text's line index, kept by the caller (an editor's document). */
  lines?: LineIndex | undefined;
  /** `countLetters` of the whole text, when the caller can tell it without reading it. */
  textLetters?: (() => LetterCounts) | undefined;
}): Finding[] {
  const candidate = input.candidate ?? hasCandidate(input.text, input.ruleSet);
  const lintInput: LintInput = { text: input.text, segments: input.segments };
  if (input.lang !== undefined) lintInput.lang = input.lang;
  if (input.topic !== undefined && input.topic.length > 0) lintInput.topic = input.topic;
  if (input.cache !== undefined) lintInput.cache = input.cache;
  if (input.lines !== undefined) lintInput.lines = input.lines;
  if (input.textLetters !== undefined) lintInput.textLetters = input.textLetters;
  const findings = candidate ? lintSegments(lintInput, input.ruleSet) : [];
  return applyDirectives(findings, input.directives, input.text, input.ruleSet, input.lines);
}

/**
 * Lint a parsed Markdown tree (the plugin's path: the tree comes from the caller's processor). The
 * front matter is given to core only for context conditions, the one thing it counts for.
 */
export function lintTree(
  tree: Root,
  text: string,
  ruleSet: RuleSet,
  lang?: string | undefined,
  topic?: readonly string[] | undefined,
): Finding[] {
  const candidate = markdownCandidate(text, ruleSet);
  const segments = candidate ? segmentsOf(tree, text, { frontMatter: needsContext(ruleSet) }) : [];
  const directives = directivesOf(tree, text);
  return lintParsed({ text, segments, directives, ruleSet, lang, topic, candidate });
}

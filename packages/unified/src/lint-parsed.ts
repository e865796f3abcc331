// Linting parsed segments and applying directives: the step every path ends with (lintDocument,
// a Markdown document's blocks, the plugin), and the pre-check that lets a path skip the parse.
import {
  type Finding,
  hasCandidate,
  type LetterCounts,
  type LettersEnough,
  type LineIndex,
  type LintInput,
  lintSegments,
  mayBeLicensed,
  needsContext,
  preCheck,
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

/**
 * Whether a Markdown document may give a finding (false: no block of it can, and its parse can be
 * skipped): the pre-check of its raw text (raw-scan.ts), which holds every match and every context
 * mention the parse of any of its blocks can give. `topic`: what the document declares
 * (`documentTopic`). The one whole-text check of `lintDocument` and the plugin (`lintTree`).
 */
export function markdownMayGiveFinding(text: string, ruleSet: RuleSet, topic: readonly string[]): boolean {
  const raw = rawText(text, ruleSet);
  return raw === undefined || mayGiveFinding(raw, ruleSet, topic, raw === text);
}

/**
 * The pre-check of a whole document (plain text, or Markdown's raw text): a candidate, and, with
 * context conditions, one whose condition the text's own mentions or its topic may satisfy (core's
 * `mayBeLicensed`): the text holds every mention the document's segments can give. `asProse`: the
 * text reads as its prose around every match.
 */
export function mayGiveFinding(
  text: string,
  ruleSet: RuleSet,
  topic: readonly string[],
  asProse: boolean,
): boolean {
  const scan = preCheck(text, ruleSet, true, asProse);
  const hits = scan.hits;
  return scan.candidate && (hits === undefined || mayBeLicensed(ruleSet, hits, () => false, topic));
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
  /** `countLetters` of the whole text (or enough of it: core's LintInput), when the caller can tell it without reading it. */
  textLetters?: ((enough?: LettersEnough) => LetterCounts) | undefined;
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
  const candidate = markdownMayGiveFinding(text, ruleSet, topic ?? []);
  const segments = candidate ? segmentsOf(tree, text, { frontMatter: needsContext(ruleSet) }) : [];
  const directives = directivesOf(tree, text);
  return lintParsed({ text, segments, directives, ruleSet, lang, topic, candidate });
}

// The entry point: everything, with remark loaded at once (lazy.ts is the same without it).
import { useMarkdownParser } from './markdown-parser.js';
import * as remark from './remark-parser.js';

useMarkdownParser(remark);

export { type Block, type BlockSplit, frontMatterEnd, splitBlocks } from './blocks.js';
export {
  applyDirectives,
  type Directive,
  type DirectiveKind,
  directivesOf,
  UNKNOWN_RULE_IN_DIRECTIVE,
} from './directives.js';
export { type ExampleResult, type ExampleVariant, runPackExamples, stripMarks } from './examples.js';
export { type DocumentFormat, documentLanguage, formatOf, frontMatterLanguage } from './language.js';
export {
  type LintDocumentInput,
  type LintDocumentResult,
  lintDocument,
  lintDocumentAsync,
} from './lint-document.js';
export { lintParsed, lintTree } from './lint-parsed.js';
export {
  type DocumentLintOptions,
  MarkdownDocument,
  type MarkdownDocumentOptions,
  type MarkdownDocumentStats,
} from './markdown-document.js';
export { loadMarkdownParser, MarkdownParserNotLoaded } from './markdown-parser.js';
export { segmentsOf } from './markdown-segments.js';
export { default, type NuanceOptions, reportFinding } from './plugin.js';
export { parseMarkdown } from './remark-parser.js';
export { textSegments } from './text-segments.js';
export { documentTopic, frontMatterTopic, voiceTopic } from './topic.js';

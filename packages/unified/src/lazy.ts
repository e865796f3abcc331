// `@nuance/unified/lazy`: the API of the entry point without remark, which is loaded the first
// time a document needs it: with `lintDocumentAsync`, or after `await loadMarkdownParser()` (a
// synchronous lint that needs remark before then throws MarkdownParserNotLoaded). A run whose
// documents all take the plain path (plain-block.ts) or have no candidate never loads it.
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
  MarkdownDocument,
  type MarkdownDocumentOptions,
  type MarkdownDocumentStats,
} from './markdown-document.js';
export { loadMarkdownParser, MarkdownParserNotLoaded } from './markdown-parser.js';
export { segmentsOf } from './markdown-segments.js';
export { default, type NuanceOptions, reportFinding } from './plugin.js';
export { textSegments } from './text-segments.js';
export { documentTopic, frontMatterTopic, voiceTopic } from './topic.js';

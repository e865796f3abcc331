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
  lintParsed,
  lintTree,
} from './lint-document.js';
export { parseMarkdown, segmentsOf } from './markdown-segments.js';
export { default, type NuanceOptions, reportFinding } from './plugin.js';
export { textSegments } from './text-segments.js';

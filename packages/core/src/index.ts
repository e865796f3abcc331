export type * from './types.js';
export type * from './pack/types.js';
export type { CompileOptions, RuleInfo, RuleSet } from './engine/rule-set.js';
export { createLineIndex, type LineIndex } from './text/lines.js';
export { compilePacks, lintSegments, hasCandidate, type LintInput } from './engine/lint.js';
export { applyEdits, fixText, type ApplyResult, type FixResult } from './engine/edits.js';
export { minimalEdit } from './engine/finding.js';

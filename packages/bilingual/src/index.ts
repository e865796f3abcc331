export { alignSegments } from './align.js';
export {
  type BilingualFormat,
  type BilingualLintOptions,
  bilingualFormatOf,
  lintBilingualFile,
  readBilingual,
} from './lint-file.js';
export { type BilingualConfig, type BilingualHost, bilingualLinter } from './linter.js';
export {
  isReleaseSetMember,
  lintReleaseTarget,
  releaseSetMembers,
  releaseSetSource,
  type SetMember,
} from './release-set.js';
export { readParallelTsv, sourceColumn } from './tsv.js';
export type { BilingualFile, BilingualProblem, BilingualSideSegments, LanguagePair } from './types.js';
export { readXliff } from './xliff.js';

export {
  type BilingualFormat,
  type BilingualLintOptions,
  bilingualFormatOf,
  lintBilingualFile,
  readBilingual,
} from './lint-file.js';
export { readParallelTsv, sourceColumn } from './tsv.js';
export type { BilingualFile, BilingualProblem, BilingualSideSegments, LanguagePair } from './types.js';
export { readXliff } from './xliff.js';

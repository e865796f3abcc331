export {
  type CheckCommand,
  type Command,
  FORMATS,
  HELP,
  type ListFormat,
  type MergeCommand,
  type OutputFormat,
  parseCommand,
  UsageError,
} from './args.js';
export { type CheckOptions, FILE_IGNORED, runCheck } from './commands/check.js';
export { STDIN_PATH } from './commands/check-stdin.js';
export { type ExplainOptions, formatExplain, runExplain } from './commands/explain.js';
export { runInit, STARTER_CONFIG } from './commands/init.js';
export { type Catalog, type CatalogRule, didYouMean, loadCatalog } from './commands/rule-catalog.js';
export { type RulesListOptions, runRulesList } from './commands/rules-list.js';
export { type RulesTestOptions, runRulesTest } from './commands/rules-test.js';
export {
  type CollectOptions,
  collectFiles,
  displayPath,
  type FileList,
  type IgnoreCheck,
  isLintedFile,
} from './files.js';
export type { CliIo, OutputStream } from './io.js';
export { main } from './main.js';
export {
  formatMergedJson,
  formatMergedSarif,
  type MergeFormat,
  MergeInputError,
  type MergeOptions,
  mergeJson,
  mergeSarif,
  runMerge,
} from './merge.js';
export {
  type ConfigLoader,
  createConfigLoader,
  defaultJobs,
  type LintTask,
  type LintTaskResult,
  linter,
  lintInParallel,
  lintOneFile,
  makeBatches,
  type ParallelOptions,
  workerEntry,
} from './parallel/index.js';
export {
  createProgress,
  type Progress,
  type ProgressOptions,
  type ProgressStream,
} from './progress.js';
export {
  decodeDocument,
  firstInvalidUtf8,
  type ReadResult,
  readDocument,
  readSnapshot,
  type SnapshotResult,
  UNREADABLE_FILE,
} from './read-file.js';
export { onlyErrors, renderReport, writeFileAtomic } from './report.js';
export { formatGithub } from './reporters/github.js';
export { formatHtml, type HtmlFileResult, type HtmlOptions } from './reporters/html.js';
export { formatJson, type JsonFileResult, toJsonResults } from './reporters/json.js';
export { formatProblems } from './reporters/problems.js';
export { formatSarif, type SarifFileResult, type SarifOptions, toSarif } from './reporters/sarif.js';
export { formatStylish, type StylishOptions } from './reporters/stylish.js';
export { countSeverities, type FileResult, fileFinding, type SeverityCounts } from './results.js';
export { parseShard, type Shard, ShardError, selectShard, shardOf } from './shard.js';
export { VERSION } from './version.js';

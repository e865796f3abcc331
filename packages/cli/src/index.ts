export { type Command, HELP, type OutputFormat, parseCommand, UsageError } from './args.js';
export { type CheckOptions, runCheck } from './commands/check.js';
export { type RulesTestOptions, runRulesTest } from './commands/rules-test.js';
export { collectFiles, displayPath, type FileList, isLintedFile } from './files.js';
export type { CliIo, OutputStream } from './io.js';
export { main } from './main.js';
export {
  decodeDocument,
  firstInvalidUtf8,
  type ReadResult,
  readDocument,
  UNREADABLE_FILE,
} from './read-file.js';
export { formatJson, type JsonFileResult, toJsonResults } from './reporters/json.js';
export { formatProblems } from './reporters/problems.js';
export { formatStylish, type StylishOptions } from './reporters/stylish.js';
export { countSeverities, type FileResult, type SeverityCounts } from './results.js';
export { VERSION } from './version.js';

export {
  type ConfigLoader,
  createConfigLoader,
  type LintTask,
  type LintTaskResult,
  linter,
  lintOneFile,
} from './lint-one.js';
export { defaultJobs, lintInParallel, makeBatches, type ParallelOptions, workerEntry } from './pool.js';

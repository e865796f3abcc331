export {
  type ConfigLoader,
  createConfigLoader,
  type LintTask,
  type LintTaskResult,
  lintOneFile,
} from './lint-one.js';
export { defaultJobs, lintInParallel, makeBatches, type ParallelOptions, workerEntry } from './pool.js';

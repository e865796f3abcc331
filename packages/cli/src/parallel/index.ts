export { availableCores, capJobs, defaultJobs, type Machine, thisMachine, workerBytes } from './jobs.js';
export {
  type ConfigLoader,
  createConfigLoader,
  type LintTask,
  type LintTaskResult,
  linter,
  lintOneFile,
} from './lint-one.js';
export { lintInParallel, makeBatches, type ParallelOptions, taskBytes, workerEntry } from './pool.js';
export { type LintConfig, receiveConfig, type SharedConfig, shareConfig } from './shared-config.js';

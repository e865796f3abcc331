export { writeCacheFile } from './cache-file.js';
export { type FileIdentity, identityOf, RACY_MS, sameFile } from './digest-memo.js';
export { CONFIG_FILE_NAME, findConfigFile, mayFindConfig } from './find-config.js';
export { FreshConfigs } from './fresh-configs.js';
export { type EntryCheck, GitignoreTree } from './gitignore.js';
export { createIgnoreMatcher, type IgnoreMatcher, isIgnored, relativeInside } from './ignore.js';
export {
  DEFAULT_PACKS,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
  mergeConfig,
} from './load-config.js';
export { builtinPackNames, isBuiltinPackName, type LoadedPack, loadPack } from './load-pack.js';
export { hashBytes, hashText, nodeCrypto } from './node-crypto.js';
export {
  type ConfigRequest,
  ConfigResolver,
  type ConfigResolverOptions,
  type ResolvedConfig,
  unionRuleSet,
} from './resolver.js';
export { RuleSetCache, type RuleSetCacheOptions } from './rule-set-cache.js';
export { inSharedMemory, ruleSetFromShared, type SharedRuleSet } from './shared-rule-set.js';
export { type SiblingFiles, siblingFiles } from './sibling-files.js';
export { EXPORT_FORMATS, type ExportedPack, type ExportFormat, exportPack } from './termbase/export.js';
export { type ImportedPack, termbaseToYaml } from './termbase/import-yaml.js';
export { isTermbaseFile, parseTermbase } from './termbase/load.js';
export {
  DEFAULT_MAX_FILE_BYTES,
  describeFsError,
  FileReadError,
  formatBytes,
  ReadBuffer,
  type RegularFile,
  readRegularFile,
  readRegularFileSync,
  readText,
  type SyncReadOptions,
  strictUtf8,
} from './text-file.js';

/// <reference types="node" />
// The server's use of the config resolver of @nuance/config: a document's config is its nearest
// `.nuancerc.yaml` with the editor settings below it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigResolver, type ResolvedConfig, RuleSetCache } from '@nuance/config';
import type { ClientSettings } from './settings.js';

/** The loads the server keeps (see ConfigResolverOptions.maxLoads). */
export const MAX_LOADS = 32;

export function createConfigResolver(
  onLoad: () => void,
  uiLocale: () => string | undefined,
  cache: () => RuleSetCache | undefined,
): ConfigResolver {
  return new ConfigResolver({
    cwd: process.cwd(),
    // A half-typed YAML or a pack caught mid-save must not wipe out every diagnostic.
    keepLastGood: true,
    // Configs come and go while the server runs, also where no watcher looks (above the workspace).
    cacheDiscovery: false,
    // Documents from any number of folders come and go: at most this many compiled rule sets
    // (about 0.75 MB each) are kept.
    maxLoads: MAX_LOADS,
    onLoad,
    // Only for a document whose language is unknown: a Korean draft stays Korean in an English UI.
    fallbackLocale: uiLocale,
    // The client's cache folder, when it gives one (`initializationOptions.cacheFolder`).
    cache,
  });
}

/** The config for a document at `filePath` (absolute), or for an unsaved one under `folder`. */
export function configFor(
  resolver: ConfigResolver,
  filePath: string | undefined,
  folder: string | undefined,
  settings: ClientSettings,
): Promise<ResolvedConfig> {
  const dir = filePath ? path.dirname(filePath) : folder;
  // Editor settings sit below the file: a key the config file sets wins over the same setting.
  // Their relative paths are the workspace folder's.
  const request = { defaults: settings.config, cwd: folder ?? dir ?? process.cwd() };
  return dir ? resolver.forDir(dir, request) : resolver.forConfigFile(undefined, request);
}

/**
 * The file of the running code. In the bundle that the bin, its launcher and the VS Code extension
 * run (dist/server.cjs), all of nuance's code; in the ES modules of dist/, this module's file.
 */
export const CODE_FILE = fileURLToPath(import.meta.url);

/**
 * Compiled packs kept in the client's folder (the VS Code extension gives its global storage), so a
 * large pack is compiled once per content and build, not at each start. The build is the SHA-1 of
 * `code`, the file of the running code, not the process's entry script: the bin and the extension
 * start the bundle through a launcher (src/launch.cts), a file that no change to nuance changes,
 * and a new build would have read the packs an older one compiled.
 */
export function ruleSetCacheIn(folder: string, code: string = CODE_FILE): RuleSetCache | undefined {
  if (!path.isAbsolute(folder)) return undefined;
  try {
    const salt = createHash('sha1').update(readFileSync(code)).digest('hex');
    return RuleSetCache.inFolder(folder, salt);
  } catch {
    return undefined;
  }
}

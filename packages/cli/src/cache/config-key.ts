/// <reference types="node" />
// The key a file's cached findings are kept under, besides its own bytes (results-cache.ts): what
// of its config can change them. The settings in effect (the file's, with `--lang`, `--audience`
// and `--locale` on top), the bytes of every pack and locale file they read (a termbase's digest
// as the rule-set cache remembers it, when it does), and the options that decide whether a file is
// linted at all. The built-in packs are part of the build, which the cache file is kept for.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hashBytes, identityOf, type LoadedConfig, type RuleSetCache } from '@nuance/config';
import { textDigest } from './record.js';

export interface ConfigKeyOptions {
  /** Where pack files are named from (the cache's folder): a checkout elsewhere keeps its keys. */
  base: string;
  /** `--max-file-size`. */
  maxFileBytes?: number | undefined;
  /** `--allow-packs-outside`. */
  allowPacksOutside?: boolean | undefined;
  /** The rule-set cache's digests of large pack files (config's digest-memo.ts). */
  digests?: RuleSetCache['digests'] | undefined;
}

export function configKey(loaded: LoadedConfig, options: ConfigKeyOptions): string {
  const packs = loaded.packFiles.map((file) => [
    path.relative(options.base, file).split(path.sep).join('/'),
    fileDigest(file, options.digests),
  ]);
  return textDigest(
    JSON.stringify([loaded.config, packs, options.maxFileBytes ?? null, options.allowPacksOutside === true]),
  );
}

/** The digest of a pack or locale file (config's `hashBytes`, as the rule-set cache's); null when it cannot be read. */
function fileDigest(file: string, digests: RuleSetCache['digests'] | undefined): string | null {
  try {
    return digests?.known(file, identityOf(statSync(file))) ?? hashBytes(readFileSync(file));
  } catch {
    return null;
  }
}

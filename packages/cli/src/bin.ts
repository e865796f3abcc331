#!/usr/bin/env node
/// <reference types="node" />
// The `nuance` bin, on the main thread and in each --jobs worker thread. It runs dist/nuance.cjs,
// the CLI bundled with everything it needs (scripts/bundle.mjs), so start-up reads one file instead
// of hundreds of modules; and it keeps V8's code cache for that file in the user's cache folder, so
// a run after the first skips most of the compiling. It imports nothing but Node's own modules.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** A code cache file starts with this many bytes: the key of the bundle and Node it was made for. */
const KEY_BYTES = 20;

const bundle = fileURLToPath(new URL('./nuance.cjs', import.meta.url));
const bytes = readFileSync(bundle);
// The bundle is ASCII (the build escapes the rest); Latin-1 decodes that faster than UTF-8 does.
const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
const cache = cacheFile(bytes);
const cachedData = cache && readCache(cache);
const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
  filename: bundle,
  lineOffset: -1,
  ...(cachedData ? { cachedData } : {}),
});
const loaded: { exports: { start?: (host: StartHost) => void } } = { exports: {} };
script.runInThisContext()(loaded.exports, createRequire(bundle), loaded, bundle, path.dirname(bundle));
const { start } = loaded.exports;
if (typeof start !== 'function') throw new Error(`${bundle} is not the nuance bundle: run \`pnpm build\``);
if (cache && isMainThread && (!cachedData || script.cachedDataRejected)) {
  // At exit, so the cache holds the functions this run compiled, not only the top level.
  process.once('exit', () => writeCache(cache, script));
}
start({ cacheDir: cache ? path.dirname(cache.file) : undefined, codeKey: cache?.key.toString('hex') });

/** What the bundle learns from the bin (start.ts): the cache folder and the identity of its code. */
interface StartHost {
  cacheDir: string | undefined;
  codeKey: string | undefined;
}

interface CacheFile {
  file: string;
  key: Buffer;
}

/**
 * Where the code cache of this bundle lives: one file per installed bundle (named after its path,
 * so a rebuild replaces it rather than adding one), valid for the bundle's content and this
 * Node version only. Never a shared folder such as the system's temp folder: compiled code that
 * another user could plant there would run as this one. Undefined when there is no cache folder.
 */
function cacheFile(content: Buffer): CacheFile | undefined {
  try {
    const dir = cacheDir();
    if (dir === undefined) return undefined;
    const name = createHash('sha1').update(bundle).digest('hex').slice(0, 16);
    const key = createHash('sha1').update(`${process.version} ${process.arch}\0`).update(content).digest();
    return { file: path.join(dir, `${name}.code-cache`), key };
  } catch {
    return undefined;
  }
}

/**
 * The user's cache folder for nuance: `$XDG_CACHE_HOME/nuance`, else the platform's usual place;
 * none when `NUANCE_NO_CACHE` is set.
 */
function cacheDir(): string | undefined {
  const { XDG_CACHE_HOME, LOCALAPPDATA, NUANCE_NO_CACHE } = process.env;
  if (NUANCE_NO_CACHE) return undefined;
  if (XDG_CACHE_HOME && path.isAbsolute(XDG_CACHE_HOME)) return path.join(XDG_CACHE_HOME, 'nuance');
  if (process.platform === 'win32')
    return LOCALAPPDATA ? path.join(LOCALAPPDATA, 'nuance', 'Cache') : undefined;
  const home = homedir();
  if (!home) return undefined;
  return process.platform === 'darwin'
    ? path.join(home, 'Library', 'Caches', 'nuance')
    : path.join(home, '.cache', 'nuance');
}

/** The cached code for this bundle, if the file holds it (V8 also refuses data that does not fit). */
function readCache({ file, key }: CacheFile): Buffer | undefined {
  try {
    const data = readFileSync(file);
    return data.subarray(0, KEY_BYTES).equals(key) ? data.subarray(KEY_BYTES) : undefined;
  } catch {
    return undefined;
  }
}

/** Replace the cache file atomically; a cache that cannot be written is only a slower next start. */
function writeCache({ file, key }: CacheFile, compiled: Script): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    makeDir(path.dirname(file));
    writeFileSync(temp, Buffer.concat([key, compiled.createCachedData()]), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {}
  }
}

/**
 * The cache folder and its parent (`~/.cache`), not further up: not `recursive: true`, which loops
 * forever in some file systems (under /proc) where it should fail.
 */
function makeDir(dir: string): void {
  for (const each of [path.dirname(dir), dir]) {
    if (!existsSync(each)) mkdirSync(each, { mode: 0o700 });
  }
}

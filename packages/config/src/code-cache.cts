/// <reference types="node" />
// A bundle run with V8's code cache, kept in the user's cache folder: the `nuance` bin runs the
// CLI's bundle (packages/cli/src/bin.cts) and the `nuance-language-server` bin the server's
// (packages/language-server/src/launch.cts) this way, so that a start after the first skips most
// of the compiling. Node's own modules only: the CLI's bin inlines this file (its package has no
// dependencies), the server's requires it (`@nuance/config/code-cache`) without loading the rest
// of config. CommonJS, as both bins are.
import buffer = require('node:buffer');
import fs = require('node:fs');
import nodeModule = require('node:module');
import os = require('node:os');
import path = require('node:path');
import vm = require('node:vm');

const { isAscii } = buffer;
const {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = fs;
const { createRequire } = nodeModule;
const { homedir } = os;
const { Script } = vm;

/**
 * Compile the bundle at `bundle` (with its cache's data when the cache file holds data for it) and
 * run it as Node runs a CommonJS module. The caller writes the cache (`writeCache`) when it was
 * missing, refused (`script.cachedDataRejected`) or of less use, at exit: it then holds the
 * functions the run compiled, not only the top level.
 */
function runBundle(bundle: string): codeCache.RunBundle {
  const { size, wrapped } = readWrapped(bundle);
  // A bundle of ASCII (the CLI's build escapes the rest): Latin-1 decodes that faster than UTF-8.
  const source = isAscii(wrapped) ? wrapped.toString('latin1') : wrapped.toString('utf8');
  const cache = cacheFile(bundle, size);
  const cached = cache && readCache(cache);
  const script = new Script(source, {
    filename: bundle,
    lineOffset: -1,
    ...(cached ? { cachedData: cached.data } : {}),
  });
  const module: { exports: unknown } = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { script, exports: module.exports, cache, cached };
}

/** The function the bundle runs in, as Node's own loader wraps a CommonJS module. */
const WRAP_BEFORE = Buffer.from('(function (exports, require, module, __filename, __dirname) {\n', 'latin1');
const WRAP_AFTER = Buffer.from('\n})', 'latin1');

/**
 * A code cache file starts with this many bytes: the key of the bundle and Node it was made for.
 * Then one byte, the use of the run that wrote it (the bin's: the CLI's bundle's `start()` returns
 * it, the server's bin writes 1), then V8's data.
 */
const KEY_BYTES = 64;

/**
 * The bundle's code, read into one buffer between the two halves of its wrapper: its source is
 * then made in one piece. A string joined from the three was a rope that V8 copied into one
 * string again to compile it: 2.5 MB more memory touched for the first time at every start (6-7 ms).
 * Not the built-in packs' data at the end of the CLI's bundle (its src/builtin-data.ts): the code
 * reads them when it needs them. `size`: the whole file's.
 */
function readWrapped(file: string): { size: number; wrapped: Buffer } {
  const fd = openSync(file, 'r');
  try {
    const whole = fstatSync(fd).size;
    const size = whole - dataBytes(fd, whole);
    const wrapped = Buffer.allocUnsafeSlow(WRAP_BEFORE.length + size + WRAP_AFTER.length);
    WRAP_BEFORE.copy(wrapped, 0);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, wrapped, WRAP_BEFORE.length + read, size - read, read);
      if (n === 0) throw new Error(`${file} was cut short while it was read: run \`pnpm build\``);
      read += n;
    }
    WRAP_AFTER.copy(wrapped, WRAP_BEFORE.length + size);
    // A bundle that is a bin too starts with `#!`, which only a script's first line may: a comment.
    if (wrapped[WRAP_BEFORE.length] === 0x23 && wrapped[WRAP_BEFORE.length + 1] === 0x21) {
      wrapped.write('//', WRAP_BEFORE.length, 'latin1');
    }
    return { size: whole, wrapped };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of the built-in packs' data and its trailer at the end of the bundle file, 0 when it has
 * none: the last line is `//nuance-data <the data's length, 12 digits>` (src/builtin-data.ts, which
 * writes and reads it; a bin imports nothing of its bundle's).
 */
function dataBytes(fd: number, size: number): number {
  const trailer = 27;
  if (size < trailer) return 0;
  const tail = Buffer.alloc(trailer);
  readSync(fd, tail, 0, trailer, size - trailer);
  const match = /^\/\/nuance-data (\d{12})\n$/.exec(tail.toString('latin1'));
  return match ? trailer + Number(match[1]) : 0;
}

/**
 * Where the code cache of this bundle lives: one file per installed bundle (named after its path,
 * so a rebuild replaces it rather than adding one), valid for the bundle's content and this
 * Node version only. Never a shared folder such as the system's temp folder: compiled code that
 * another user could plant there would run as this one. Undefined when there is no cache folder.
 */
function cacheFile(bundle: string, size: number): codeCache.CacheFile | undefined {
  try {
    const dir = cacheDir();
    if (dir === undefined) return undefined;
    const id = `${bundleId(bundle, size)} ${process.version} ${process.arch}`;
    // An id that does not fit (a Node version string of 20 characters): no cache rather than a weak key.
    if (id.length > KEY_BYTES) return undefined;
    return { file: path.join(dir, `${nameOf(bundle)}.code-cache`), key: Buffer.from(id.padEnd(KEY_BYTES)) };
  } catch {
    return undefined;
  }
}

/**
 * The SHA-1 of the bundle, as the build wrote it beside the bundle (`<bundle>.sha1`: the hash and
 * the size), so that a start need not load Node's crypto module (7-10 ms) to hash 2 MB; hashed
 * here when that file is missing, older than the bundle or of another size.
 */
function bundleId(bundle: string, size: number): string {
  const sidecar = `${bundle}.sha1`;
  try {
    const [hash, recorded] = readFileSync(sidecar, 'latin1').trim().split(' ');
    if (hash && /^[0-9a-f]{40}$/.test(hash) && Number(recorded) === size) {
      if (statSync(sidecar).mtimeMs >= statSync(bundle).mtimeMs) return hash;
    }
  } catch {}
  const crypto = require('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha1').update(readFileSync(bundle)).digest('hex');
}

/** The cache file's name: 64-bit FNV-1a of the bundle's path, in hex (one file per installed bundle). */
function nameOf(file: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (const byte of Buffer.from(file, 'utf8')) {
    low ^= byte;
    // Multiply the 64-bit value by the FNV prime 2^40 + 0x1b3, in 32-bit halves.
    const lo = low * 0x1b3;
    const hi = high * 0x1b3 + (low << 8) + Math.floor(lo / 0x100000000);
    low = lo >>> 0;
    high = hi >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
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

/**
 * The cached code for this bundle and the use of the run that wrote it, if the file holds them (V8
 * also refuses data that does not fit).
 */
function readCache({ file, key }: codeCache.CacheFile): { data: Buffer; use: number } | undefined {
  try {
    const bytes = readFileSync(file);
    if (bytes.length <= KEY_BYTES + 1 || !bytes.subarray(0, KEY_BYTES).equals(key)) return undefined;
    return { data: bytes.subarray(KEY_BYTES + 1), use: bytes[KEY_BYTES] as number };
  } catch {
    return undefined;
  }
}

/** Replace the cache file atomically; a cache that cannot be written is only a slower next start. */
function writeCache({ file, key }: codeCache.CacheFile, compiled: vm.Script, use: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    makeDir(path.dirname(file));
    const data = compiled.createCachedData();
    writeFileSync(temp, Buffer.concat([key, Buffer.of(use), data]), { mode: 0o600 });
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

const codeCache = { runBundle, writeCache };

// The types of the two (a CommonJS module exports one value; its types come with it).
declare namespace codeCache {
  /** A bundle run (`runBundle`): its script, its exports, and its cache file and what that held. */
  export interface RunBundle {
    script: vm.Script;
    exports: unknown;
    /** Undefined when there is no cache folder (`NUANCE_NO_CACHE`, no home). */
    cache: CacheFile | undefined;
    /** What the cache file held for this bundle: V8's data and the use of the run that wrote it. */
    cached: { data: Buffer; use: number } | undefined;
  }

  /** A code cache file: where it is, and the key its first bytes must be. */
  export interface CacheFile {
    file: string;
    key: Buffer;
  }
}

export = codeCache;

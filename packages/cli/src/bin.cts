#!/usr/bin/env node
/// <reference types="node" />
// The `nuance` bin, on the main thread and in each --jobs worker thread. It runs dist/nuance.cjs,
// the CLI bundled with everything it needs (scripts/bundle.mjs), so start-up reads one file instead
// of hundreds of modules; and it keeps V8's code cache for that file in the user's cache folder, so
// a run after the first skips most of the compiling. It imports nothing but Node's own modules.
// CommonJS, not an ES module: Node starts a CommonJS entry without its ES module loader and the
// facades it builds for each built-in module imported (4-5 ms of every start).
import buffer = require('node:buffer');
import fs = require('node:fs');
import nodeModule = require('node:module');
import os = require('node:os');
import path = require('node:path');
import util = require('node:util');
import v8 = require('node:v8');
import vm = require('node:vm');
import workerThreads = require('node:worker_threads');

// Node's own modules the bundle loads in every run, loaded here, before the flag below: Node's code
// cache for its modules is made under its default flags, so a module loaded after the flag is set
// is compiled from its source (fs/promises and what it loads: 1.4 ms, against 4.9 ms after it).
import 'node:fs/promises';

void util.parseArgs;

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
const { setFlagsFromString } = v8;
const { Script } = vm;
const { isMainThread } = workerThreads;

// A run of the CLI is short: its hot functions are optimized while it runs, on the other core,
// and that compiling is most of its warm-up (0.9 s of optimizing compiler time in a 0.75 s run
// over the 10 MB bench corpus, with inlining). Without inlining each is compiled sooner and in a
// fraction of the time, which a run this short gains more from than inlined code would give back.
// And each is optimized later: after four times V8's default interrupt budget (270,336 bytes of
// bytecode run, against 67,584), so fewer of them are compiled, and those once, with the types the
// run gives them. Over the 10 MB bench corpus (alternated runs, medians of 12): 24 terms 472 ->
// 453 ms, korea-china 539 -> 498 ms, 10,000 terms 1,178 -> 1,183 ms; one small file 231 -> 219 ms.
// Twice the budget again lost as much on the 10,000 terms as it gained elsewhere.
// Before any code is compiled, so the code cache is made and read under the same flags.
setFlagsFromString('--no-turbo-inlining');
setFlagsFromString('--interrupt-budget=270336');

/** The function the bundle runs in, as Node's own loader wraps a CommonJS module. */
const WRAP_BEFORE = Buffer.from('(function (exports, require, module, __filename, __dirname) {\n', 'latin1');
const WRAP_AFTER = Buffer.from('\n})', 'latin1');

/**
 * A code cache file starts with this many bytes: the key of the bundle and Node it was made for.
 * Then one byte, the use of the run that wrote it (what `start` returns), then V8's data.
 */
const KEY_BYTES = 64;

const bundle = path.join(__dirname, 'nuance.cjs');
const { size, wrapped } = readWrapped(bundle);
// The bundle is ASCII (the build escapes the rest); Latin-1 decodes that faster than UTF-8 does.
const source = isAscii(wrapped) ? wrapped.toString('latin1') : wrapped.toString('utf8');
const cache = cacheFile(size);
const cached = cache && readCache(cache);
const script = new Script(source, {
  filename: bundle,
  lineOffset: -1,
  ...(cached ? { cachedData: cached.data } : {}),
});
const loaded: { exports: { start?: (host: StartHost) => number | undefined } } = { exports: {} };
script.runInThisContext()(loaded.exports, createRequire(bundle), loaded, bundle, path.dirname(bundle));
const { start } = loaded.exports;
if (typeof start !== 'function') throw new Error(`${bundle} is not the nuance bundle: run \`pnpm build\``);
const use =
  start({ cacheDir: cache ? path.dirname(cache.file) : undefined, codeKey: cache?.key.toString('hex') }) ?? 0;
// A missing, foreign or refused cache is written at exit, so that it holds the functions this run
// compiled, not only the top level; and so is one written by a run of less use (`nuance init` or
// `--version` before the first check, which would otherwise make every check after it compile
// the code it lints with: 5 % of a run over the 10 MB bench corpus, 394 -> 415 ms).
if (cache && isMainThread && (!cached || script.cachedDataRejected || use > cached.use)) {
  process.once('exit', () => writeCache(cache, script, use));
}

/**
 * The bundle's code, read into one buffer between the two halves of its wrapper: its source is
 * then made in one piece. A string joined from the three was a rope that V8 copied into one
 * string again to compile it: 2.5 MB more memory touched for the first time at every start (6-7 ms).
 * Not the built-in packs' data at the end of the file (src/builtin-data.ts): the code reads them
 * when it needs them. `size`: the whole file's.
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
    return { size: whole, wrapped };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of the built-in packs' data and its trailer at the end of the bundle file, 0 when it has
 * none: the last line is `//nuance-data <the data's length, 12 digits>` (src/builtin-data.ts, which
 * writes and reads it; this file imports nothing of the bundle's).
 */
function dataBytes(fd: number, size: number): number {
  const trailer = 27;
  if (size < trailer) return 0;
  const tail = Buffer.alloc(trailer);
  readSync(fd, tail, 0, trailer, size - trailer);
  const match = /^\/\/nuance-data (\d{12})\n$/.exec(tail.toString('latin1'));
  return match ? trailer + Number(match[1]) : 0;
}

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
function cacheFile(size: number): CacheFile | undefined {
  try {
    const dir = cacheDir();
    if (dir === undefined) return undefined;
    const id = `${bundleId(size)} ${process.version} ${process.arch}`;
    // An id that does not fit (a Node version string of 20 characters): no cache rather than a weak key.
    if (id.length > KEY_BYTES) return undefined;
    return { file: path.join(dir, `${nameOf(bundle)}.code-cache`), key: Buffer.from(id.padEnd(KEY_BYTES)) };
  } catch {
    return undefined;
  }
}

/**
 * The SHA-1 of the bundle, as the build wrote it beside the bundle (`nuance.cjs.sha1`: the hash and
 * the size), so that a start need not load Node's crypto module (7-10 ms) to hash 2 MB; hashed
 * here when that file is missing, older than the bundle or of another size.
 */
function bundleId(size: number): string {
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
function readCache({ file, key }: CacheFile): { data: Buffer; use: number } | undefined {
  try {
    const bytes = readFileSync(file);
    if (bytes.length <= KEY_BYTES + 1 || !bytes.subarray(0, KEY_BYTES).equals(key)) return undefined;
    return { data: bytes.subarray(KEY_BYTES + 1), use: bytes[KEY_BYTES] as number };
  } catch {
    return undefined;
  }
}

/** Replace the cache file atomically; a cache that cannot be written is only a slower next start. */
function writeCache({ file, key }: CacheFile, compiled: vm.Script, use: number): void {
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

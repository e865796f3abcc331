#!/usr/bin/env node
/// <reference types="node" />
// The `nuance` bin, on the main thread and in each --jobs worker thread. It runs dist/nuance.cjs,
// the CLI bundled with everything it needs (scripts/bundle.mjs), so start-up reads one file instead
// of hundreds of modules; and it keeps V8's code cache for that file in the user's cache folder, so
// a run after the first skips most of the compiling (@nuance/config/code-cache, which the
// language server's bin shares). It needs nothing but Node's own modules.
// CommonJS, not an ES module: Node starts a CommonJS entry without its ES module loader and the
// facades it builds for each built-in module imported (4-5 ms of every start).
import path = require('node:path');
import util = require('node:util');
import v8 = require('node:v8');
import workerThreads = require('node:worker_threads');
// The code cache (Node's own modules only): inlined here by the build (scripts/bundle.mjs), so the
// bin stays one file that needs nothing but Node.
import codeCache = require('@nuance/config/code-cache');

// Node's own modules the bundle loads in every run, loaded here, before the flag below: Node's code
// cache for its modules is made under its default flags, so a module loaded after the flag is set
// is compiled from its source (fs/promises and what it loads: 1.4 ms, against 4.9 ms after it).
// A module bound and used, not `import 'node:fs/promises'`: esbuild drops that import of Node's
// own module when it bundles the bin.
import fsPromises = require('node:fs/promises');

void util.parseArgs;
void fsPromises.readFile;

const { setFlagsFromString } = v8;
const { isMainThread } = workerThreads;
const { runBundle, writeCache } = codeCache;

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
// The young generation keeps its first size (1 MB a semi-space) instead of doubling up to 16 MB
// as a run keeps what it makes (findings, rules read from the cache): each page of a bigger new
// space is memory touched for the first time, a page fault each, which on a virtual machine costs
// the hypervisor too. Over the 10 MB bench corpus with 10,000 terms: 21.0 K minor faults against
// 13.8 K, peak RSS 117 MB against 88, 988 ms against 915 (alternated runs, medians of 9);
// korea-china 425 -> 407 ms, 24 terms 379 -> 366, one small file and an empty cache the same.
// Read at each growth, so it takes effect here; `--max-semi-space-size` would not (read when the heap is made).
setFlagsFromString('--semi-space-growth-factor=1');
// V8 drops the bytecode of functions a while unused, and the code cache, written at exit, holds
// only what is compiled then: after a run over a folder, the functions of the start (the config,
// the packs) were gone from it, and every later run compiled them again. A cache written by a run
// over ../shared/corpus: 616 KB, and one small file linted with it 232 ms; with the flag 989 KB and
// 194 ms (medians of 21 alternated runs). Over the bench corpus the same time and 0.5 MB more.
setFlagsFromString('--no-flush-bytecode');

const bundle = path.join(__dirname, 'nuance.cjs');
const run = runBundle(bundle);
const { script, cache, cached } = run;
const { start } = run.exports as { start?: (host: StartHost) => number | undefined };
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

/** What the bundle learns from the bin (start.ts): the cache folder and the identity of its code. */
interface StartHost {
  cacheDir: string | undefined;
  codeKey: string | undefined;
}

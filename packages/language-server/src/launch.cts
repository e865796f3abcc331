#!/usr/bin/env node
/// <reference types="node" />
// What `nuance-language-server` runs (bin/nuance-language-server.cjs requires it): the server's
// bundle, dist/server.cjs (scripts/bundle.mjs), with V8's code cache for it kept in the user's
// cache folder, as the `nuance` bin runs the CLI's (@nuance/config/code-cache, which loads nothing
// else of config): a start after the first skips most of compiling the bundle's 2.7 MB.
import path = require('node:path');
import codeCache = require('@nuance/config/code-cache');

/**
 * When a missing or refused cache is written: this long after the start, or at exit if the
 * session ends sooner. By then the start (initialize, the config, the first lint) is compiled, and
 * V8 has dropped none of it yet: it drops the bytecode of functions unused over five full garbage
 * collections, and a cache written at the exit of a long session lacked what a start runs (after
 * 2,500 edits of the bench's dense draft, 38 s, 859 KB against 2.35 MB, and the starts that read
 * it reached their first diagnostics in 384 ms against 327, medians of 7 alternated starts).
 */
const WRITE_AFTER_MS = 5_000;

const run = codeCache.runBundle(path.join(__dirname, 'server.cjs'));
const { script, cache, cached } = run;
// Compiled packs beside the code cache, when the client names no folder for them (bin.ts).
const { useCacheFolder } = run.exports as { useCacheFolder?: (folder: string, codeKey: string) => void };
if (cache && typeof useCacheFolder === 'function') {
  useCacheFolder(path.dirname(cache.file), cache.key.toString('hex'));
}
if (cache && (!cached || script.cachedDataRejected)) {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    codeCache.writeCache(cache, script, 1);
  };
  // Unref'd: it never keeps the process alive.
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
}

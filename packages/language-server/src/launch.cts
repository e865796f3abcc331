#!/usr/bin/env node
/// <reference types="node" />
// What `nuance-language-server` runs (bin/nuance-language-server.cjs requires it): the server's
// bundle, dist/server.cjs (scripts/bundle.mjs), with V8's code cache for it kept in the user's
// cache folder, as the `nuance` bin runs the CLI's (@nuance/config/code-cache, which loads nothing
// else of config): a start after the first skips most of compiling the bundle's 2.7 MB. The cache
// is written at exit when it was missing or refused, so that it holds the functions the session
// compiled, not only the top level.
import path = require('node:path');
import codeCache = require('@nuance/config/code-cache');

const { script, cache, cached } = codeCache.runBundle(path.join(__dirname, 'server.cjs'));
if (cache && (!cached || script.cachedDataRejected)) {
  process.once('exit', () => codeCache.writeCache(cache, script, 1));
}

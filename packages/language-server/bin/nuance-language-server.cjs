#!/usr/bin/env node
// The `nuance-language-server` bin: runs the server's bundle, dist/server.cjs, which `pnpm build`
// makes (scripts/bundle.mjs), with its code cache (src/launch.cts, dist/launch.cjs). A file of the
// repository rather than a built one, so that installing the workspace, which links this bin for
// the packages that depend on the server, finds it before anything is built.
require('../dist/launch.cjs');

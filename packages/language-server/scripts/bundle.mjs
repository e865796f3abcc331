// Bundles the server (src/bin.ts) with everything it needs (core, config, unified, the built-in
// packs, vscode-languageserver) into dist/server.cjs, which the `nuance-language-server` bin runs
// with a code cache (src/launch.cts), so that an editor starting the server reads one file instead
// of the ES module graph of every package (hundreds of modules, each resolved, read and compiled:
// 0.69 s to the first diagnostics against 0.35 s bundled, without the code cache). The same
// file the VS Code extension ships (extension/scripts/bundle.mjs copies it): CommonJS for Node 20,
// workspace packages from their TypeScript sources; whitespace and syntax minified but not names,
// so that the stack of an internal error, which the server logs, still names its functions (and
// all three minified started no faster: 0.37-0.44 s against 0.36-0.41 s to the first
// diagnostics); the source map beside it (the package leaves maps out). The library (`import {
// createServer } from '@nuance/language-server'`) stays the ES modules of dist/. The esbuild
// options and the atomic write are the CLI's bundle's (packages/cli/scripts/node-bundle.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE, write, writeBundle } from '../../cli/scripts/node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/server.cjs');

const result = await build({
  ...NODE_BUNDLE,
  absWorkingDir: root,
  entryPoints: [path.join(root, 'src/bin.ts')],
  outfile,
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  sourcesContent: false,
});

// The bundle (with its SHA-1 beside it, which src/launch.cts keys the code cache with), and its map.
for (const file of result.outputFiles) {
  if (file.path === outfile) writeBundle(file.path, Buffer.from(file.contents));
  else write(file.path, file.text);
}

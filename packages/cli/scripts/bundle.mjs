// Bundles the CLI with everything it needs (core, config, unified, remark, the built-in packs) into
// dist/nuance.cjs, the one file dist/bin.js runs on the main thread and in the --jobs worker
// threads. CommonJS, because V8's code cache (bin.ts) is for scripts, not ES modules; workspace
// packages are taken from their TypeScript sources, as the extension's bundle takes them.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/nuance.cjs');

const result = await build({
  absWorkingDir: root,
  entryPoints: [path.join(root, 'src/start.ts')],
  outfile,
  write: false,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  conditions: ['source'],
  // The bundle's own place, for the one `import.meta.url` (the worker entry next to it).
  banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
  // Smaller to read and compile at every start; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
});

const text = ascii(result.outputFiles[0].text);
// bin.js runs the bundle as a vm.Script without a dynamic import() handler.
if (/\bimport\(/.test(text))
  throw new Error('The CLI bundle has a dynamic import(), which bin.js cannot run');
write(outfile, text);

/**
 * esbuild escapes non-ASCII characters in strings and names but leaves them in regular expression
 * literals and comments, where `\uXXXX` per UTF-16 unit means the same (a surrogate pair is read
 * as one code point under the `u` flag, and `\。` in a pattern is `。`). An ASCII file is decoded
 * with Latin-1, faster than UTF-8.
 */
function ascii(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Replace the bundle atomically, and only when it changed: test files that build it before they
 * run may do so at once, and a worker thread starting meanwhile must not read half a file.
 */
function write(file, content) {
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === content) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

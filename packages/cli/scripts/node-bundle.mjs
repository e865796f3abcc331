// What the two bins' bundles share: the CLI's (scripts/bundle.mjs) and the language server's
// (packages/language-server/scripts/bundle.mjs, which imports this file): esbuild's options for
// one CommonJS file for Node 20 made from the workspace packages' TypeScript sources, and how a
// bundle is written.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** esbuild's options for a Node 20 bundle; each bin adds its entry, its minifying and its map. */
export const NODE_BUNDLE = {
  write: false,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  conditions: ['source'],
  // The bundle's own place, for `import.meta.url` (files read beside it, createRequire).
  banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
  legalComments: 'eof',
  logLevel: 'warning',
};

/**
 * Write `file` unless it holds `content` already (`always`: write it anyway); whether it wrote.
 * Atomically: test files that build a bundle before they run may do so at once, and a process
 * starting meanwhile must not read half a file.
 */
export function write(file, content, always = false) {
  let current;
  try {
    current = readFileSync(file);
  } catch {}
  if (current?.equals(Buffer.from(content)) && !always) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
  return true;
}

/**
 * Write a bundle a bin runs with a code cache (@nuance/config/code-cache), then its SHA-1 and size
 * beside it (`<file>.sha1`), which the bin keys its cache with (hashing megabytes at every start
 * needs Node's crypto module, 7-10 ms to load): written after the bundle, so never older than it,
 * and again whenever the bundle was, even with the same hash (a bundle changed by hand and built
 * again would otherwise be newer than it, and every start would hash it). Whether it wrote.
 */
export function writeBundle(file, bytes) {
  const wrote = write(file, bytes);
  write(`${file}.sha1`, `${createHash('sha1').update(bytes).digest('hex')} ${bytes.length}\n`, wrote);
  return wrote;
}

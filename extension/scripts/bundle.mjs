// Bundles the client and the language server into dist/ (DESIGN: Interfaces): CommonJS for
// Node 20, `vscode` left external, workspace packages taken from their TypeScript sources.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  conditions: ['source'],
  inject: [path.join(here, 'import-meta-url.mjs')],
  define: { 'import.meta.url': 'importMetaUrl' },
  logLevel: 'warning',
  minify: process.argv.includes('--minify'),
  sourcemap: !process.argv.includes('--minify'),
};

await build({
  ...common,
  entryPoints: [path.join(root, 'src/extension.ts')],
  outfile: path.join(root, 'dist/extension.js'),
  external: ['vscode'],
});
await build({
  ...common,
  entryPoints: [path.join(root, '../packages/language-server/src/bin.ts')],
  outfile: path.join(root, 'dist/server.js'),
});

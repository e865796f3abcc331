// Bundles the client and the language server into dist/ (DESIGN: Interfaces): CommonJS for
// Node 20, `vscode` left external, workspace packages taken from their TypeScript sources; and
// copies the built-in packs' READMEs to dist/packs/<pack>/README.md, the documentation that rule
// ids link to (the server's `initializationOptions.packDocs`).
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
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

const rules = path.join(root, '../rules');
const packs = path.join(root, 'dist/packs');
rmSync(packs, { recursive: true, force: true });
for (const pack of readdirSync(rules)) {
  const readme = path.join(rules, pack, 'README.md');
  if (existsSync(path.join(rules, pack, 'pack.yaml')) && existsSync(readme)) {
    cpSync(readme, path.join(packs, pack, 'README.md'));
  }
}

// Bundles the client into dist/ and copies the language server's bundle beside it (DESIGN:
// Interfaces): CommonJS for Node 20, `vscode` left external, workspace packages taken from their
// TypeScript sources; and
// copies the built-in packs' READMEs to dist/packs/<pack>/README.md, the documentation that rule
// ids link to (the server's `initializationOptions.packDocs`), with dist/packs/nuance/README.md
// for the tool's own rules.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE, write } from '../../packages/cli/scripts/node-bundle.mjs';

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
// The server is the language server package's bundle, built by its own script (one build of it):
// the same file as `nuance-language-server` runs, copied as dist/server.cjs with its SHA-1 beside
// it and its source map (the .vsix leaves the map out). dist/server.js, the module the client
// starts, is that bin's launcher (src/launch.cts) with the code cache inlined: it runs
// dist/server.cjs with V8's code cache in the user's cache folder, so that a start after the first
// skips most of compiling the bundle (first diagnostics 267-297 ms against 334-358, 6 alternated starts).
await import('../../packages/language-server/scripts/bundle.mjs');
const server = path.join(root, '../packages/language-server/dist/server.cjs');
cpSync(server, path.join(root, 'dist/server.cjs'));
cpSync(`${server}.sha1`, path.join(root, 'dist/server.cjs.sha1'));
cpSync(`${server}.map`, path.join(root, 'dist/server.cjs.map'));
const launcher = await build({
  ...NODE_BUNDLE,
  entryPoints: [path.join(root, '../packages/language-server/src/launch.cts')],
  banner: {},
  define: {},
});
write(path.join(root, 'dist/server.js'), launcher.outputFiles[0].text);

// The tool's own rules (nuance/unreadable-file...) are documented the same way, from core's table.
const toolRules = await build({
  stdin: {
    contents: `export { TOOL_RULES } from ${JSON.stringify(path.join(root, '../packages/core/src/tool-rules.ts'))};`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'warning',
});
const { TOOL_RULES } = await import(
  `data:text/javascript;base64,${Buffer.from(toolRules.outputFiles[0].text).toString('base64')}`
);
const toolReadme = [
  "# nuance's own findings",
  '',
  'Findings about a file or a run rather than about wording: nuance makes them itself.',
  ...TOOL_RULES.flatMap((rule) => [
    '',
    `## \`${rule.id}\``,
    '',
    `Severity: ${rule.severity}. ${rule.description}`,
    '',
    rule.help,
  ]),
  '',
].join('\n');

const rules = path.join(root, '../rules');
const packs = path.join(root, 'dist/packs');
rmSync(packs, { recursive: true, force: true });
for (const pack of readdirSync(rules)) {
  const readme = path.join(rules, pack, 'README.md');
  if (existsSync(path.join(rules, pack, 'pack.yaml')) && existsSync(readme)) {
    cpSync(readme, path.join(packs, pack, 'README.md'));
  }
}
mkdirSync(path.join(packs, 'nuance'), { recursive: true });
writeFileSync(path.join(packs, 'nuance', 'README.md'), toolReadme);

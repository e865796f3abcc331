// Bundles the CLI with everything it needs (core, config, unified, remark, the built-in packs) into
// dist/nuance.cjs, the one file dist/bin.cjs runs on the main thread and in the --jobs worker
// threads. CommonJS, because V8's code cache (bin.cts) is for scripts, not ES modules; workspace
// packages are taken from their TypeScript sources, as the extension's bundle takes them.
// `nuance mcp`'s server, with the MCP SDK, is bundled apart into dist/mcp.cjs, which the CLI's
// bundle requires only for that command: a plain run neither reads nor compiles it. So are the
// libraries few runs use, each into dist/lib (scripts/apart.mjs).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { APART, apart, buildApart } from './apart.mjs';
import { asciiCode } from './ascii-code.mjs';
import { NODE_BUNDLE, write, writeBundle } from './node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/nuance.cjs');
/**
 * Modules evaluated only when one of their functions is first called, with what only they import:
 * remark, micromark and their tables are not loaded by a run that parses nothing with remark,
 * git's child process and jsdiff by a run without `--changed-lines-from`, the source map's reader
 * by a run without an internal error, js-yaml by a run that reads no large YAML file (core's
 * quick path for packs of thousands of terms).
 */
const LAZY = [
  path.resolve(root, '../unified/src/remark-parser.ts'),
  path.resolve(root, '../unified/src/markdown-segments.ts'),
  path.resolve(root, '../core/src/pack/yaml-quick.ts'),
  path.resolve(root, 'src/filters/changed-lines.ts'),
  path.resolve(root, 'src/readable-stack.ts'),
];

/** The libraries of APART (scripts/apart.mjs) the bundle imports, each with the file it resolved to. */
const apartUsed = new Map();

const result = await build({
  ...NODE_BUNDLE,
  absWorkingDir: root,
  entryPoints: [path.join(root, 'src/start.ts')],
  outfile,
  // Smaller to read and compile at every start: short names too (1.85 -> 1.35 MB of code, 7-10 ms
  // of each start). A stack trace of the bundle is read back through its source map (not loaded
  // by a run that has no internal error: src/readable-stack.ts), which names the source files.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  sourcemap: 'external',
  sourcesContent: false,
  plugins: [lazyModules(LAZY), apart(APART, apartUsed), builtinData()],
});

const output = (suffix) => result.outputFiles.find((f) => f.path.endsWith(suffix));
const { code, map } = asciiCode(output('.cjs').text, JSON.parse(output('.cjs.map').text));
if (/[^\x00-\x7f]/.test(code)) throw new Error('The CLI bundle is not ASCII after asciiCode()');
// bin.cjs runs the bundle as a vm.Script without a dynamic import() handler.
if (/\bimport\(/.test(code))
  throw new Error('The CLI bundle has a dynamic import(), which bin.cjs cannot run');
// The code, then the built-in packs' data, which bin.cjs does not compile (src/builtin-data.ts).
const bytes = Buffer.concat([Buffer.from(code, 'latin1'), await builtinPacksData()]);
// The bundle, then its SHA-1 and size beside it, which bin.cjs keys its code cache with.
writeBundle(outfile, bytes);
write(`${outfile}.map`, JSON.stringify(map));
// The libraries bundled apart, beside it in dist/lib (zod with its English locale only).
const libs = await buildApart(APART, apartUsed, path.dirname(outfile), (name) =>
  name === 'zod' ? [zodEnglishOnly()] : [],
);
for (const { file, text } of libs) write(file, text);
// A library no longer bundled apart leaves no file behind (the package ships dist/lib whole).
const libDir = path.join(path.dirname(outfile), 'lib');
const kept = new Set(libs.map(({ file }) => path.basename(file)));
for (const name of existsSync(libDir) ? readdirSync(libDir) : []) {
  if (!kept.has(name)) rmSync(path.join(libDir, name), { force: true });
}

// The bin itself, with the code cache it shares with the language server's bin inlined
// (@nuance/config/code-cache): one file that needs nothing but Node, over tsc's dist/bin.cjs,
// which requires that module from the workspace.
const bin = await build({
  ...NODE_BUNDLE,
  absWorkingDir: root,
  entryPoints: [path.join(root, 'src/bin.cts')],
  banner: {},
  define: {},
});
write(path.join(root, 'dist/bin.cjs'), bin.outputFiles[0].text);

const mcp = await build({
  ...NODE_BUNDLE,
  absWorkingDir: root,
  entryPoints: [path.join(root, 'src/mcp/server.ts')],
  minifyWhitespace: true,
  minifySyntax: true,
});
write(path.join(root, 'dist/mcp.cjs'), mcp.outputFiles[0].text);

/**
 * An esbuild plugin: zod's namespace of locales holds only English, the one zod sets at import and
 * the one nuance's messages are in (they are its own: i18n/). zod exports its ~40 locales as a
 * namespace object (`z.locales`), which a bundler cannot shake: they were 300 KB of the 1.8 MB
 * bundle, read, made a string and partly deserialized from the code cache at every start.
 */
function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
          ? { path: path.join(args.resolveDir, '../locales/en.js'), namespace: 'zod-locales' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(args.path)};\n`,
        resolveDir: path.dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

/**
 * An esbuild plugin: `@nuance/rules` is src/builtin-data.ts, which reads the built-in packs from the
 * end of the bundle file (`builtinPacksData`), not from code.
 */
function builtinData() {
  return {
    name: 'builtin-data',
    setup(build) {
      build.onResolve({ filter: /^@nuance\/rules$/ }, () => ({
        path: path.join(root, 'src/builtin-data.ts'),
      }));
    },
  };
}

/** The built-in packs and their compiled rule sets (as core's bytes), as the end of the bundle file (bytes). */
async function builtinPacksData() {
  const { builtinPacks, builtinCompiled } = await import('@nuance/rules');
  const { deserializeRuleSet, serializeRuleSetBytes } = await import('@nuance/core');
  const { encodeBuiltinData } = await import('../dist/builtin-data.js');
  const compiled = {};
  for (const { name } of builtinPacks) {
    const { ruleSet, problems } = deserializeRuleSet(builtinCompiled(name));
    compiled[name] = serializeRuleSetBytes(ruleSet, problems);
  }
  return encodeBuiltinData(builtinPacks, compiled);
}

/**
 * An esbuild plugin: an `import` of one of `files` gets a stand-in whose functions `require` the
 * real module on first call. esbuild evaluates a `require`d ES module, and what only it imports,
 * when it is first required rather than at start. Each file must export functions only (types
 * aside): a value could not wait.
 */
function lazyModules(files) {
  const exportsOf = new Map(files.map((file) => [file, functionExports(file)]));
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter: /\.js$/ }, async (args) => {
        if (args.kind !== 'import-statement' || args.pluginData === 'lazy') return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'lazy',
        });
        return exportsOf.has(resolved.path) ? { path: resolved.path, namespace: 'lazy' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
        const forward = exportsOf
          .get(args.path)
          .map((name) => `export function ${name}(...args) { return load().${name}(...args); }`);
        return {
          contents: `let real;\nconst load = () => (real ??= require(${JSON.stringify(args.path)}));\n${forward.join('\n')}\n`,
          resolveDir: path.dirname(args.path),
          loader: 'js',
        };
      });
    },
  };
}

/** The names of a TypeScript module's exported functions; an exported value is an error. */
function functionExports(file) {
  const source = readFileSync(file, 'utf8');
  const other = source.match(/^export (?!function |async function |interface |type )\S+(?: \S+)?/m);
  if (other)
    throw new Error(
      `${file} is loaded lazily by the CLI bundle, so it may export only functions: \`${other[0]}\``,
    );
  return [...source.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]);
}

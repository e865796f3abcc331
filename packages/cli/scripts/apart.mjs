// Libraries few runs use, bundled apart from the CLI (scripts/bundle.mjs): each into its own file,
// dist/lib/<file>, which the CLI's bundle requires when one of its members is first used. Their
// code is then neither read, decoded nor compiled (from the code cache) at every start: zod alone
// made about 1,200 getters of its namespaces at each start, though a run validates with it only a
// pack it compiles or a config value the config's quick path (core's pack/config.ts) does not vouch
// for. In the bundle, an import of one of them gets a stand-in with the members nuance's sources
// import (the build fails on any other): a function calls the library's, a class makes the
// library's objects (`new`) and answers `instanceof` for them, an object's methods call the
// library's object's, and a proxy stands for a whole object (zod's `z`).

import path from 'node:path';
import { build } from 'esbuild';

/** By package name (as imported): its file in dist/lib and the members the stand-in gives. */
export const APART = [
  // Pack and config validation (core's pack/schema*.ts and kinds/): only a pack compiled, not one
  // read from the compiled-pack cache, and only a config value the quick path leaves to it.
  { name: 'zod', file: 'zod.cjs', proxies: ['z'] },
  // The load-time check of a pack's patterns (core's pack/pattern-safety.ts): a pack compiled.
  { name: '@eslint-community/regexpp', file: 'regexpp.cjs', classes: ['RegExpParser'] },
  // XLIFF (bilingual) and TBX (termbase import).
  { name: 'saxes', file: 'saxes.cjs', classes: ['SaxesParser'] },
  // CSV and TSV termbases, and `nuance export`.
  { name: 'csv-parse/sync', file: 'csv-parse.cjs', functions: ['parse'], classes: ['CsvError'] },
  { name: 'csv-stringify/sync', file: 'csv-stringify.cjs', functions: ['stringify'] },
  // A pack of 64 K characters or more, read by core's quick YAML path.
  {
    name: 'js-yaml',
    file: 'js-yaml.cjs',
    functions: ['load'],
    classes: ['Type'],
    objects: { FAILSAFE_SCHEMA: ['extend'] },
  },
  // A named character reference (`&nbsp;`) in a draft, read by unified's pieces and by micromark:
  // the table of the 2,125 names.
  {
    name: 'decode-named-character-reference',
    file: 'entities.cjs',
    functions: ['decodeNamedCharacterReference'],
  },
];

/** The stand-in module for `lib`: its members, each loading dist/lib/<file> when first used. */
function standIn(lib) {
  const lines = [
    'let loaded;',
    `const real = () => (loaded ??= require(${JSON.stringify(`./lib/${lib.file}`)}));`,
  ];
  for (const name of lib.functions ?? []) {
    lines.push(`export function ${name}(...args) { return real().${name}(...args); }`);
  }
  for (const name of lib.classes ?? []) {
    lines.push(
      `export class ${name} {`,
      `  constructor(...args) { return new (real().${name})(...args); }`,
      `  static [Symbol.hasInstance](value) { return value instanceof real().${name}; }`,
      '}',
    );
  }
  for (const [name, methods] of Object.entries(lib.objects ?? {})) {
    const members = methods.map((m) => `${m}: (...args) => real().${name}.${m}(...args)`);
    lines.push(`export const ${name} = { ${members.join(', ')} };`);
  }
  for (const name of lib.proxies ?? []) {
    lines.push(
      `export const ${name} = new Proxy({}, { get: (_, key) => real().${name}[key], has: (_, key) => key in real().${name} });`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The esbuild plugin of the CLI's bundle: an import of one of `libraries` gets its stand-in, and
 * `used` gets the file each resolved to (the same from every importer, or the build fails), which
 * `buildApart` bundles.
 */
export function apart(libraries, used) {
  const byName = new Map(libraries.map((lib) => [lib.name, lib]));
  const names = libraries.map((lib) => lib.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return {
    name: 'apart',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, async (args) => {
        if (args.pluginData === 'apart') return undefined;
        const real = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'apart',
        });
        if (real.errors.length > 0) return { errors: real.errors };
        const seen = used.get(args.path);
        if (seen !== undefined && seen !== real.path) {
          return { errors: [{ text: `${args.path} resolves to two files: ${seen} and ${real.path}` }] };
        }
        used.set(args.path, real.path);
        return { path: args.path, namespace: 'apart' };
      });
      // The stand-in's `require` of its file is left to run time, beside the bundle.
      b.onResolve({ filter: /^\.\/lib\//, namespace: 'apart' }, (args) => ({
        path: args.path,
        external: true,
      }));
      b.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => ({
        contents: standIn(byName.get(args.path)),
        loader: 'js',
      }));
    },
  };
}

/**
 * Each library of `used` (name -> the file the bundle's imports resolved to) bundled into
 * `<dist>/lib/<file>`: CommonJS, minified, exporting what the package exports. `plugins(name)`:
 * the plugins its build takes (zod's English-only locales). Gives each file's path and bytes.
 */
export async function buildApart(libraries, used, dist, plugins) {
  const out = [];
  for (const lib of libraries) {
    const entry = used.get(lib.name);
    if (entry === undefined) continue;
    const result = await build({
      stdin: {
        contents: `module.exports = require(${JSON.stringify(entry)});\n`,
        resolveDir: path.dirname(entry),
        loader: 'js',
      },
      write: false,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: true,
      legalComments: 'eof',
      logLevel: 'warning',
      plugins: plugins(lib.name),
    });
    out.push({ file: path.join(dist, 'lib', lib.file), text: result.outputFiles[0].text });
  }
  return out;
}

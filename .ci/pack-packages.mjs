// Packs the packages people install into tarballs, as `pnpm publish` would upload them: `pnpm
// pack` turns `workspace:` and `catalog:` versions into real ones and applies `publishConfig`.
// Until nuance is on the npm registry, these tarballs are how it is installed:
// `npm i ./packed/nuance-cli-0.1.0.tgz` (the CLI needs nothing else: its bundle, and the libraries
// bundled apart beside it in dist/lib, hold every dependency); the libraries are installed together
// with the workspace packages they depend on.
//
//   pnpm -s build && node .ci/pack-packages.mjs [DEST]     (default DEST: packed/)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The publishable packages, each after the workspace packages it depends on. */
export const PUBLISHED = [
  'packages/core',
  'rules',
  'packages/config',
  'packages/unified',
  'packages/bilingual',
  'packages/remark',
  'packages/language-server',
  'packages/cli',
];

/** Files that `pnpm build` makes and a tarball must hold; packing without them is a mistake. */
const BUILT = [
  'packages/cli/dist/bin.cjs',
  'packages/cli/dist/nuance.cjs',
  'packages/cli/dist/nuance.cjs.sha1',
  'packages/cli/dist/nuance.cjs.map',
  'packages/cli/dist/mcp.cjs',
  'packages/cli/dist/lib/zod.cjs',
  'packages/language-server/dist/bin.js',
  'packages/language-server/dist/server.cjs',
  'packages/language-server/dist/server.cjs.sha1',
  'packages/language-server/dist/launch.cjs',
  'packages/config/dist/code-cache.cjs',
  'packages/remark/dist/index.js',
  'packages/bilingual/dist/index.js',
  'rules/dist/index.js',
];

/** Pack every published package into `dest`; returns `{name, dir, tarball, bytes}` per package. */
export function packPackages(dest) {
  const missing = BUILT.filter((file) => !existsSync(path.join(ROOT, file)));
  if (missing.length > 0) throw new Error(`Run \`pnpm build\` first: missing ${missing.join(', ')}`);
  mkdirSync(dest, { recursive: true });
  return PUBLISHED.map((dir) => {
    const { name, version } = JSON.parse(readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8'));
    execFileSync('pnpm', ['pack', '--pack-destination', dest], { cwd: path.join(ROOT, dir), stdio: 'pipe' });
    const tarball = path.join(dest, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
    return { name, dir, tarball, bytes: statSync(tarball).size };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dest = path.resolve(process.argv[2] ?? path.join(ROOT, 'packed'));
  for (const { name, tarball, bytes } of packPackages(dest)) {
    console.log(
      `${name.padEnd(26)} ${path.relative(process.cwd(), tarball)}  ${(bytes / 1024).toFixed(0)} KB`,
    );
  }
}

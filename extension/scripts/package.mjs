// Makes the .vsix with `vsce package --no-dependencies`. vsce reads the manifest's devDependencies
// and cannot parse pnpm's `catalog:` and `workspace:` versions, so it runs on a staged copy whose
// manifest has no dependency lists: everything the extension needs is in the two bundles (and the
// packs' READMEs in dist/packs). `repository`, `homepage` and `bugs` come from the clone's GitHub
// remote (repository.mjs); without one, vsce is told the repository is missing.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloneRepositoryFields } from './repository.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = path.resolve(
  outArg > 0 ? (process.argv[outArg + 1] ?? 'nuance.vsix') : path.join(root, 'nuance.vsix'),
);
const stage = path.join(root, '.vsix-stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(path.join(stage, 'dist'), { recursive: true });
const {
  dependencies: _d,
  devDependencies: _dd,
  scripts: _s,
  ...manifest
} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const repository = cloneRepositoryFields(root);
writeFileSync(
  path.join(stage, 'package.json'),
  `${JSON.stringify({ ...manifest, ...repository }, null, 2)}\n`,
);
for (const file of [
  'README.md',
  'LICENSE',
  '.vscodeignore',
  'images/icon.png',
  'dist/extension.js',
  'dist/server.js',
  'dist/server.cjs',
  'dist/server.cjs.sha1',
  'dist/packs',
]) {
  cpSync(path.join(root, file), path.join(stage, file), { recursive: true });
}
const vsce = path.join(root, 'node_modules/.bin/vsce');
try {
  const flags = repository ? [] : ['--allow-missing-repository'];
  execFileSync(vsce, ['package', '--no-dependencies', ...flags, '--out', out], {
    cwd: stage,
    stdio: 'inherit',
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

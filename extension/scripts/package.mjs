// Makes the .vsix with `vsce package --no-dependencies`. vsce reads the manifest's devDependencies
// and cannot parse pnpm's `catalog:` and `workspace:` versions, so it runs on a staged copy whose
// manifest has no dependency lists: everything the extension needs is in the two bundles.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of ['README.md', 'LICENSE', '.vscodeignore', 'dist/extension.js', 'dist/server.js']) {
  cpSync(path.join(root, file), path.join(stage, file));
}
const vsce = path.join(root, 'node_modules/.bin/vsce');
try {
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
    cwd: stage,
    stdio: 'inherit',
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

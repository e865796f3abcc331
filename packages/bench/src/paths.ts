// Where the bench finds what it runs: this package, the repository around it and the built tools.
// Modules resolve these from their own location, which is one folder under the package root in
// both src/ (vitest) and dist/ (node), so the same paths hold for both.
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = path.resolve(packageRoot, '../..');

/** `../shared` beside the repository: the real-text corpus and the bench's generators. */
export const defaultShared = path.resolve(repoRoot, '../shared');

/**
 * The cache lives outside the repository: nuance, like git, skips `.gitignore`d folders even when
 * they are named on the command line, so a corpus in a gitignored folder of the repository would
 * never be linted.
 */
export const defaultCache = path.join(
  process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
  'nuance-bench',
);

export const defaultResults = path.join(packageRoot, 'results');

export const cliBin = path.join(repoRoot, 'packages/cli/dist/bin.cjs');
/** `nuance-language-server`: its bundle (scripts/bundle.mjs), run with its code cache (src/launch.cts). */
export const serverBin = path.join(repoRoot, 'packages/language-server/bin/nuance-language-server.cjs');

/** A compiled script of this package (peers and the engine run in their own processes). */
export function script(name: string): string {
  return path.join(packageRoot, 'dist', name);
}

const require = createRequire(path.join(packageRoot, 'package.json'));

export function textlintBin(): string {
  return path.join(path.dirname(require.resolve('textlint/package.json')), 'bin/textlint.js');
}

// Building what a test runs as JavaScript (the root test script builds first; a lone run may not).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(fileURLToPath(import.meta.url), '../../../..');
/** What the `nuance-language-server` bin runs: the bundle (scripts/bundle.mjs), as the package ships it. */
export const serverBin = path.join(root, 'packages/language-server/dist/server.cjs');

/** The server's bundle, built from the sources (the root test script builds it first; a lone run may not). */
export function buildServer(): void {
  execFileSync(process.execPath, [path.join(root, 'packages/language-server/scripts/bundle.mjs')], {
    cwd: root,
    stdio: 'pipe',
  });
}

/** `tsc -b` of the packages; a type error elsewhere must not hide a missing build. */
export function buildPackages(...packages: string[]): void {
  try {
    execFileSync('npx', ['tsc', '-b', ...packages], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? error);
    // tsc -b still emits when another package has a type error; fail only without output.
    if (!packages.every((p) => existsSync(path.join(root, p, 'dist')))) throw new Error(output);
  }
}

// Building what a test runs as JavaScript (the root test script builds first; a lone run may not).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(fileURLToPath(import.meta.url), '../../../..');
export const serverBin = path.join(root, 'packages/language-server/dist/bin.js');

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

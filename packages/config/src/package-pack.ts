/// <reference types="node" />
// Packs published as npm packages: `packs: ['@org/nuance-pack-x']` (any scoped name) or
// `nuance-pack-x` (an unscoped name with that prefix) is the pack file of that package, found in
// the `node_modules` folders at and above the config's folder as Node finds packages. The package
// is read, never run: its package.json names the pack file (`"nuancePack": "./terms.yaml"`,
// default `pack.yaml` at its root), which must be inside the package. Where the package may be
// read from is the caller's rule (pack-scope.ts): a package in the project's node_modules is inside
// the project.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { packProblem } from './load-pack.js';
import { describeFsError, readText } from './text-file.js';

/** Whether a `packs` entry names an npm package rather than a built-in pack or a file. */
export function isPackagePackName(name: string): boolean {
  return (
    (/^@[a-z0-9][a-z0-9._~-]*\/[a-z0-9][a-z0-9._~-]*$/.test(name) && !/\.ya?ml$/.test(name)) ||
    /^nuance-pack-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)
  );
}

export type PackagePack = { file: string } | { problem: ReturnType<typeof packProblem> };

/** The pack file of package `name` as seen from `baseDir`, or why there is none. */
export async function resolvePackagePack(name: string, baseDir: string): Promise<PackagePack> {
  const folder = await packageFolder(name, baseDir);
  if (folder === undefined) {
    return {
      problem: packProblem(
        name,
        `Cannot find pack package \`${name}\`: no node_modules/${name} at or above \`${baseDir}\` (install it, e.g. \`npm i -D ${name}\`)`,
      ),
    };
  }
  const manifest = path.join(folder, 'package.json');
  let field: unknown;
  try {
    field = (JSON.parse(await readText(manifest)) as { nuancePack?: unknown }).nuancePack;
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : describeFsError(error);
    return { problem: packProblem(manifest, `Cannot read pack package \`${name}\`: ${reason}`) };
  }
  if (field !== undefined && typeof field !== 'string') {
    return {
      problem: packProblem(
        manifest,
        `Unexpected value for \`nuancePack\` in \`${name}\`'s package.json, expected the path of its pack file`,
      ),
    };
  }
  const file = path.resolve(folder, field ?? 'pack.yaml');
  const relative = path.relative(folder, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return {
      problem: packProblem(
        manifest,
        `Cannot read pack package \`${name}\`: its \`nuancePack\` \`${field}\` is outside the package`,
      ),
    };
  }
  return { file };
}

/** `node_modules/<name>` in `baseDir` or the nearest folder above it that has one. */
async function packageFolder(name: string, baseDir: string): Promise<string | undefined> {
  for (let dir = path.resolve(baseDir); ; ) {
    const folder = path.join(dir, 'node_modules', name);
    const isFolder = await stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isFolder) return folder;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/// <reference types="node" />
// Where a config may read its packs from. A pull request can change a repository's
// `.nuancerc.yaml`, and a CI job prints problems in a public log: `packs: [/etc/shadow]` must not
// read a file of the machine into it. So the packs a config file names are read only inside its
// repository (the folder holding `.git` at or above it; without one, the config's own folder),
// symbolic links resolved; a config of the user's own outside any repository (under the home
// folder) and `allowPacksOutside` (`--allow-packs-outside`) read any path.
import { realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The folder a config's packs must be in, or undefined when any path may be read. */
export async function packScope(configFile: string, allowOutside: boolean): Promise<string | undefined> {
  if (allowOutside) return undefined;
  const folder = path.dirname(configFile);
  const repository = await repositoryRoot(folder);
  if (repository !== undefined) return repository;
  const home = os.homedir();
  return home !== '' && isInside(home, folder) ? undefined : folder;
}

/**
 * Why the pack at `file` may not be read under `scope`, or undefined when it may (or does not
 * exist, which the reader reports).
 */
export async function outsideScope(file: string, scope: string): Promise<string | undefined> {
  let real: string;
  let realScope: string;
  try {
    [real, realScope] = await Promise.all([realpath(file), realpath(scope)]);
  } catch {
    return undefined;
  }
  if (isInside(realScope, real)) return undefined;
  return (
    `it is outside \`${scope}\`, and a config in a repository (or outside the home folder) reads ` +
    'packs only from inside it; run with `--allow-packs-outside` to allow it'
  );
}

/** The nearest folder at or above `dir` holding `.git` (a folder, or a worktree's file). */
export async function repositoryRoot(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; ) {
    if (
      await stat(path.join(current, '.git')).then(
        () => true,
        () => false,
      )
    )
      return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Run `body` in a fresh temporary folder holding `files` (path -> content), removed afterwards. */
export async function withDir<T>(
  files: Record<string, string>,
  body: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nuance-config-'));
  try {
    await writeFiles(dir, files);
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Write `files` (path -> content) under `dir`, creating folders. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

/** A pack `name` with one caution rule `name/x` of the given severity. */
export function packYaml(name: string, severity = 'warning'): string {
  return `pack: ${name}\nrules:\n  - id: ${name}/x\n    kind: caution\n    severity: ${severity}\n    message: m\n    phrases: [abc]\n`;
}

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const REPO_ROOT = path.resolve(FIXTURES, '..', '..', '..', '..');

/**
 * Build the bin (tsc) and the bundle it runs (scripts/bundle.mjs) from the current sources: the
 * spawned CLI and the --jobs worker threads run them, not the TypeScript the tests import.
 */
export function buildCli(): void {
  execFileSync('npx', ['tsc', '-b', 'packages/cli'], { cwd: REPO_ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, ['packages/cli/scripts/bundle.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process, capturing its output. */
export async function run(
  argv: string[],
  cwd: string,
  options: {
    tty?: boolean;
    /** stderr is a terminal (where the progress line goes). */
    stderrTty?: boolean;
    env?: Record<string, string>;
    stdin?: string | Uint8Array;
  } = {},
) {
  let stdout = '';
  let stderr = '';
  const io: Parameters<typeof main>[1] = {
    cwd,
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTty ?? false, columns: 80 },
    env: options.env ?? {},
  };
  if (options.stdin !== undefined) {
    const input = options.stdin;
    // Split in two chunks so a reader that keeps only the first chunk would fail.
    const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
    const middle = Math.floor(bytes.length / 2);
    io.stdin = (async function* () {
      yield bytes.subarray(0, middle);
      yield bytes.subarray(middle);
    })();
  }
  const code = await main(argv, io);
  return { code, stdout, stderr } satisfies RunResult;
}

interface JsonResult {
  path: string;
  messages: { ruleId: string; line: number; column: number; severity: string; message: string }[];
}

/** `path:line:col ruleId` per finding, in output order: the readable form the tests compare. */
export function findingLines(jsonOutput: string): string[] {
  const results = JSON.parse(jsonOutput) as JsonResult[];
  return results.flatMap((r) => r.messages.map((m) => `${r.path}:${m.line}:${m.column} ${m.ruleId}`));
}

/** Write `files` (path -> content) under `dir`, creating folders. */
export async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nuance-cli-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process, capturing its output. */
export async function run(
  argv: string[],
  cwd: string,
  options: { tty?: boolean; env?: Record<string, string> } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    env: options.env ?? {},
  });
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

export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nuance-cli-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

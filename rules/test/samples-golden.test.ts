// README command 1, as a user runs it: the built CLI on the samples with the built-in pack. Its
// `file:line:col ruleId locale` lines (the locale each draft's messages are in: its own language
// and script) are compared with the committed golden file
// (`NUANCE_UPDATE_GOLDEN=1` rewrites it) and it exits 1 by design (the samples have errors).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(repo, 'packages', 'cli', 'dist', 'bin.cjs');
const golden = join(repo, 'rules', 'test', 'samples-golden.txt');

it('README command 1 prints the golden findings and exits 1', () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first (the test script does)`);
  const json = spawnSync(process.execPath, [bin, '--format', 'json', 'rules/korea-china/samples'], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(json.stderr).toBe('');
  expect(json.status).toBe(1);
  const results = JSON.parse(json.stdout) as Array<{
    path: string;
    messages: Array<{ line: number; column: number; ruleId: string; locale: string }>;
  }>;
  const lines = results.flatMap((r) =>
    r.messages.map((m) => `${r.path}:${m.line}:${m.column} ${m.ruleId} ${m.locale}`),
  );
  if (process.env.NUANCE_UPDATE_GOLDEN === '1') writeFileSync(golden, `${lines.join('\n')}\n`);
  expect(`${lines.join('\n')}\n`).toBe(readFileSync(golden, 'utf8'));

  const stylish = spawnSync(process.execPath, [bin, 'rules/korea-china/samples'], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(stylish.status).toBe(1);
  expect(stylish.stderr).toBe('');
  for (const r of results) expect(stylish.stdout).toContain(r.path);
  expect(stylish.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
  // A terminal shows text: the terms are in each language's quotation marks, never in backticks.
  expect(stylish.stdout).not.toContain('`');
  expect(stylish.stdout).toContain('請用「務實外交路線」');
  expect(stylish.stdout).toContain('‘미한’이 아니라 ‘한미’');
  expect(stylish.stdout).toContain('请用“务实外交”');
});

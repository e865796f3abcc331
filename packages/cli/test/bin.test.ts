import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.js';

const BIN = path.join(FIXTURES, '..', '..', 'dist', 'bin.js');

// The root `test` script builds first; a bare `vitest run` before any build has no bin to run.
// CI always builds first, so there a missing bin is a failure, not a skip.
if (!existsSync(BIN) && process.env.CI) {
  it('has the built bin in CI', () => {
    throw new Error(`${BIN} is missing: CI runs \`pnpm build\` first`);
  });
}
describe.skipIf(!existsSync(BIN))('the built bin', () => {
  const nuance = (args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      cwd: path.join(FIXTURES, 'basic'),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('prints only its own output and the exit code', () => {
    const version = nuance(['--version']);
    expect(version.status).toBe(0);
    expect(version.stderr).toBe('');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);

    const check = nuance(['a.md', '--config', 'nuance.yaml']);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('  3:11  error');
    expect(check.stdout).toContain('✖ 2 problems (1 error, 1 warning, 0 infos)');
  });

  it('exits 2 for a missing path', () => {
    const result = nuance(['missing.md']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('nuance: No such file or folder: `missing.md`\n');
  });
});

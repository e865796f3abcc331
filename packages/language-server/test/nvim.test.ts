// Neovim 0.7.2 headless drives the built server (installed by .ci/run with apt-get when absent).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, serverBin } from './build.js';

function hasNvim(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

const available = hasNvim();
// In CI a missing Neovim is a failed install (.ci/run installs it), never a silent skip.
if (!available && process.env.CI) {
  it('has what it needs in CI', () => {
    throw new Error('nvim is not installed, and CI must run the Neovim client test (apt-get install neovim)');
  });
}
if (!available)
  console.warn('nvim is not installed: skipping the Neovim client test (apt-get install neovim)');
const work = mkdtempSync(path.join(os.tmpdir(), 'nuance-nvim-'));

beforeAll(() => {
  if (available) buildServer();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!available)('Neovim 0.7 as the client (skipped: nvim not installed)', () => {
  it('shows the diagnostic, applies the preferred quick fix and clears the diagnostic', () => {
    const draft = path.join(work, 'draft.md');
    writeFileSync(draft, '韩国奉行实用外交。\n');
    const result = path.join(work, 'result.txt');
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'nvim/drive.lua');
    const run = spawnSync(
      'nvim',
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`],
      {
        cwd: work,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          NUANCE_SERVER: serverBin,
          NUANCE_DRAFT: draft,
          NUANCE_RESULT: result,
          XDG_CONFIG_HOME: path.join(work, 'config'),
          XDG_DATA_HOME: path.join(work, 'data'),
          XDG_CACHE_HOME: path.join(work, 'cache'),
          XDG_STATE_HOME: path.join(work, 'state'),
        },
      },
    );
    const lines = readFileSync(result, 'utf8').trim().split('\n');
    // Neovim columns are bytes: 韩国奉行 is 12 bytes of UTF-8.
    expect(lines).toEqual([
      'diagnostic 0:12-24 korea-china/wushi-not-shiyong',
      'action Replace with `务实外交`',
      'action Disable `korea-china/wushi-not-shiyong` for this line',
      'action Ignore `korea-china/wushi-not-shiyong` in this workspace',
      'action Accept `实用外交` in this workspace',
      'action Fix all nuance problems',
      'buffer 韩国奉行务实外交。',
      'cleared',
    ]);
    expect(run.status).toBe(0);
  });
});

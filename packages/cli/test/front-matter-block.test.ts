// Regression: a blank-line block that starts and ends with `---` (or `+++`) after the start of the
// document is a thematic break and a setext heading (or a paragraph), not front matter; the built
// bin used to skip it and exit 0.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, withTempDir } from './helpers.js';

const ROOT = path.join(FIXTURES, '..', '..', '..', '..');
const BIN = path.join(ROOT, 'packages', 'cli', 'dist', 'bin.cjs');

describe('the built bin on a later `---` block', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) execFileSync('npx', ['tsc', '-b', 'packages/cli'], { cwd: ROOT, stdio: 'pipe' });
  });

  it.each(['---', '+++'])('reports the term between `%s` lines at 4:5 and exits 1', async (fence) => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'hr.md'), `Press release.\n\n${fence}\n韩国奉行实用外交。\n${fence}\n`);
      const run = (args: string[]) =>
        spawnSync(process.execPath, [BIN, ...args], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        });
      const stylish = run(['hr.md']);
      expect(stylish.stderr).toBe('');
      expect(stylish.stdout).toMatch(/^ {2}4:5 {2}error .*korea-china\/wushi-not-shiyong$/m);
      expect(stylish.status).toBe(1);
      const json = JSON.parse(run(['hr.md', '--format', 'json']).stdout) as Array<{
        messages: Array<{ ruleId: string; line: number; column: number }>;
      }>;
      expect(json[0]?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
        '4:5 korea-china/wushi-not-shiyong',
      ]);
    });
  });
});

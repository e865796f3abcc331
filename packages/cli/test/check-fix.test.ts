import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingLines, run, withTempDir, writeTree } from './helpers.js';

// Built-in korea-china pack (no config): 实用外交 is an error with a safe fix; the partnership
// term is a caution (warning, no fix).
const DRAFT = '# 声明\n\n韩国奉行实用外交，中韩两国是战略合作伙伴关系。\n';
const FIXED = '# 声明\n\n韩国奉行务实外交，中韩两国是战略合作伙伴关系。\n';

describe('check --fix', () => {
  it('writes the fixes and reports what is left', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'a.zh.md': DRAFT, 'clean.md': 'Nothing here.\n' });
      const result = await run(['--fix', '--format', 'json'], dir);
      expect(await readFile(path.join(dir, 'a.zh.md'), 'utf8')).toBe(FIXED);
      expect(findingLines(result.stdout)).toEqual(['a.zh.md:3:15 korea-china/strategic-cooperative-partner']);
      // Only a warning is left: exit 0.
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
    });
  });

  it('prints a unified diff before the report with --fix-dry-run and writes nothing', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'a.zh.md': DRAFT });
      const result = await run(['--fix-dry-run'], dir);
      expect(await readFile(path.join(dir, 'a.zh.md'), 'utf8')).toBe(DRAFT);
      const diffStart = result.stdout.indexOf('--- a/a.zh.md');
      expect(diffStart).toBe(0);
      expect(result.stdout).toContain('+++ b/a.zh.md\n');
      expect(result.stdout).toContain(
        '-韩国奉行实用外交，中韩两国是战略合作伙伴关系。\n+韩国奉行务实外交，中韩两国是战略合作伙伴关系。\n',
      );
      // The report follows the diff: what would be left after the fix.
      expect(result.stdout.indexOf('a.zh.md\n  3:15')).toBeGreaterThan(diffStart);
      expect(result.stdout).not.toContain('wushi-not-shiyong');
      expect(result.code).toBe(0);
    });
  });

  it('keeps the diff on stdout and the report in --output', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'a.zh.md': DRAFT });
      const result = await run(['a.zh.md', '--fix-dry-run', '--format', 'json', '-o', 'r.json'], dir);
      expect(result.stdout.startsWith('--- a/a.zh.md')).toBe(true);
      expect(findingLines(await readFile(path.join(dir, 'r.json'), 'utf8'))).toEqual([
        'a.zh.md:3:15 korea-china/strategic-cooperative-partner',
      ]);
    });
  });
});

describe('check --stdin --fix', () => {
  it('prints the fixed text (BOM kept) on stdout and the report on stderr', async () => {
    const result = await run(['--stdin', '--stdin-filename', 'a.zh.md', '--fix'], '/', {
      stdin: `\uFEFF${DRAFT.replace(/\n/g, '\r\n')}`,
    });
    expect(result.stdout).toBe(`\uFEFF${FIXED.replace(/\n/g, '\r\n')}`);
    expect(result.stderr).toContain('a.zh.md\n  3:15  warning');
    expect(result.code).toBe(0);
  });

  it('writes the report to --output, leaving stdout to the text', async () => {
    await withTempDir(async (dir) => {
      const result = await run(['--stdin', '--fix', '--format', 'json', '--output', 'r.json'], dir, {
        stdin: '韩国奉行实用外交。',
      });
      expect(result).toEqual({ code: 0, stdout: '韩国奉行务实外交。', stderr: '' });
      expect(JSON.parse(await readFile(path.join(dir, 'r.json'), 'utf8'))).toEqual([
        { path: '<stdin>', messages: [], errorCount: 0, warningCount: 0 },
      ]);
    });
  });

  it('prints a diff for --stdin --fix-dry-run', async () => {
    const result = await run(['--stdin', '--fix-dry-run', '--stdin-filename', 'x.md'], '/', {
      stdin: '韩国奉行实用外交。\n',
    });
    expect(result.stdout.startsWith('--- a/x.md\n+++ b/x.md\n')).toBe(true);
    expect(result.stdout).toContain('-韩国奉行实用外交。\n+韩国奉行务实外交。\n');
    expect(result.code).toBe(0);
  });
});

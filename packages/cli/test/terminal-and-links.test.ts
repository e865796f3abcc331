// What reaches a terminal is text, never control sequences (a file name with OSC 52 would write
// the clipboard); `--fix` keeps a hard-linked draft's links; a path that cannot be looked at is
// named with its reason.
import { link, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalText } from '../src/reporters/terminal-text.js';
import { run, withTempDir, writeTree } from './helpers.js';

const DRAFT = '韩国奉行实用外交。\n';
/** OSC 52: "set the clipboard to `Hello`", then the bell that ends it. */
const OSC52 = '\u001b]52;c;SGVsbG8=\u0007';

describe('terminal text', () => {
  it('escapes C0 and C1 controls, DEL and bidirectional overrides, and keeps the rest', () => {
    expect(terminalText(`a${OSC52}b`)).toBe('a\\x1b]52;c;SGVsbG8=\\x07b');
    expect(terminalText('line\nnext\ttab\u0085\u009b\u007f')).toBe('line\\nnext\ttab\\x85\\x9b\\x7f');
    expect(terminalText('abc\u202edef\u2066')).toBe('abc\\u202edef\\u2066');
    expect(terminalText('韩国 한국 😀 plain')).toBe('韩国 한국 😀 plain');
  });

  it('a file name with an escape sequence reaches stylish, github and stderr escaped', async () => {
    await withTempDir(async (dir) => {
      const name = `evil${OSC52}.md`;
      await writeTree(dir, { [name]: DRAFT, '.nuancerc.yaml': `packs: [korea-china]\n"bad${OSC52}": 1\n` });
      for (const format of ['stylish', 'github']) {
        const result = await run(['--format', format, name, `gone${OSC52}.md`], dir, { tty: true });
        expect(result.code).toBe(2);
        for (const output of [result.stdout, result.stderr]) {
          expect(output).not.toContain('\u001b]');
          expect(output).not.toContain('\u0007');
        }
        expect(result.stdout).toContain('evil\\x1b]52;c;SGVsbG8=\\x07.md');
        expect(result.stderr).toContain('No such file or folder: `gone\\x1b]52;c;SGVsbG8=\\x07.md`');
        expect(result.stderr).toContain('Unknown key `bad\\x1b]52;c;SGVsbG8=\\x07`');
      }
    });
  });
});

describe('--fix and hard links', () => {
  it('writes a file with several names in place: every name sees the fix, the link stays', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'a.md'), DRAFT, { mode: 0o640 });
      await link(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
      const before = await stat(path.join(dir, 'a.md'));
      const result = await run(['--fix', '--format', 'json', 'a.md'], dir);
      expect(result.code).toBe(0);
      const after = await stat(path.join(dir, 'a.md'));
      expect(after.ino).toBe(before.ino);
      expect(after.nlink).toBe(2);
      expect(after.mode & 0o777).toBe(0o640);
      expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('韩国奉行务实外交。\n');
      expect(await readFile(path.join(dir, 'b.md'), 'utf8')).toBe('韩国奉行务实外交。\n');
    });
  });

  it('a shorter text written in place leaves no tail of the longer one', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'a.md'), '韩国奉行实用主义外交。\n');
      await link(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
      const result = await run(['--fix', 'a.md'], dir);
      expect(result.code).toBe(0);
      expect(await readFile(path.join(dir, 'b.md'), 'utf8')).toBe('韩国奉行务实外交。\n');
    });
  });
});

describe('paths that cannot be looked at', () => {
  it('a loop of symbolic links is named with its reason, not as a missing file', async () => {
    await withTempDir(async (dir) => {
      await symlink('loop.md', path.join(dir, 'loop.md'));
      const result = await run(['loop.md'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('nuance: Cannot read `loop.md`: too many levels of symbolic links\n');
    });
  });
});

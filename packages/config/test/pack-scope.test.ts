// The packs a config names are read only inside its repository (or its own folder), unless
// allowed; a file that is not a pack is never quoted in a problem; a FIFO or a device is never
// read (src/pack-scope.ts, src/text-file.ts).
import { execFileSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, ReadBuffer, readRegularFile, readRegularFileSync } from '../src/index.js';
import { startsALine } from '../src/load-pack.js';
import { packYaml, withDir } from './helpers.js';

const SECRET = 'password: hunter2-very-secret\napi_key: [unclosed\n';

describe('packs named by a config in a repository', () => {
  it('are read inside the repository, and refused outside it (a path or a symbolic link)', async () => {
    await withDir(
      {
        'outside.yaml': packYaml('outside'),
        'repo/.nuancerc.yaml': 'packs: [./packs/in.yaml, ../outside.yaml, ./link.yaml, /etc/passwd]\n',
        'repo/packs/in.yaml': packYaml('inside'),
      },
      async (dir) => {
        await mkdir(path.join(dir, 'repo', '.git'));
        await symlink(path.join(dir, 'outside.yaml'), path.join(dir, 'repo', 'link.yaml'));
        const loaded = await loadConfig({ configFile: 'repo/.nuancerc.yaml', cwd: dir });
        expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['inside']);
        const repo = path.join(dir, 'repo');
        expect(loaded.problems.map((p) => [p.code, p.line, p.column, p.message])).toEqual(
          ['../outside.yaml', './link.yaml', '/etc/passwd'].map((name) => [
            'unreadable-pack',
            1,
            expect.any(Number),
            `Cannot read pack \`${name}\`: it is outside \`${repo}\`, and a config in a repository (or outside ` +
              'the home folder) reads packs only from inside it; run with `--allow-packs-outside` to allow it',
          ]),
        );
        expect(JSON.stringify(loaded.problems)).not.toContain('root:');
      },
    );
  });

  it('are read from anywhere with allowPacksOutside, and a file that is not a pack is not quoted', async () => {
    await withDir(
      {
        'outside.yaml': packYaml('outside'),
        'secret.yaml': SECRET,
        'repo/.nuancerc.yaml': 'packs: [../outside.yaml, ../secret.yaml, /etc/passwd]\n',
      },
      async (dir) => {
        await mkdir(path.join(dir, 'repo', '.git'));
        const loaded = await loadConfig({
          configFile: 'repo/.nuancerc.yaml',
          cwd: dir,
          allowPacksOutside: true,
        });
        expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['outside']);
        expect(loaded.problems.map((p) => p.message)).toEqual([
          'Cannot read pack `../secret.yaml`: it is not a nuance pack (no top-level `pack:` key), so nothing of it is shown',
          'Cannot read pack `/etc/passwd`: it is not a nuance pack (no top-level `pack:` key), so nothing of it is shown',
        ]);
        // Positioned on the config's entries, never inside the files.
        expect(loaded.problems.every((p) => p.file === path.join(dir, 'repo', '.nuancerc.yaml'))).toBe(true);
        const shown = JSON.stringify(loaded.problems);
        expect(shown).not.toContain('hunter2');
        expect(shown).not.toContain('root:');
      },
    );
  });

  it('without a repository, are read inside the config folder', async () => {
    await withDir(
      { 'outside.yaml': packYaml('outside'), 'project/.nuancerc.yaml': 'packs: [../outside.yaml]\n' },
      async (dir) => {
        const loaded = await loadConfig({ configFile: 'project/.nuancerc.yaml', cwd: dir });
        expect(loaded.packs).toEqual([]);
        expect(loaded.problems[0]!.message).toContain(`it is outside \`${path.join(dir, 'project')}\``);
      },
    );
  });

  it('a YAML error in a real pack is still reported with its place', async () => {
    await withDir(
      {
        '.nuancerc.yaml': 'packs: [./team.yaml]\n',
        'team.yaml': 'pack: team\nrules: [\n',
      },
      async (dir) => {
        const loaded = await loadConfig({ configFile: '.nuancerc.yaml', cwd: dir });
        expect(loaded.problems.map((p) => [path.basename(p.file), p.code])).toEqual([
          ['team.yaml', 'yaml-syntax'],
        ]);
      },
    );
  });
});

describe('readRegularFile', () => {
  it('refuses a FIFO without waiting for a writer, a device, a folder and a file over the limit', async () => {
    await withDir({ 'small.txt': 'abc' }, async (dir) => {
      execFileSync('mkfifo', [path.join(dir, 'fifo')]);
      const reason = (file: string, max?: number) =>
        readRegularFile(file, max).then(
          () => 'read',
          (error: Error) => error.message,
        );
      expect(await reason(path.join(dir, 'fifo'))).toBe('it is a FIFO (named pipe), not a regular file');
      expect(await reason('/dev/zero')).toBe('it is a character device, not a regular file');
      expect(await reason(dir)).toBe('it is a folder');
      expect(await reason(path.join(dir, 'small.txt'), 2)).toBe(
        'it is 3 bytes, more than the limit of 2 bytes',
      );
      expect(await reason(path.join(dir, 'small.txt'), 3)).toBe('read');
    });
  });

  it('reads file after file into one buffer (synchronously), each whole, and still refuses what is not a regular file', async () => {
    const big = '务实外交。'.repeat(30000);
    await withDir(
      { 'big.md': big, 'small.md': 'abc', 'empty.md': '', 'mid.md': 'x'.repeat(70000) },
      async (dir) => {
        execFileSync('mkfifo', [path.join(dir, 'fifo')]);
        const reuse = new ReadBuffer();
        const text = (name: string) =>
          new TextDecoder().decode(
            readRegularFileSync(path.join(dir, name), undefined, { reuse, listedRegular: true }).bytes,
          );
        // Smaller after larger (the buffer is longer than the file), then larger again (it grows).
        expect(text('small.md')).toBe('abc');
        expect(text('mid.md')).toBe('x'.repeat(70000));
        expect(text('small.md')).toBe('abc');
        expect(text('big.md')).toBe(big);
        expect(text('empty.md')).toBe('');
        expect(text('small.md')).toBe('abc');
        // A file that says it is empty but is not (/proc, whose reads stop at each page) is read to its end.
        const maps = new TextDecoder().decode(
          readRegularFileSync('/proc/self/smaps', undefined, { reuse }).bytes,
        );
        expect(maps.length).toBeGreaterThan(8192);
        expect(maps.trimEnd().split('\n').at(-1)).toMatch(/^VmFlags:/);
        const later = new TextDecoder().decode((await readRegularFile('/proc/self/smaps')).bytes);
        expect(later.trimEnd().split('\n').at(-1)).toMatch(/^VmFlags:/);
        // Listed as regular, or not: the open file is checked.
        expect(() =>
          readRegularFileSync(path.join(dir, 'fifo'), undefined, { reuse, listedRegular: true }),
        ).toThrow('it is a FIFO (named pipe), not a regular file');
        expect(() => readRegularFileSync(path.join(dir, 'mid.md'), 1000, { reuse })).toThrow(
          'more than the limit',
        );
      },
    );
  });
});

describe('startsALine (is this file a pack, read from its bytes)', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const key = utf8('pack:');
  it('finds a top-level key where /^pack:/m finds it in the decoded text', () => {
    const cases = [
      'pack: x',
      '\uFEFFpack: x',
      '# a pack\npack: x',
      '# a pack\r\npack: x',
      '# old Mac\rpack: x',
      '# 务实\u2028pack: x',
      '# 务实\u2029pack: x',
      ' pack: x',
      'packs: x',
      'a: pack: x',
      '\uFEFF pack: x',
      'x\u2027pack: x',
      '',
      'pack',
      '务实pack: x\n  pack: y',
    ];
    for (const text of cases) {
      expect(startsALine(utf8(text), key), JSON.stringify(text)).toBe(
        /^pack:/m.test(text.replace(/^\uFEFF/, '')),
      );
    }
    // A view into a larger buffer reads from its own start.
    const whole = utf8('xxpack: y');
    expect(startsALine(whole.subarray(2), key)).toBe(true);
    expect(startsALine(whole.subarray(1), key)).toBe(false);
  });
});

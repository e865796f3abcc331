// `--output` (`nuance check` and `nuance merge`) on real files in a temp folder: a regular file is
// replaced atomically, but a FIFO, a device, a symlink or /dev/fd/N is written into, never
// replaced, and a draft the run lints is never overwritten by its report.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, withTempDir, writeTree } from './helpers.js';

const BIN = path.join(FIXTURES, '..', '..', 'dist', 'bin.cjs');
const DRAFT = '韩国奉行实用外交。\n';

/** A folder with one draft (one error finding) and the JSON report nuance prints for it. */
async function draftFolder(dir: string): Promise<string> {
  await writeTree(dir, { 'a.md': DRAFT });
  const direct = await run(['a.md', '--format', 'json'], dir);
  expect(direct.code).toBe(1);
  return direct.stdout;
}

function readAll(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    createReadStream(file, 'utf8')
      .on('data', (chunk) => (text += chunk))
      .on('end', () => resolve(text))
      .on('error', reject);
  });
}

describe('--output onto a regular file', () => {
  it('creates a new file atomically, with the mode a plain write gives', async () => {
    await withTempDir(async (dir) => {
      const report = await draftFolder(dir);
      await writeFile(path.join(dir, 'probe'), '');
      await mkdir(path.join(dir, 'out'));
      const written = await run(['a.md', '--format', 'json', '-o', 'out/r.json'], dir);
      expect(written).toEqual({ code: 1, stdout: '', stderr: '' });
      expect(await readFile(path.join(dir, 'out/r.json'), 'utf8')).toBe(report);
      const mode = (await stat(path.join(dir, 'out/r.json'))).mode & 0o7777;
      expect(mode).toBe((await stat(path.join(dir, 'probe'))).mode & 0o7777);
      expect(await readdir(path.join(dir, 'out'))).toEqual(['r.json']);
    });
  });

  it('replaces an existing file by a rename, keeping its mode', async () => {
    await withTempDir(async (dir) => {
      const report = await draftFolder(dir);
      const out = path.join(dir, 'r.json');
      await writeFile(out, 'old report\n');
      await chmod(out, 0o640);
      const before = await stat(out);
      expect(await run(['a.md', '--format', 'json', '-o', 'r.json'], dir)).toEqual({
        code: 1,
        stdout: '',
        stderr: '',
      });
      const after = await stat(out);
      expect(await readFile(out, 'utf8')).toBe(report);
      expect(after.mode & 0o7777).toBe(0o640);
      // A new inode: readers of the old file never see half a report.
      expect(after.ino).not.toBe(before.ino);
      expect((await readdir(dir)).sort()).toEqual(['a.md', 'r.json']);
    });
  });

  it('follows a symbolic link: the target gets the report, the link stays a link', async () => {
    await withTempDir(async (dir) => {
      const report = await draftFolder(dir);
      await mkdir(path.join(dir, 'reports'));
      await writeFile(path.join(dir, 'reports/latest.json'), '[]\n');
      await symlink('reports/latest.json', path.join(dir, 'r.json'));
      // A link to a file that does not exist yet creates the file.
      await symlink('reports/new.json', path.join(dir, 'new.json'));
      expect((await run(['a.md', '--format', 'json', '-o', 'r.json'], dir)).code).toBe(1);
      expect((await run(['a.md', '--format', 'json', '-o', 'new.json'], dir)).code).toBe(1);
      for (const [link, target] of [
        ['r.json', 'reports/latest.json'],
        ['new.json', 'reports/new.json'],
      ] as const) {
        expect((await lstat(path.join(dir, link))).isSymbolicLink()).toBe(true);
        expect(await readlink(path.join(dir, link))).toBe(target);
        expect(await readFile(path.join(dir, target), 'utf8')).toBe(report);
      }
      expect((await readdir(path.join(dir, 'reports'))).sort()).toEqual(['latest.json', 'new.json']);
    });
  });
});

describe('--output onto what is not a regular file', () => {
  it('streams into a FIFO: a reader gets the report and the FIFO stays a FIFO', async () => {
    await withTempDir(async (dir) => {
      const report = await draftFolder(dir);
      const fifo = path.join(dir, 'report.fifo');
      execFileSync('mkfifo', [fifo]);
      const [result, received] = await Promise.all([
        run(['a.md', '--format', 'json', '-o', 'report.fifo'], dir),
        readAll(fifo),
      ]);
      expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
      expect(received).toBe(report);
      expect((await lstat(fifo)).isFIFO()).toBe(true);
      expect((await readdir(dir)).sort()).toEqual(['a.md', 'report.fifo']);
    });
  });

  it('writes into a character device and leaves it a device', async () => {
    await withTempDir(async (dir) => {
      await draftFolder(dir);
      // A null device of our own where the system allows it (root); else the real /dev/null.
      let device = path.join(dir, 'null');
      try {
        execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
      } catch {
        device = '/dev/null';
      }
      const before = await lstat(device);
      expect(before.isCharacterDevice()).toBe(true);
      expect(await run(['a.md', '--format', 'json', '-o', device], dir)).toEqual({
        code: 1,
        stdout: '',
        stderr: '',
      });
      const after = await lstat(device);
      expect(after.isCharacterDevice()).toBe(true);
      expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
      expect(await readdir(dir)).toEqual(device === '/dev/null' ? ['a.md'] : ['a.md', 'null']);
    });
  });

  it('refuses a folder', async () => {
    await withTempDir(async (dir) => {
      await draftFolder(dir);
      await mkdir(path.join(dir, 'reports'));
      const result = await run(['a.md', '-o', 'reports'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('nuance: Cannot write the report to `reports`: it is a folder\n');
      expect(await readdir(path.join(dir, 'reports'))).toEqual([]);
    });
  });
});

describe('--output onto a draft of the run', () => {
  it('refuses to write over a file being linted, under any name, and leaves it as it was', async () => {
    await withTempDir(async (dir) => {
      await draftFolder(dir);
      await symlink('a.md', path.join(dir, 'alias.md'));
      for (const output of ['a.md', './a.md', 'alias.md']) {
        const result = await run(['.', '--format', 'json', '-o', output], dir);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(
          `nuance: Cannot write the report to \`${output}\`: it is a file this run lints; choose another file for the report\n`,
        );
        expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe(DRAFT);
      }
      expect((await lstat(path.join(dir, 'alias.md'))).isSymbolicLink()).toBe(true);
      expect((await readdir(dir)).sort()).toEqual(['a.md', 'alias.md']);
    });
  });

  it('refuses the file named by --stdin-filename, which stdin stands for', async () => {
    await withTempDir(async (dir) => {
      await draftFolder(dir);
      const result = await run(['--stdin', '--stdin-filename', 'a.md', '-o', 'a.md'], dir, { stdin: DRAFT });
      expect(result.code).toBe(2);
      expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe(DRAFT);
    });
  });
});

describe('nuance merge --output', () => {
  it('uses the same writer: a symlink stays a link, a FIFO gets the report', async () => {
    await withTempDir(async (dir) => {
      const shard = [{ path: 'a.md', messages: [], errorCount: 0, warningCount: 0 }];
      await writeFile(path.join(dir, 'a.json'), JSON.stringify(shard));
      const merged = `${JSON.stringify(shard)}\n`;
      await writeFile(path.join(dir, 'target.json'), '');
      await symlink('target.json', path.join(dir, 'all.json'));
      expect(await run(['merge', 'a.json', '-o', 'all.json'], dir)).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
      expect((await lstat(path.join(dir, 'all.json'))).isSymbolicLink()).toBe(true);
      expect(await readFile(path.join(dir, 'target.json'), 'utf8')).toBe(merged);

      execFileSync('mkfifo', [path.join(dir, 'all.fifo')]);
      const [result, received] = await Promise.all([
        run(['merge', 'a.json', '-o', 'all.fifo'], dir),
        readAll(path.join(dir, 'all.fifo')),
      ]);
      expect(result.code).toBe(0);
      expect(received).toBe(merged);
      expect((await lstat(path.join(dir, 'all.fifo'))).isFIFO()).toBe(true);
    });
  });
});

describe('--output onto a descriptor', () => {
  it("writes /dev/stdout and /dev/fd/2 into the run's own streams, in their order", async () => {
    await withTempDir(async (dir) => {
      const report = await draftFolder(dir);
      expect(await run(['a.md', '--format', 'json', '-o', '/dev/stdout'], dir)).toEqual({
        code: 1,
        stdout: report,
        stderr: '',
      });
      const diff = await run(['a.md', '--fix-dry-run', '--format', 'json', '-o', '/dev/fd/1'], dir);
      expect(diff.stdout).toMatch(/^--- a\/a\.md\n[\s\S]*\n\[\{"path":"a\.md","messages":\[\],/);
      const toStderr = await run(['a.md', '--format', 'json', '-o', '/dev/fd/2'], dir);
      expect([toStderr.stdout, toStderr.stderr]).toEqual(['', report]);
      // A link to a descriptor name is followed to it, not to the /proc link behind it.
      await symlink('/dev/stdout', path.join(dir, 'out.json'));
      const viaLink = await run(['a.md', '--format', 'json', '-o', 'out.json'], dir);
      expect([viaLink.stdout, viaLink.stderr]).toEqual([report, '']);
      expect((await readdir(dir)).sort()).toEqual(['a.md', 'out.json']);
    });
  });
});

// The built bin, so that the descriptors are the process's own: a socket (Node's stdio pipes), a
// pipe, and a file a shell opened with `>>`.
describe.skipIf(!existsSync(BIN))('--output /dev/fd/N in the built bin', () => {
  it('writes the report into the socket or pipe the descriptor is', async () => {
    await withTempDir(async (dir) => {
      const report = await draftFolder(dir);
      const direct = spawnSync(process.execPath, [BIN, 'a.md', '--format', 'json', '-o', '/dev/fd/1'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect([direct.status, direct.stderr, direct.stdout]).toEqual([1, '', report]);

      const child = spawn(process.execPath, [BIN, 'a.md', '--format', 'json', '-o', '/dev/fd/3'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      });
      let fd3 = '';
      child.stdio[3]?.on('data', (chunk: Buffer) => (fd3 += chunk.toString('utf8')));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect([code, fd3]).toEqual([1, report]);
      expect(await readdir(dir)).toEqual(['a.md']);
    });
  });

  it('keeps what a `>>` redirect already holds', async () => {
    await withTempDir(async (dir) => {
      const report = await draftFolder(dir);
      await writeFile(path.join(dir, 'log.txt'), 'earlier step\n');
      const shell = spawnSync(
        '/bin/sh',
        ['-c', `"$0" "$1" a.md --format json -o /dev/stdout >> log.txt`, process.execPath, BIN],
        { cwd: dir, encoding: 'utf8' },
      );
      expect([shell.status, shell.stderr]).toEqual([1, '']);
      expect(await readFile(path.join(dir, 'log.txt'), 'utf8')).toBe(`earlier step\n${report}`);
    });
  });
});

// Only regular files are read: a device, a FIFO or a file over the size limit gets a
// `nuance/unreadable-file` finding (never a hang, an unbounded read or a silent skip), whether it
// is named, found in a folder or globbed; packs and configs are read the same way.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, withTempDir, writeTree } from './helpers.js';

const CONFIG = path.join(FIXTURES, 'basic', 'nuance.yaml');

interface Message {
  ruleId: string;
  severity: string;
  message: string;
}

function byPath(stdout: string): Record<string, Message[]> {
  const parsed = JSON.parse(stdout) as { path: string; messages: Message[] }[];
  return Object.fromEntries(parsed.map((r) => [r.path, r.messages]));
}

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

describe('special files', () => {
  it('/dev/zero named on the command line is a finding, not an endless read', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'good.md'), 'We pursue utilitarian diplomacy.\n');
      const result = await run(['--config', CONFIG, '--format', 'json', '/dev/zero', 'good.md'], dir);
      expect(result.code).toBe(1);
      const found = byPath(result.stdout);
      const zero = Object.entries(found).find(([name]) => name.endsWith('dev/zero'))?.[1];
      expect(zero).toEqual([
        expect.objectContaining({
          ruleId: 'nuance/unreadable-file',
          severity: 'error',
          message: 'Cannot read file: it is a character device, not a regular file',
        }),
      ]);
      expect(found['good.md']!.map((m) => m.ruleId)).toEqual(['team/utilitarian']);
    });
  });

  it('a committed symbolic link to /dev/zero in a folder walked is a finding', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'drafts/good.md': 'We pursue utilitarian diplomacy.\n' });
      await symlink('/dev/zero', path.join(dir, 'drafts', 'zero.md'));
      const result = await run(['--config', CONFIG, '--format', 'json', 'drafts'], dir);
      expect(result.code).toBe(1);
      expect(byPath(result.stdout)['drafts/zero.md']).toEqual([
        expect.objectContaining({
          ruleId: 'nuance/unreadable-file',
          message: 'Cannot read file: it is a character device, not a regular file',
        }),
      ]);
    });
  });

  it('a FIFO named, or found in a folder, is a finding and nothing waits for a writer', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'drafts'));
      mkfifo(path.join(dir, 'drafts', 'pipe.md'));
      mkfifo(path.join(dir, 'named.md'));
      const result = await run(['--config', CONFIG, '--format', 'json', 'named.md', 'drafts'], dir);
      expect(result.code).toBe(1);
      const found = byPath(result.stdout);
      for (const name of ['named.md', 'drafts/pipe.md']) {
        expect(found[name]).toEqual([
          expect.objectContaining({
            ruleId: 'nuance/unreadable-file',
            message: 'Cannot read file: it is a FIFO (named pipe), not a regular file',
          }),
        ]);
      }
    });
  }, 10_000);

  it('a FIFO as a pack or as the config is a problem, and linting goes on', async () => {
    await withTempDir(async (dir) => {
      mkfifo(path.join(dir, 'pack.yaml'));
      mkfifo(path.join(dir, 'fifo.yaml'));
      await writeTree(dir, {
        '.nuancerc.yaml': 'packs: [korea-china, ./pack.yaml]\n',
        'a.md': '韩国奉行实用外交。\n',
      });
      const result = await run(['--format', 'json', 'a.md'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        '.nuancerc.yaml:1:22  error  Cannot read pack `./pack.yaml`: it is a FIFO (named pipe), not a regular file  pack/unreadable-pack',
      );
      expect(byPath(result.stdout)['a.md']!.map((m) => m.ruleId)).toEqual(['korea-china/wushi-not-shiyong']);

      const withConfig = await run(['--config', 'fifo.yaml', '--format', 'json', 'a.md'], dir);
      expect(withConfig.code).toBe(2);
      expect(withConfig.stderr).toContain(
        'it is a FIFO (named pipe), not a regular file  pack/unreadable-config',
      );
    });
  }, 10_000);
});

describe('the file size limit', () => {
  it('a 50 MB one-line Markdown file gets a finding instead of being parsed', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'huge.md'), 'utilitarian diplomacy '.repeat(2_400_000));
      const result = await run(['--config', CONFIG, '--format', 'json', 'huge.md'], dir);
      expect(result.code).toBe(1);
      expect(byPath(result.stdout)['huge.md']).toEqual([
        expect.objectContaining({
          ruleId: 'nuance/unreadable-file',
          severity: 'error',
          message:
            'Cannot read file: it is 50.4 MB, more than the limit of 16 MB; it was not linted (raise the limit with --max-file-size)',
        }),
      ]);
    });
  }, 20_000);

  it('--max-file-size sets the limit, in bytes or with K, M or G', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'small.md': 'utilitarian diplomacy\n', 'large.md': `${'x'.repeat(2048)}\n` });
      const result = await run(
        ['--config', CONFIG, '--format', 'json', '--max-file-size', '2K', 'small.md', 'large.md'],
        dir,
      );
      const found = byPath(result.stdout);
      expect(found['small.md']!.map((m) => m.ruleId)).toEqual(['team/utilitarian']);
      expect(found['large.md']![0]!.message).toBe(
        'Cannot read file: it is 2,049 bytes, more than the limit of 2 KB; it was not linted (raise the limit with --max-file-size)',
      );
      expect((await run(['--max-file-size', 'big', 'small.md'], dir)).stderr).toContain(
        'Unexpected value `big` for `--max-file-size`',
      );
    });
  });

  it('standard input over the limit is a finding, read no further than the limit', async () => {
    await withTempDir(async (dir) => {
      const result = await run(
        ['--config', CONFIG, '--format', 'json', '--stdin', '--max-file-size', '100'],
        dir,
        {
          stdin: 'utilitarian diplomacy '.repeat(10),
        },
      );
      expect(result.code).toBe(1);
      expect(byPath(result.stdout)['<stdin>']![0]!.message).toBe(
        'Cannot read standard input: it is more than the limit of 100 bytes; it was not linted (raise the limit with --max-file-size)',
      );
    });
  });
});

describe('packs outside the repository', () => {
  it('are refused unless --allow-packs-outside, and a file that is not a pack is never quoted', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        'team.yaml': await readFile(path.join(FIXTURES, 'team.yaml'), 'utf8'),
        'repo/.nuancerc.yaml': 'packs: [../team.yaml, /etc/passwd]\n',
        'repo/a.md': 'We pursue utilitarian diplomacy.\n',
      });
      await mkdir(path.join(dir, 'repo', '.git'));
      const repo = path.join(dir, 'repo');
      const refused = await run(['--format', 'json', 'a.md'], repo);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `.nuancerc.yaml:1:9  error  Cannot read pack \`../team.yaml\`: it is outside \`${repo}\``,
      );
      expect(refused.stderr).not.toContain('root:');
      expect(byPath(refused.stdout)['a.md']).toEqual([]);

      const allowed = await run(['--format', 'json', '--allow-packs-outside', 'a.md'], repo);
      expect(allowed.code).toBe(2);
      expect(allowed.stderr).toBe(
        '.nuancerc.yaml:1:23  error  Cannot read pack `/etc/passwd`: it is not a nuance pack (no top-level `pack:` key), so nothing of it is shown  pack/unreadable-pack\n',
      );
      expect(byPath(allowed.stdout)['a.md']!.map((m) => m.ruleId)).toEqual(['team/utilitarian']);
    });
  });
});

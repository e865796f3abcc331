// A release set's other files are read through one host for the CLI and the language server:
// regular files only, within the size limit, so a FIFO beside a draft (or a link to /dev/zero)
// neither hangs nor fills memory; the source is then simply not there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { siblingFiles } from '../src/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'nuance-siblings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siblingFiles', () => {
  it('reads a regular file without its BOM and lists the folder', () => {
    writeFileSync(path.join(dir, 'statement.ko.md'), '\uFEFF한반도 비핵화\n');
    writeFileSync(path.join(dir, 'statement.zh.md'), '半岛无核化\n');
    const host = siblingFiles({ cacheFolders: false });
    expect(host.read(path.join(dir, 'statement.ko.md'))).toBe('한반도 비핵화\n');
    expect(host.siblings(path.join(dir, 'statement.zh.md')).sort()).toEqual(
      [path.join(dir, 'statement.ko.md'), path.join(dir, 'statement.zh.md')].sort(),
    );
    expect(host.shown(path.join(dir, 'statement.ko.md'))).toBe('statement.ko.md');
  });

  it('refuses a FIFO and a link to /dev/zero at once, and a missing file', () => {
    const fifo = path.join(dir, 'fifo.en.md');
    execFileSync('mkfifo', [fifo]);
    const zero = path.join(dir, 'zero.en.md');
    symlinkSync('/dev/zero', zero);
    const host = siblingFiles({ cacheFolders: false });
    expect(host.read(fifo)).toBeUndefined();
    expect(host.read(zero)).toBeUndefined();
    expect(host.read(path.join(dir, 'missing.en.md'))).toBeUndefined();
  });

  it('lists a folder once per host when asked to cache', () => {
    const host = siblingFiles({ cacheFolders: true });
    const before = host.siblings(path.join(dir, 'statement.zh.md'));
    writeFileSync(path.join(dir, 'late.en.md'), 'x');
    expect(host.siblings(path.join(dir, 'statement.zh.md'))).toEqual(before);
    expect(siblingFiles({ cacheFolders: false }).siblings(path.join(dir, 'x'))).toContain(
      path.join(dir, 'late.en.md'),
    );
  });

  it('lists a folder again when it changed, and gives the same listing while it has not', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'nuance-listing-'));
    try {
      const draft = path.join(folder, 'statement.zh.md');
      writeFileSync(draft, 'x');
      const host = siblingFiles({ cacheFolders: false });
      // Changed just now: listed again at each call, as a change in the same tick could be missed.
      const first = host.siblings(draft);
      expect(host.siblings(draft)).not.toBe(first);
      expect(first).toEqual([draft]);
      // Listed as if a minute later: kept while the folder is the same (a keystroke in a
      // translation asks at each edit).
      const now = Date.now();
      const later = vi.spyOn(Date, 'now').mockReturnValue(now + 60_000);
      try {
        const kept = host.siblings(draft);
        expect(host.siblings(draft)).toBe(kept);
        // A file added, then one removed: the folder is another, its listing too. (Its time set
        // apart from the last: a file system's clock may not tick between two quick changes,
        // which is why a listing made within RACY_MS of one is not kept.)
        const source = path.join(folder, 'statement.ko.md');
        writeFileSync(source, 'y');
        utimesSync(folder, new Date(now - 20_000), new Date(now - 20_000));
        expect([...host.siblings(draft)].sort()).toEqual([source, draft].sort());
        rmSync(draft);
        utimesSync(folder, new Date(now - 10_000), new Date(now - 10_000));
        expect(host.siblings(draft)).toEqual([source]);
        rmSync(folder, { recursive: true });
        expect(host.siblings(draft)).toEqual([]);
      } finally {
        later.mockRestore();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives a file read lately as it is now, whenever it is written', () => {
    const file = path.join(dir, 'kept.ko.md');
    const host = siblingFiles({ cacheFolders: false });
    // Written now, then read: a write in the same tick of the clock could keep its identity.
    writeFileSync(file, '첫째 판\n');
    expect(host.read(file)).toBe('첫째 판\n');
    writeFileSync(file, '둘째 판\n');
    expect(host.read(file)).toBe('둘째 판\n');
    // Read as if a minute later (then it is kept), and written again: its identity changed.
    const now = Date.now();
    const later = vi.spyOn(Date, 'now').mockReturnValue(now + 60_000);
    try {
      expect(host.read(file)).toBe('둘째 판\n');
      writeFileSync(file, '셋째 판\n');
      expect(host.read(file)).toBe('셋째 판\n');
      writeFileSync(file, '넷째 판, 더 긴 판\n');
      expect(host.read(file)).toBe('넷째 판, 더 긴 판\n');
      rmSync(file);
      expect(host.read(file)).toBeUndefined();
    } finally {
      later.mockRestore();
    }
  });
});

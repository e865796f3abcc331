import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument, firstInvalidUtf8 } from '../src/read-file.js';
import { FIXTURES, run, withTempDir } from './helpers.js';

const CONFIG = path.join(FIXTURES, 'basic', 'nuance.yaml');

interface Message {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  start: number;
}

async function lintFiles(files: Record<string, Uint8Array | string>, flags: string[] = []) {
  return withTempDir(async (dir) => {
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
    const result = await run(['--config', CONFIG, '--format', 'json', ...flags, ...Object.keys(files)], dir);
    const parsed = JSON.parse(result.stdout) as { path: string; messages: Message[] }[];
    return { ...result, byPath: Object.fromEntries(parsed.map((r) => [r.path, r.messages])) };
  });
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('unreadable files', () => {
  it('reports a binary, a UTF-16 and an invalid UTF-8 file and goes on with the others', async () => {
    const result = await lintFiles({
      'image.md': bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00], 'rest'),
      'utf16.md': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('utilitarian diplomacy\n', 'utf16le'),
      ]),
      // "line one\n" is 9 bytes, 两 and 行 3 each, the space 1: the bad byte is at offset 16.
      'broken.txt': bytes('line one\n两行 ', [0xff], ' utilitarian diplomacy\n'),
      'good.md': 'We pursue utilitarian diplomacy.\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const only = (name: string) => {
      const messages = result.byPath[name]!;
      expect(messages).toHaveLength(1);
      return messages[0]!;
    };
    expect(only('image.md')).toMatchObject({
      ruleId: 'nuance/unreadable-file',
      severity: 'error',
      line: 1,
      column: 1,
      message: 'Cannot read a binary file (NUL byte at byte offset 8)',
    });
    expect(only('utf16.md')).toMatchObject({ ruleId: 'nuance/unreadable-file', line: 1, column: 1 });
    expect(only('utf16.md').message).toContain('UTF-16');
    expect(only('broken.txt')).toMatchObject({
      ruleId: 'nuance/unreadable-file',
      line: 2,
      column: 4,
      start: 12,
      message: 'Invalid UTF-8 at byte offset 16 (line 2, column 4); save the file as UTF-8',
    });
    expect(only('good.md')).toMatchObject({ ruleId: 'team/utilitarian', line: 1, column: 11 });
  });

  it('prints the unreadable file in stylish output with its position', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'broken.md'), bytes('ok\n\nab', [0xc3, 0x28]));
      const result = await run(['--config', CONFIG, 'broken.md'], dir);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        '  3:3  error  Invalid UTF-8 at byte offset 6 (line 3, column 3); save the file as UTF-8  nuance/unreadable-file',
      );
    });
  });

  it('lints an empty file and a BOM-only file without findings', async () => {
    const result = await lintFiles({ 'empty.md': '', 'bom.txt': bytes([0xef, 0xbb, 0xbf]) });
    expect(result.code).toBe(0);
    expect(result.byPath).toEqual({ 'empty.md': [], 'bom.txt': [] });
  });

  it('lints a 20 MB file when --max-file-size allows it (the default is 16 MB)', async () => {
    const line = 'The delegation discussed trade, climate and the peninsula in plain terms.\n';
    const paragraph = `${line.repeat(4)}\n`;
    const count = Math.ceil((20 * 1024 * 1024) / paragraph.length);
    const text = paragraph.repeat(count) + 'Finally, utilitarian diplomacy.\n';
    expect(text.length).toBeGreaterThan(20 * 1024 * 1024);
    const result = await lintFiles({ 'big.txt': text }, ['--max-file-size', '21M']);
    expect(result.code).toBe(1);
    expect(result.byPath['big.txt']).toEqual([
      expect.objectContaining({ ruleId: 'team/utilitarian', line: count * 5 + 1, column: 10 }),
    ]);
  }, 120_000);
});

describe('firstInvalidUtf8', () => {
  it('finds the first ill-formed sequence by the WHATWG rules', () => {
    expect(firstInvalidUtf8(bytes('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(bytes('한국어 务实 😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes('a', [0x80]))).toBe(1); // lone continuation byte
    expect(firstInvalidUtf8(bytes('ab', [0xc0, 0xaf]))).toBe(2); // overlong
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8(bytes('x', [0xe4, 0xb8]))).toBe(1); // truncated at the end
  });

  it('agrees with TextDecoder on what is valid', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let b = 0x80; b <= 0xff; b++) {
      for (const next of [0x41, 0x80, 0x90, 0xa0, 0xbf]) {
        const sample = new Uint8Array([b, next, 0x80, 0x80]);
        let valid = true;
        try {
          decoder.decode(sample);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(sample) === -1, `${b.toString(16)} ${next.toString(16)}`).toBe(valid);
      }
    }
  });

  it('keeps the text after a UTF-8 BOM and counts from after it', () => {
    const result = decodeDocument(bytes([0xef, 0xbb, 0xbf], 'x', [0xff]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.finding).toMatchObject({ line: 1, column: 2, start: 1 });
    expect(decodeDocument(bytes([0xef, 0xbb, 0xbf], '务实'))).toEqual({ ok: true, text: '务实', bom: true });
  });
});

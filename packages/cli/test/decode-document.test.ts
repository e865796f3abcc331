import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../src/read-file.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

// The decoding itself (config's strictUtf8) is tested in config/test/strict-utf8.test.ts.
describe('decodeDocument: a document as the CLI lints it', () => {
  it('keeps a document with a BOM readable and reports the first bad byte of one that is not', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('实用外交')]);
    expect(decodeDocument(withBom)).toEqual({ ok: true, text: '实用外交', bom: true });
    const broken = Uint8Array.from([...utf8('중국\n ab'), 0xed, 0xa0, 0x80]);
    const read = decodeDocument(broken);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.finding.message).toContain('Invalid UTF-8 at byte offset 10 (line 2, column 4)');
  });
});

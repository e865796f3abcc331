import { describe, expect, it } from 'vitest';
import { decodeText, strictUtf8 } from '../src/text-file.js';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What the WHATWG decoder in fatal mode makes of `bytes`: the text, or undefined when it throws. */
function whatwg(bytes: Uint8Array): string | undefined {
  try {
    return fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('strictUtf8: a document or pack as text, as the fatal WHATWG decoder reads it', () => {
  it('reads ASCII, Latin-1 letters, CJK, Hangul, supplementary characters and noncharacters', () => {
    for (const text of [
      '',
      'Joint Statement',
      'Café résumé',
      '务实外交 實用外交',
      '실용외교를 추진한다',
      'emoji \u{1F600} and 𠀀 (U+20000)',
      'U+FFFE \uFFFE, U+FEFF \uFEFF inside, U+D7FF \uD7FF, U+E000 \uE000',
      '“quoted” — dash',
    ]) {
      expect(strictUtf8(utf8(text))).toBe(text);
    }
  });

  it('refuses what the fatal decoder refuses: overlong forms, surrogates, code points above U+10FFFF, cut sequences', () => {
    for (const bytes of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80],
      [0x61, 0xe4, 0xb8],
      [0x80],
      [0xff],
    ]) {
      const input = Uint8Array.from(bytes);
      expect(whatwg(input)).toBeUndefined();
      expect(strictUtf8(input)).toBeUndefined();
    }
  });

  it('agrees with the fatal decoder on random byte strings, well-formed or not', () => {
    // A fixed seed: the same strings at every run.
    let seed = 0x2545f491;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ['a', 'é', '中', '한', '\u{1F600}', ' ', '\n'].map(utf8);
    let bad = 0;
    for (let n = 0; n < 2000; n++) {
      const parts: number[] = [];
      const count = 1 + Math.floor(next() * 12);
      for (let k = 0; k < count; k++) {
        if (next() < 0.1) parts.push(Math.floor(next() * 256));
        else parts.push(...(pieces[Math.floor(next() * pieces.length)] as Uint8Array));
      }
      const input = Uint8Array.from(parts);
      const expected = whatwg(input);
      if (expected === undefined) bad++;
      expect(strictUtf8(input)).toBe(expected);
    }
    // Both kinds were tried.
    expect(bad).toBeGreaterThan(100);
    expect(bad).toBeLessThan(1900);
  });

  it('reads a slice of a larger buffer (a reused read buffer) without the bytes around it', () => {
    const whole = utf8('xx中国yy');
    expect(strictUtf8(whole.subarray(2, 8))).toBe('中国');
    expect(strictUtf8(whole.subarray(0, 2))).toBe('xx');
  });

  it('decodes the text of a pack the same way, and bad bytes as U+FFFD as TextDecoder does', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('实用外交')]);
    expect(decodeText(withBom)).toBe('\ufeff实用外交');
    expect(decodeText(utf8('rules: []\n'))).toBe('rules: []\n');
    const broken = Uint8Array.from([...utf8('중국 '), 0xed, 0xa0, 0x80, ...utf8(' ab')]);
    expect(decodeText(broken)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(broken));
    expect(decodeText(broken)).toContain('\ufffd');
  });
});

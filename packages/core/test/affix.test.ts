import { describe, expect, it } from 'vitest';
import { applyEdits, minimalReplacement, stripBom } from '../src/index.js';

describe('minimalReplacement', () => {
  it('trims the common prefix and suffix', () => {
    expect(minimalReplacement('rules:\n  a: off\n', 'rules:\n  a: off\n  b: off\n')).toEqual({
      start: 16,
      end: 16,
      text: '  b: off\n',
    });
    expect(minimalReplacement('same', 'same')).toEqual({ start: 4, end: 4, text: '' });
  });

  it('never splits a surrogate pair', () => {
    // 𠀀 (U+20000) and 𠀁 (U+20001) share their high surrogate.
    const r = minimalReplacement('a𠀀b', 'a𠀁b');
    expect(r).toEqual({ start: 1, end: 3, text: '𠀁' });
  });

  it('turns the old text into the new one on random pairs', () => {
    const alphabet = ['a', 'b', '𠀀', '𠀁', '\n'];
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return alphabet[seed % alphabet.length] ?? 'a';
    };
    for (let n = 0; n < 3000; n++) {
      const a = Array.from({ length: seed % 7 }, pick).join('');
      const b = Array.from({ length: seed % 5 }, pick).join('');
      const r = minimalReplacement(a, b);
      expect(applyEdits(a, [r]).output).toBe(b);
      expect(r).toEqual(byLoop(a, b));
    }
  });
});

describe('minimalReplacement on long texts', () => {
  it('finds the edit by chunks as unit by unit, at every place around a chunk boundary', () => {
    const base = Array.from({ length: 1200 }, (_, i) => (i % 97 === 0 ? '𠀀' : 'ab韩\n'[i % 4])).join('');
    for (let at = 250; at < 1300; at += 1) {
      for (const [cut, insert] of [
        [0, 'x'],
        [1, ''],
        [2, '𠀁'],
        [300, 'yz'],
      ] as const) {
        const after = base.slice(0, at) + insert + base.slice(at + cut);
        expect(minimalReplacement(base, after)).toEqual(byLoop(base, after));
      }
    }
  });
});

/** The common prefix and suffix found unit by unit: what the bisection must give. */
function byLoop(before: string, after: string) {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s))
    s++;
  const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  if (p > 0 && low(before.charCodeAt(p))) p--;
  if (s > 0 && low(before.charCodeAt(before.length - s))) s--;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

describe('stripBom', () => {
  it('strips a leading BOM only', () => {
    expect(stripBom('\uFEFFpacks: []')).toBe('packs: []');
    expect(stripBom('a\uFEFF')).toBe('a\uFEFF');
  });
});

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
    for (let n = 0; n < 500; n++) {
      const a = Array.from({ length: seed % 7 }, pick).join('');
      const b = Array.from({ length: seed % 5 }, pick).join('');
      const r = minimalReplacement(a, b);
      expect(applyEdits(a, [r]).output).toBe(b);
    }
  });
});

describe('stripBom', () => {
  it('strips a leading BOM only', () => {
    expect(stripBom('\uFEFFpacks: []')).toBe('packs: []');
    expect(stripBom('a\uFEFF')).toBe('a\uFEFF');
  });
});

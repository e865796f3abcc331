import { describe, expect, test } from 'vitest';
import { expandPhrase, PhraseError } from '../src/pack/phrase.js';

function errorOf(phrase: string): { message: string; index: number } {
  try {
    expandPhrase(phrase);
  } catch (error) {
    expect(error).toBeInstanceOf(PhraseError);
    return { message: (error as PhraseError).message, index: (error as PhraseError).index };
  }
  throw new Error(`expected ${phrase} to fail`);
}

describe('expandPhrase', () => {
  test('optional parts and alternatives: exactly the four literals of the README', () => {
    expect(expandPhrase('中{国|方}[的]核心利益')).toEqual([
      '中国核心利益',
      '中国的核心利益',
      '中方核心利益',
      '中方的核心利益',
    ]);
  });

  test('a plain phrase is one literal', () => {
    expect(expandPhrase('strategic cooperative partnership')).toEqual(['strategic cooperative partnership']);
  });

  test('nesting: alternatives inside an optional part', () => {
    expect(expandPhrase('a[b{c|d}]e')).toEqual(['ae', 'abce', 'abde']);
    expect(expandPhrase('{x[y]|z}w')).toEqual(['xw', 'xyw', 'zw']);
  });

  test('escapes stand for the characters themselves', () => {
    expect(expandPhrase('a\\[b\\]c')).toEqual(['a[b]c']);
    expect(expandPhrase('\\{x\\|y\\}')).toEqual(['{x|y}']);
    expect(expandPhrase('back\\\\slash')).toEqual(['back\\slash']);
    expect(expandPhrase('{a\\|b|c}')).toEqual(['a|b', 'c']);
  });

  test('empty alternatives', () => {
    expect(expandPhrase('a{|x}b')).toEqual(['ab', 'axb']);
    expect(expandPhrase('{|x}y')).toEqual(['y', 'xy']);
    expect(errorOf('{|x}')).toEqual({ message: 'Phrase `{|x}` can expand to an empty literal', index: 0 });
  });

  test('whitespace is folded and duplicates removed', () => {
    expect(expandPhrase('strategic [cooperative ]partner')).toEqual([
      'strategic partner',
      'strategic cooperative partner',
    ]);
    expect(expandPhrase('{a|a}')).toEqual(['a']);
  });

  test('64 literals are allowed, 65 are not', () => {
    expect(expandPhrase('{a|b}{c|d}{e|f}{g|h}{i|j}{k|l}')).toHaveLength(64);
    expect(errorOf('{a|b}{c|d}{e|f}{g|h}{i|j}{k|l}[m]')).toEqual({
      message: 'Phrase `{a|b}{c|d}{e|f}{g|h}{i|j}{k|l}[m]` expands to more than 64 literals',
      index: 0,
    });
    // A runaway product stops early instead of building a million strings.
    expect(errorOf('{a|b}'.repeat(20)).message).toMatch(/more than 64 literals$/);
  });

  test('syntax errors carry the index of the problem', () => {
    expect(errorOf('中国[的核心利益')).toEqual({ message: 'Unclosed `[`', index: 2 });
    expect(errorOf('x{a|b')).toEqual({ message: 'Unclosed `{`', index: 1 });
    expect(errorOf('ab]')).toEqual({ message: 'Unexpected `]` without an opening `[`', index: 2 });
    expect(errorOf('a}')).toEqual({ message: 'Unexpected `}` without an opening `{`', index: 1 });
    expect(errorOf('a|b')).toEqual({
      message: 'Unexpected `|` outside `{…}` (write `\\|` for the character)',
      index: 1,
    });
    expect(errorOf('[a|b]')).toEqual({
      message: 'Unexpected `|` outside `{…}` (write `\\|` for the character)',
      index: 2,
    });
    expect(errorOf('a\\n')).toEqual({
      message: 'Unknown escape `\\n`, expected one of `\\[ \\] \\{ \\} \\| \\\\`',
      index: 1,
    });
    expect(errorOf('a\\')).toEqual({ message: 'A phrase cannot end with `\\`', index: 1 });
    expect(errorOf('  ')).toEqual({ message: 'Empty phrase', index: 0 });
    expect(errorOf('[a]')).toEqual({ message: 'Phrase `[a]` can expand to an empty literal', index: 0 });
  });

  test('plain text is itself when its whitespace is tight, else folded, for every UTF-16 unit', () => {
    // What expandPhrase did with two regular expressions before they became one loop.
    const before = (t: string): string[] | 'empty' => {
      if (t !== '' && !/^\s|\s$|\s\s|[^\S ]/.test(t)) return [t];
      const literal = t.replace(/\s+/g, ' ').trim();
      return literal === '' ? 'empty' : [literal];
    };
    const now = (t: string): string[] | 'empty' => {
      try {
        return expandPhrase(t);
      } catch (error) {
        if (error instanceof PhraseError && error.message === 'Empty phrase') return 'empty';
        throw error;
      }
    };
    const differ: number[] = [];
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      if (/[[\]{}|\\]/.test(c)) continue;
      for (const t of [c, `a${c}`, `${c}a`, `a${c}${c}b`, `a ${c}b`, `a${c} b`]) {
        if (JSON.stringify(now(t)) !== JSON.stringify(before(t))) differ.push(u);
      }
    }
    expect(differ).toEqual([]);
  });
});

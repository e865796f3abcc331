// Patterns run over bounded windows of the match view (src/engine/patterns.ts): the same matches
// as one run over the whole text when matches are short, each found once, and a cost linear in the
// paragraph.
import { describe, expect, it, test } from 'vitest';
import { patternAtom } from '../src/engine/compile.js';
import { forEachPatternMatch } from '../src/engine/patterns.js';
import { hasCandidate } from '../src/index.js';
import { lintText, ruleSetFromYaml } from './helpers.js';

function windowed(source: string, text: string): [number, number][] {
  const out: [number, number][] = [];
  forEachPatternMatch(new RegExp(source, 'gu'), text, (start, end) => out.push([start, end]));
  return out;
}

/** Every non-empty match of one run over the whole text. */
function whole(source: string, text: string): [number, number][] {
  return [...text.matchAll(new RegExp(source, 'gu'))]
    .filter((m) => m[0].length > 0)
    .map((m) => [m.index, m.index + m[0].length]);
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const cautionPack = (pattern: string) => `pack: demo
rules:
  - id: demo/pattern
    kind: caution
    severity: info
    message: Careful with {actual}
    phrases: [unused phrase]
    patterns: ['${pattern}']
`;

describe('forEachPatternMatch', () => {
  test('finds what one run over the whole text finds, when matches are short', () => {
    const next = random(7);
    const alphabet = ['a', 'b', 'ab', ' ', '. ', '中', '𠀀', 'x', 'diplomacy', '\n'];
    const patterns = [
      'a+b',
      '\\ba\\w*',
      '(?<=b)a{1,3}',
      '[中𠀀]+',
      'a(?=b)',
      'x?',
      '.',
      'b.{0,20}a',
      '\\w+ diplomacy',
      '^a|b$',
    ];
    for (let round = 0; round < 60; round++) {
      let text = '';
      const length = Math.floor(next() * 6000);
      while (text.length < length) text += alphabet[Math.floor(next() * alphabet.length)];
      for (const pattern of patterns) expect(windowed(pattern, text)).toEqual(whole(pattern, text));
    }
  });

  test('a match across a window edge is found exactly once', () => {
    const filler = (n: number) => 'x'.repeat(n);
    // Windows own the match starts in [0, 400), [400, 800)...; the first one sees [0, 1000), the
    // second [300, 1300).
    for (const at of [395, 399, 400, 401, 795, 800, 990, 995, 999, 1000, 1195, 1299]) {
      const text = `${filler(at)} strategic partnership ${filler(2000)}`;
      expect(windowed('strategic partner\\w*', text)).toEqual([[at + 1, at + 22]]);
    }
  });
});

describe('patterns in a pack', () => {
  test('a match at a window edge gives one finding, at its place', () => {
    const ruleSet = ruleSetFromYaml(cautionPack('strategic partner\\w*'));
    for (let at = 380; at <= 420; at++) {
      const text = `${'word '.repeat(at / 5)}${'w'.repeat(at % 5)} strategic partnership ${'word '.repeat(400)}`;
      const findings = lintText(text, ruleSet);
      expect(findings.map((f) => [f.start, f.actual])).toEqual([
        [text.indexOf('strategic'), 'strategic partnership'],
      ]);
    }
  });

  test('a pattern over a 200 KB paragraph without a sentence end finishes', () => {
    // `\w+ diplomacy` is refused at load (pack/pattern-safety.ts): as one run it took 42 s here.
    const ruleSet = ruleSetFromYaml(cautionPack('\\w{1,30} diplomacy'));
    const letters = 'abcdefghij'.repeat(20_000);
    expect(lintText(letters, ruleSet)).toEqual([]);
    const text = `${letters} cultural diplomacy`;
    const findings = lintText(text, ruleSet);
    expect(findings.map((f) => [f.start, f.end, f.actual])).toEqual([
      [200_001, text.length, 'cultural diplomacy'],
    ]);
  });

  test('a pattern that can match empty ends over a character outside the BMP', () => {
    const ruleSet = ruleSetFromYaml(cautionPack('x?'));
    expect(lintText('中𠀀文 x', ruleSet).map((f) => [f.start, f.end])).toEqual([[5, 6]]);
  });
});

describe('the pre-check of patterns', () => {
  it('takes the literal start of a pattern as its atom', () => {
    expect(patternAtom('中[国方].{0,6}核心利益')).toBe('中');
    expect(patternAtom('peripheral\\s+diplomacy')).toBe('peripheral');
    expect(patternAtom('abc?d')).toBe('ab');
    expect(patternAtom('中?国')).toBeUndefined();
    expect(patternAtom('(?:a|b)c')).toBeUndefined();
    expect(patternAtom('a|b')).toBeUndefined();
    expect(patternAtom('\\w+ diplomacy')).toBeUndefined();
    expect(patternAtom('Capital')).toBeUndefined();
  });

  it('skips a text without the atom, and checks every text for an unanchored pattern', () => {
    const anchored = ruleSetFromYaml(PATTERN_PACK('中[国方].{0,6}核心利益'));
    expect(hasCandidate('A paragraph about trade.', anchored)).toBe(false);
    expect(hasCandidate('韩方尊重中方的重大核心利益', anchored)).toBe(true);
    const unanchored = ruleSetFromYaml(PATTERN_PACK('\\\\w+ diplomacy'));
    expect(hasCandidate('A paragraph about trade.', unanchored)).toBe(true);
  });
});

function PATTERN_PACK(pattern: string): string {
  return `pack: p\nrules:\n  - id: p/r\n    kind: caution\n    severity: info\n    message: m\n    phrases: [zzz]\n    patterns: ['${pattern}']\n`;
}

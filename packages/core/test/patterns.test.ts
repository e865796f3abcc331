// Patterns run over bounded windows of the match view (src/engine/patterns.ts): the same matches
// as one run over the whole text when matches are short, each found once, and a cost linear in the
// paragraph.
import { describe, expect, it, test } from 'vitest';
import { patternAtom } from '../src/engine/pattern-atom.js';
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
  it('takes the longest literal run every match holds as its atom', () => {
    expect(patternAtom('中[国方].{0,6}核心利益')).toBe('核心利益');
    expect(patternAtom('中[国方]的?[^。！？；，、,韩双两彼尊维护]{1,6}核心利益')).toBe('核心利益');
    expect(patternAtom('peripheral\\s+diplomacy')).toBe('peripheral');
    expect(patternAtom('\\w+ diplomacy')).toBe('diplomacy');
    expect(patternAtom('abc?d')).toBe('ab');
    expect(patternAtom('中?国')).toBe('国');
    expect(patternAtom('a{0,2}bc')).toBe('bc');
    expect(patternAtom('x+yz')).toBe('yz');
    expect(patternAtom('ab{2}c')).toBe('ab');
    expect(patternAtom('(?<=中)国')).toBe('国');
    expect(patternAtom('\\p{Script=Han}{2}外交')).toBe('外交');
    expect(patternAtom('[核心]{2}')).toBeUndefined();
    expect(patternAtom('(?:a|b)c')).toBeUndefined();
    expect(patternAtom('a|b')).toBeUndefined();
    expect(patternAtom('ROK')).toBeUndefined();
  });

  it('never takes an atom a match can lack: every match of generated patterns holds it', () => {
    const parts = [
      '中',
      '国',
      '核心',
      '利益',
      'ab',
      'c',
      '[国方]',
      '.',
      '的?',
      'x+',
      '(?:韩国)?',
      '\\s',
      '{1,3}',
      '?',
    ];
    let seed = 11;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return parts[seed % parts.length] ?? '';
    };
    const texts = [
      '中国的核心利益',
      '中方核心利益',
      '国核心利益ab',
      'abc x 国',
      '中国的核心利益abc',
      'xxab中核心',
    ];
    for (let n = 0; n < 2000; n++) {
      const source = Array.from({ length: 1 + (seed % 6) }, pick).join('');
      let regex: RegExp;
      try {
        regex = new RegExp(source, 'gu');
      } catch {
        continue;
      }
      const atom = patternAtom(source);
      if (atom === undefined) continue;
      for (const text of texts)
        for (const m of text.matchAll(regex))
          if (m[0] !== '')
            expect({ source, m: m[0] }).toEqual({
              source,
              m: m[0] + (m[0].includes(atom) ? '' : ` lacks ${atom}`),
            });
    }
  });

  it('skips a text without the atom, and checks every text for an unanchored pattern', () => {
    const anchored = ruleSetFromYaml(PATTERN_PACK('中[国方].{0,6}核心利益'));
    expect(hasCandidate('A paragraph about trade.', anchored)).toBe(false);
    expect(hasCandidate('韩方尊重中方的重大核心利益', anchored)).toBe(true);
    // 中 alone (in nearly every Chinese paragraph) no longer makes a text a candidate.
    expect(hasCandidate('中方与韩方举行会谈。', anchored)).toBe(false);
    const inner = ruleSetFromYaml(PATTERN_PACK('[a-z]{1,20} diplomacy'));
    expect(hasCandidate('A paragraph about trade.', inner)).toBe(false);
    expect(hasCandidate('Seoul pursues pragmatic diplomacy.', inner)).toBe(true);
    const unanchored = ruleSetFromYaml(PATTERN_PACK('[a-z]{1,9}-[a-z]{1,9}'));
    expect(hasCandidate('A paragraph about trade.', unanchored)).toBe(true);
  });
});

function PATTERN_PACK(pattern: string): string {
  return `pack: p\nrules:\n  - id: p/r\n    kind: caution\n    severity: info\n    message: m\n    phrases: [zzz]\n    patterns: ['${pattern}']\n`;
}

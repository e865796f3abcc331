import { describe, expect, it } from 'vitest';
import { PhraseAutomaton } from '../src/match/automaton.js';
import { mulberry32 } from './random.js';

type Match = [id: number, start: number, end: number];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function build(patterns: ReadonlyArray<readonly [string, number]>): PhraseAutomaton {
  const automaton = new PhraseAutomaton();
  for (const [pattern, id] of patterns) automaton.add(pattern, id);
  automaton.build();
  return automaton;
}

function scanAll(automaton: PhraseAutomaton, text: string): Match[] {
  const found: Match[] = [];
  automaton.scan(text, (id, start, end) => found.push([id, start, end]));
  return found;
}

// The reference: every overlapping indexOf hit of every (pattern, id), ids deduplicated per pattern.
function bruteForce(patterns: ReadonlyArray<readonly [string, number]>, text: string): Match[] {
  const seen = new Set<string>();
  const found: Match[] = [];
  for (const [pattern, id] of patterns) {
    if (pattern.length === 0 || seen.has(`${id}\u0000${pattern}`)) continue;
    seen.add(`${id}\u0000${pattern}`);
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
      found.push([id, at, at + pattern.length]);
    }
  }
  return found;
}

const byEndStartId = (a: Match, b: Match) => a[2] - b[2] || a[1] - b[1] || a[0] - b[0];

function expectSameAsBruteForce(patterns: ReadonlyArray<readonly [string, number]>, text: string): void {
  const automaton = build(patterns);
  const got = scanAll(automaton, text);
  for (let i = 1; i < got.length; i++) expect(got[i]![2]).toBeGreaterThanOrEqual(got[i - 1]![2]);
  expect(got.slice().sort(byEndStartId)).toEqual(bruteForce(patterns, text).sort(byEndStartId));
  expect(automaton.stats).toEqual({ transitions: text.length, outputs: got.length });
  expect(automaton.test(text)).toBe(got.length > 0);
}

describe('PhraseAutomaton: matches', () => {
  it('reports he/she/his/hers overlapping, longest first at one end', () => {
    const automaton = build([
      ['he', 1],
      ['she', 2],
      ['his', 3],
      ['hers', 4],
    ]);
    expect(scanAll(automaton, 'ushers')).toEqual([
      [2, 1, 4],
      [1, 2, 4],
      [4, 2, 6],
    ]);
    expect(automaton.patternCount).toBe(4);
  });

  it('reports a pattern that is a suffix of another, and duplicates with two ids', () => {
    const automaton = build([
      ['务实外交', 1],
      ['外交', 2],
      ['外交', 3],
      ['外交', 3],
      ['', 9],
    ]);
    expect(scanAll(automaton, '推进务实外交和外交')).toEqual([
      [1, 2, 6],
      [2, 4, 6],
      [3, 4, 6],
      [2, 7, 9],
      [3, 7, 9],
    ]);
    expect(automaton.patternCount).toBe(2);
  });

  it('matches astral characters as two units, each half on its own', () => {
    const automaton = build([
      ['😀', 1],
      ['\ude00', 2],
      ['a😀b', 3],
    ]);
    expect(scanAll(automaton, 'xa😀b😀')).toEqual([
      [1, 2, 4],
      [2, 3, 4],
      [3, 1, 5],
      [1, 5, 7],
      [2, 6, 7],
    ]);
  });

  it('matches Hangul and mixed-script phrases', () => {
    const automaton = build([
      ['전략적협력동반자관계', 1],
      ['협력', 2],
      ['strategic cooperative partnership', 3],
    ]);
    expect(scanAll(automaton, '한중 전략적협력동반자관계와 strategic cooperative partnership.')).toEqual([
      [2, 6, 8],
      [1, 3, 13],
      [3, 15, 48],
    ]);
  });

  it('agrees with indexOf on random texts and pattern sets in five alphabets', () => {
    const rand = mulberry32(7);
    const alphabets: string[][] = [
      ['a', 'b'],
      ['h', 'e', 'r', 's'],
      ['外', '交', '务', '实'],
      ['협', '력', '전', '략'],
      ['😀', '😁', 'a'],
    ];
    for (let round = 0; round < 200; round++) {
      const alphabet = alphabets[round % alphabets.length]!;
      const word = (max: number) => {
        let s = '';
        const n = 1 + Math.floor(rand() * max);
        for (let i = 0; i < n; i++) s += pick(rand, alphabet);
        return s;
      };
      const patterns: Array<[string, number]> = [];
      const patternTotal = 1 + Math.floor(rand() * 12);
      for (let i = 0; i < patternTotal; i++) {
        // Reusing an earlier pattern with a new id covers duplicates.
        const pattern = i > 0 && rand() < 0.15 ? patterns[Math.floor(rand() * i)]![0] : word(5);
        patterns.push([pattern, i]);
      }
      expectSameAsBruteForce(patterns, word(120));
    }
  });

  it('test() finds a match and stops early, or scans the whole text', () => {
    const automaton = build([['核心利益', 1]]);
    expect(automaton.test('维护核心利益的立场')).toBe(true);
    expect(automaton.stats.transitions).toBe(6);
    automaton.resetStats();
    expect(automaton.test('核心问题和利益')).toBe(false);
    expect(automaton.stats).toEqual({ transitions: 7, outputs: 0 });
    expect(automaton.test('')).toBe(false);
  });

  it('refuses add() after build() and scan() before build()', () => {
    const automaton = new PhraseAutomaton();
    automaton.add('a', 1);
    expect(() => automaton.scan('a', () => {})).toThrow(/build\(\) before/);
    automaton.build();
    expect(() => automaton.add('b', 2)).toThrow(/after build/);
  });

  it('matches nothing with no patterns', () => {
    const automaton = build([]);
    expect(scanAll(automaton, 'anything')).toEqual([]);
    expect(automaton.test('anything')).toBe(false);
  });
});

// --- The cost test (DESIGN: 10,000 phrases cost about what 20 do) ---------------------------

const REAL: readonly string[] = [
  '实用外交',
  '务实外交',
  '战略合作伙伴关系',
  '全面战略合作伙伴关系',
  '核心利益',
  '一个中国原则',
  '和平统一',
  '互利共赢',
  '人类命运共同体',
  '内政',
  'strategic cooperative partnership',
  'core interests',
  'one china policy',
  'win-win cooperation',
  'peaceful reunification',
  '전략적협력동반자관계',
  '핵심이익',
  '한반도비핵화',
  '실용외교',
  '내정간섭',
];

const HAN = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞',
];
const HANGUL = [
  ...'가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후그느드르므브스으즈츠크트프흐기니디리미비시이지치키티피히한국협력전략외교관계정부대통령회담발표경제안보평화통일동반자핵심이익',
];
const WORDS = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'is',
  'on',
  'we',
  'trade',
  'peace',
  'talks',
  'state',
  'joint',
  'core',
  'policy',
  'china',
  'korea',
  'strat',
  'coop',
  'part',
  'win',
  'one',
  'unity',
  'inter',
  'summit',
  'treaty',
  'accord',
  'ally',
  'naval',
  'forum',
];

function phraseOf(rand: () => number): string {
  const kind = rand();
  const length = 2 + Math.floor(rand() * 5);
  let phrase = '';
  if (kind < 0.45) while (phrase.length < length) phrase += pick(rand, HAN);
  else if (kind < 0.8) while (phrase.length < length) phrase += pick(rand, HANGUL);
  else {
    phrase = pick(rand, WORDS);
    if (phrase.length < length) phrase = `${phrase} ${pick(rand, WORDS)}`;
    phrase = phrase.slice(0, length);
  }
  return phrase;
}

// Prose in three scripts from the same pools, with the real phrases, prefixes of them and prefixes
// of the generated phrases, so that the automaton often walks deep into the trie and falls back.
function proseOf(rand: () => number, generated: readonly string[], minLength: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < minLength) {
    const roll = rand();
    let part: string;
    if (roll < 0.05) part = pick(rand, REAL);
    else if (roll < 0.15) {
      const real = pick(rand, REAL);
      part = real.slice(0, 1 + Math.floor(rand() * (real.length - 1)));
    } else if (roll < 0.5) {
      const phrase = pick(rand, generated);
      part = phrase.slice(0, Math.max(1, phrase.length - 1)) + pick(rand, ['，', ' ', '的', '다']);
    } else if (roll < 0.7) part = Array.from({ length: 8 }, () => pick(rand, HAN)).join('') + '，';
    else if (roll < 0.85) part = Array.from({ length: 6 }, () => pick(rand, HANGUL)).join('') + ' ';
    else part = ` ${Array.from({ length: 4 }, () => pick(rand, WORDS)).join(' ')}. `;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

describe('PhraseAutomaton: cost does not grow with the phrase set', () => {
  const rand = mulberry32(42);
  const generated = Array.from({ length: 16_000 }, () => phraseOf(rand)).filter((p) => !REAL.includes(p));
  const text = proseOf(mulberry32(2024), generated, 50_000);
  const real = REAL.map((phrase, id) => [phrase, id] as const);
  // Phrases absent from the text, so that both automata report exactly the same matches and any
  // extra work could only come from the bigger phrase set.
  const absent = new Set<string>();
  const present = new Set<string>();
  for (const phrase of generated) {
    if (text.includes(phrase)) present.add(phrase);
    else if (absent.size < 10_000 - REAL.length) absent.add(phrase);
  }
  const large = [...real, ...[...absent].map((phrase, i) => [phrase, REAL.length + i] as const)];
  const small = build(real);
  const big = build(large);
  const smallMatches = scanAll(small, text);
  const bigMatches = scanAll(big, text);
  const perUnit = (a: PhraseAutomaton) => (a.stats.transitions + a.stats.outputs) / text.length;
  const smallWork = perUnit(small);
  const bigWork = perUnit(big);
  const prefixes = new Set([...absent].map((phrase) => phrase.slice(0, 2)));
  let partialStarts = 0;
  for (let i = 0; i + 2 <= text.length; i++) if (prefixes.has(text.slice(i, i + 2))) partialStarts++;

  it(`uses ${text.length} units of mixed prose in which ${partialStarts} positions start a 2-unit prefix of an absent phrase`, () => {
    expect(text.length).toBeGreaterThanOrEqual(50_000);
    expect(partialStarts).toBeGreaterThan(3_000);
    expect(big.patternCount).toBe(10_000);
  });

  it(`takes 1 transition per unit for 20 and for 10,000 phrases (${big.size.states} states, ${big.size.entries} table entries)`, () => {
    expect(small.stats.transitions).toBe(text.length);
    expect(big.stats.transitions).toBe(text.length);
  });

  it(`does the same work per unit for 20 and 10,000 phrases (${smallWork.toFixed(4)} vs ${bigWork.toFixed(4)})`, () => {
    expect(smallMatches.length).toBeGreaterThan(100);
    expect(bigMatches).toEqual(smallMatches);
    expect(Math.abs(bigWork - smallWork) / smallWork).toBeLessThan(0.05);
  });

  it('outputs cost exactly the matches found when the extra phrases do occur', () => {
    const withPresent = [...large, ...[...present].map((phrase, i) => [phrase, 20_000 + i] as const)];
    const automaton = build(withPresent);
    const got = scanAll(automaton, text);
    expect(got.length).toBeGreaterThan(bigMatches.length);
    expect(got.slice().sort(byEndStartId)).toEqual(bruteForce(withPresent, text).sort(byEndStartId));
    expect(automaton.stats).toEqual({ transitions: text.length, outputs: got.length });
  });

  it('keeps the table near the trie size for 10,000 phrases', () => {
    expect(big.size.states).toBeLessThan(60_000);
    expect(big.size.entries).toBeLessThan(4 * big.size.states);
  });
});

describe('PhraseAutomaton: flags and tables', () => {
  const units = (text: string) => Uint16Array.from(text, (c) => c.charCodeAt(0));

  it('flagsIn gives the OR of the flags of the patterns that occur, across pieces with its state', () => {
    const rand = mulberry32(99);
    const alphabet = ['外', '交', '务', '实', 'a'];
    for (let round = 0; round < 300; round++) {
      const automaton = new PhraseAutomaton();
      const patterns: Array<[string, number]> = [];
      for (let i = 0; i < 6; i++) {
        let p = '';
        for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) p += pick(rand, alphabet);
        patterns.push([p, 1 << i]);
        automaton.add(p, i, 1 << i);
      }
      automaton.build();
      let text = '';
      for (let n = Math.floor(rand() * 30); n > 0; n--) text += pick(rand, alphabet);
      const expected = patterns.reduce((acc, [p, flag]) => (text.includes(p) ? acc | flag : acc), 0);
      expect(automaton.flagsIn(units(text), text.length, 0xff).flags).toBe(expected);
      const cut = Math.floor(rand() * (text.length + 1));
      const first = automaton.flagsIn(units(text.slice(0, cut)), cut, 0xff);
      const second = automaton.flagsIn(units(text.slice(cut)), text.length - cut, 0xff, first.state);
      expect(first.flags | second.flags).toBe(expected);
    }
  });

  it('flagsIn with ids given gives every id that occurs where a flagged one ends, each state once per pass', () => {
    const rand = mulberry32(7);
    const alphabet = ['中', '国', '韩', 'a', 'b'];
    let pass = 0;
    for (let round = 0; round < 300; round++) {
      const automaton = new PhraseAutomaton();
      const patterns: Array<[string, number, number]> = [];
      for (let i = 0; i < 6; i++) {
        let p = '';
        for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) p += pick(rand, alphabet);
        // Some without flags: given only where a flagged one ends too.
        const flags = rand() < 0.7 ? 1 << i : 0;
        patterns.push([p, i, flags]);
        automaton.add(p, i, flags);
      }
      automaton.build();
      let text = '';
      for (let n = Math.floor(rand() * 30); n > 0; n--) text += pick(rand, alphabet);
      const flagged = new Set(patterns.filter(([p, , f]) => f !== 0 && text.includes(p)).map(([, id]) => id));
      // Two passes over the text, each in two pieces with the state carried over.
      for (let again = 0; again < 2; again++) {
        pass++;
        const given: number[] = [];
        const cut = Math.floor(rand() * (text.length + 1));
        const each = (id: number) => given.push(id);
        const first = automaton.flagsIn(units(text.slice(0, cut)), cut, 0xff, 0, { each, pass });
        const second = automaton.flagsIn(units(text.slice(cut)), text.length - cut, 0xff, first.state, {
          each,
          pass,
        });
        const expectedFlags = patterns.reduce((acc, [p, , f]) => (text.includes(p) ? acc | f : acc), 0);
        expect(first.flags | second.flags).toBe(expectedFlags);
        // Every flagged id that occurs; any other given one occurs too.
        expect(new Set(given.filter((id) => flagged.has(id)))).toEqual(flagged);
        for (const id of given) expect(text.includes(patterns[id]![0])).toBe(true);
        // Once per state: an id is given at most as many times as it has distinct end states.
        expect(given.length).toBeLessThanOrEqual(patterns.length * 3);
      }
    }
  });

  it('flagsIn with ids given gives a repeated phrase once in a pass, and again in the next', () => {
    const automaton = new PhraseAutomaton();
    automaton.add('中国', 0, 1);
    automaton.add('韩国', 1, 2);
    automaton.build();
    const text = '中国韩国中国中国';
    const given: number[] = [];
    automaton.flagsIn(units(text), text.length, 3, 0, { each: (id) => given.push(id), pass: 1 });
    expect(given).toEqual([0, 1]);
    automaton.flagsIn(units(text), text.length, 3, 0, { each: (id) => given.push(id), pass: 2 });
    expect(given).toEqual([0, 1, 0, 1]);
  });

  it('stops as soon as the wanted flags are found', () => {
    const automaton = new PhraseAutomaton();
    automaton.add('ab', 0, 1);
    automaton.add('cd', 1, 2);
    automaton.build();
    expect(automaton.flagsIn(units('abcd'), 4, 1).flags).toBe(1);
    expect(automaton.flagsIn(units('abcd'), 4, 3).flags).toBe(3);
  });

  it('an automaton from the tables of another scans the same', () => {
    const automaton = build([
      ['务实外交', 1],
      ['外交', 2],
      ['he', 3],
    ]);
    const copy = PhraseAutomaton.fromTables(automaton.tables);
    expect(scanAll(copy, '推进务实外交 he')).toEqual(scanAll(automaton, '推进务实外交 he'));
    expect(copy.patternCount).toBe(3);
    expect(() => copy.add('x', 4)).toThrow(/after build/);
  });
});

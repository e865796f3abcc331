// The scan of a segment's prose folds only windows from where a phrase may start (candidates.ts,
// scanWindows); a rule set with a pattern that has no atom scans the whole view. Both must give the
// same findings: the same pack with such a pattern rule added, one that never matches, takes the
// whole view.
import { describe, expect, it } from 'vitest';
import type { PhraseIndex } from '../src/engine/phrase-ref.js';
import { midWord } from '../src/engine/root-skip.js';
import { type Finding, lintSegments, type RuleSet } from '../src/index.js';
import { hangulLeftOk } from '../src/lang/ko-particles.js';
import { latinLeftOk } from '../src/lang/latin.js';
import { blockSegments, ruleSetFromYaml } from './helpers.js';
import { mulberry32 } from './random.js';

const PACK = `
pack: w
contexts:
  korea: {phrases: [韩国, 한국, South Korea], not: [North Korea]}
rules:
  - id: w/wushi
    kind: term
    severity: error
    message: Use \`{expected}\` instead of \`{actual}\`
    context: {sets: [korea]}
    terms:
      zh: [务实外交, {text: 实用外交, status: deprecated, use: 务实外交}]
  - id: w/ko
    kind: term
    severity: warning
    message: m
    terms:
      ko: [실용외교, {text: 실용 외교, status: deprecated}, {text: 중공, status: deprecated}]
  - id: w/en
    kind: caution
    severity: info
    message: m
    phrases: [strategic partner, AI, e-commerce, Kim Jong-un, core interests]
  - id: w/korea
    kind: term
    severity: info
    message: m
    terms:
      en: [ROK, {text: Korea, status: deprecated}]
    exceptions: [Korea Herald]
  - id: w/party
    kind: term
    severity: info
    message: m
    terms:
      en: [Parties, {text: Party, status: deprecated}]
      ko: [중한, {text: 한중, status: deprecated}]
    exceptions: [ix Party, 대한중]
  - id: w/respect
    kind: requires
    severity: warning
    scope: sentence
    message: m
    when: [相互尊重, mutual respect]
    require: [核心利益, core interests]
  - id: w/single
    kind: caution
    severity: hint
    message: m
    phrases: [中, 的]
`;
const NEVER = `
  - id: w/never
    kind: caution
    severity: hint
    message: m
    phrases: [zzqq]
    patterns: ['\\d{40}']
`;

// A pattern with an atom (`核心利益`: in every match) keeps the windows where no view holds its first unit.
const PATTERN = `
  - id: w/pattern
    kind: caution
    severity: info
    message: m
    phrases: [zzqq]
    patterns: ['中[国方]的?[^。，]{1,6}核心利益']
`;

const windows = ruleSetFromYaml(PACK);
const whole = ruleSetFromYaml(PACK + NEVER);
const withPattern = ruleSetFromYaml(PACK + PATTERN);
const withPatternWhole = ruleSetFromYaml(PACK + PATTERN + NEVER);

const lint = (text: string, rs: typeof windows): Finding[] =>
  lintSegments({ text, segments: blockSegments(text) }, rs).filter((f) => f.ruleId !== 'w/never');

const PIECES = [
  '韩国',
  '韓國',
  '实用',
  '外交',
  '务实',
  '实',
  '用',
  '外',
  '交',
  '實用外交',
  '中',
  '的',
  '中国人',
  '相互尊重',
  '核心利益',
  '。',
  '，',
  ' ',
  '  ',
  '\n',
  '\u3000',
  '\u200b',
  '-',
  '–',
  '한국',
  '실용',
  '외교',
  '실용외교를',
  '중공이',
  ' 실용 외교',
  'South Korea',
  'North Korea',
  'Korea Herald',
  'Korean',
  'AI',
  'said',
  'again',
  'strategic',
  'partner',
  'partners',
  'e-commerce',
  'E-Commerce',
  'ecommerce',
  'Kim Jong-un',
  'Kim Jong un',
  'core',
  'interests',
  'mutual',
  'respect',
  '. ',
  'x',
  'ＡＩ',
  'cafe\u0301',
  '\u{20000}',
  '\n\n',
  // Phrases in the middle of words (passed over at the root), and blocking phrases that start
  // there and hold a phrase that starts a word (\`Six Party\`: the exception holds \`Party\`).
  'xKorea',
  'Koreas',
  '_AI',
  '9AI',
  'S',
  'ix Party',
  'Party',
  '대',
  '대한중',
  '한중',
  '대한국',
  'a한국',
];

describe('the scan of prose by windows', () => {
  it('is compared with the whole view: a pattern without an atom makes the scan take it', () => {
    const atoms = (rs: RuleSet) => (rs as unknown as PhraseIndex).patterns.map((p) => p.atom ?? null);
    expect(atoms(windows)).toEqual([]);
    expect(atoms(whole)).toEqual([null]);
    expect(atoms(withPattern)).toEqual(['核心利益']);
    expect(atoms(withPatternWhole)).toEqual(['核心利益', null]);
  });

  it('gives the findings of the whole view, over 3,000 generated texts', () => {
    const random = mulberry32(21);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const count = 1 + Math.floor(random() * 16);
      for (let k = 0; k < count; k++) text += PIECES[Math.floor(random() * PIECES.length)];
      expect({ text, findings: lint(text, windows) }).toEqual({ text, findings: lint(text, whole) });
      expect({ text, findings: lint(text, withPattern) }).toEqual({
        text,
        findings: lint(text, withPatternWhole),
      });
    }
  });

  it('and over long paragraphs, phrases far apart and across the edges of windows', () => {
    const random = mulberry32(22);
    const filler = ['the talks went on ', '双方表示愿意继续 ', '양측은 계속 협의했다 ', 'aaaa', '。'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      while (text.length < 400) {
        text += filler[Math.floor(random() * filler.length)];
        if (random() < 0.3) text += PIECES[Math.floor(random() * PIECES.length)];
      }
      expect({ text, findings: lint(text, windows) }).toEqual({ text, findings: lint(text, whole) });
      expect({ text, findings: lint(text, withPattern) }).toEqual({
        text,
        findings: lint(text, withPatternWhole),
      });
    }
  });

  it('passes over the middles of words, but not the starts of blocking phrases there', () => {
    const actual = (text: string) => lint(text, windows).map((f) => f.actual);
    expect(actual('xKorea said 대한국 and a한국')).toEqual([]);
    expect(actual('Korea said AI; 한국')).toEqual(['Korea', 'AI']);
    // The exception starts in the middle of \`Six\` and holds \`Party\`, which starts a word.
    expect(actual('the Six Party talks, the Party')).toEqual(['Party']);
    expect(actual('대한중 협력, 한중 협력')).toEqual(['한중']);
  });

  it('finds what a plain scan finds in a text with every kind of phrase', () => {
    const text =
      '韩国奉行实用外交。South Korea and AI: a strategic partner, not the Korea Herald. 중공이 말했다.';
    expect(lint(text, windows).map((f) => f.actual)).toEqual([
      '实用外交',
      'Korea',
      'AI',
      'strategic partner',
      '중공',
    ]);
  });
});

describe('the middle of a word, as the scan passes it over', () => {
  it('is only where the boundary checks reject a match, for every unit before it', () => {
    const starts = ['a', 'Z', '5', '가', '힣'];
    let passed = 0;
    for (let before = 0; before < 0x10000; before++) {
      for (const start of starts) {
        if (!midWord(before, start.charCodeAt(0))) continue;
        passed++;
        const text = String.fromCharCode(before) + start;
        const rejected = start < '\u0080' ? !latinLeftOk(text, 1) : !hangulLeftOk(text, 1);
        expect({ before: before.toString(16), start, rejected }).toEqual({
          before: before.toString(16),
          start,
          rejected: true,
        });
      }
    }
    // ASCII letters and digits, `_` before a Latin start, and Hangul syllables before a Hangul one.
    expect(passed).toBe(63 * 3 + (62 + 11172) * 2);
  });
});

// Matching on whole segments: Korean predicate forms, English hyphens as spaces, Hanja glosses in
// Korean text, and fixes that never join lines.
import { describe, expect, it } from 'vitest';
import { fixText, lintSegments, type Segment } from '../src/index.js';
import { blockSegments, lintText, rows, ruleSetFromYaml } from './helpers.js';

const PACK = `
pack: m
rules:
  - id: m/wushi
    kind: term
    severity: error
    message: Use \`{expected}\` instead of \`{actual}\`
    terms:
      zh:
        - 务实外交
        - {text: 实用外交, status: deprecated, use: 务实外交, use-hant: 務實外交}
  - id: m/korea
    kind: term
    severity: warning
    message: Use \`{expected}\` instead of \`{actual}\`
    terms:
      ko: [한국, {text: 코리아, status: deprecated}]
  - id: m/junggong
    kind: term
    severity: warning
    message: Use \`{expected}\` instead of \`{actual}\`
    terms:
      ko: [중국, {text: 중공, status: deprecated}]
  - id: m/ko
    kind: caution
    severity: info
    message: "\`{actual}\`"
    phrases: [상호 존중, 전략적 협력 동반자, 한국, 강화]
  - id: m/en
    kind: caution
    severity: info
    message: "\`{actual}\`"
    phrases: [strategic cooperative partnership, Korea, Korea-China, cooperative, Kim Jong-un]
  - id: m/alpha
    kind: term
    severity: error
    message: m
    terms: {en: [gamma delta, {text: alpha beta, status: deprecated}]}
`;

const rs = ruleSetFromYaml(PACK);
const only = (text: string, ruleId: string) => rows(lintText(text, rs).filter((f) => f.ruleId === ruleId));
const lint = (text: string) => lintSegments({ text, segments: blockSegments(text) }, rs);
const fix = (text: string) => fixText(text, lint).output;

describe('Korean predicate forms', () => {
  it('match a verbal noun with its 하다 and 되다 forms; the span is the term only', () => {
    expect(only('양국은 상호 존중하는 관계다. 상호존중하며 협력한다.', 'm/ko')).toEqual([
      '1:5-1:10 m/ko 상호 존중',
      '1:18-1:22 m/ko 상호존중',
    ]);
    expect(
      only('상호 존중해야 한다. 상호 존중합니다. 상호 존중했다. 상호 존중하기로 했다.', 'm/ko'),
    ).toHaveLength(4);
    expect(only('상호 존중되어야 한다. 관계를 강화됐다.', 'm/ko')).toEqual([
      '1:1-1:6 m/ko 상호 존중',
      '1:18-1:20 m/ko 강화',
    ]);
    expect(only('상호 존중 하는 관계', 'm/ko')).toEqual(['1:1-1:6 m/ko 상호 존중']);
  });

  it('match a noun with its copula forms', () => {
    expect(
      only('전략적 협력 동반자인 관계. 전략적 협력 동반자이며 친구. 전략적 협력 동반자라는 말.', 'm/ko'),
    ).toEqual([
      '1:1-1:11 m/ko 전략적 협력 동반자',
      '1:17-1:27 m/ko 전략적 협력 동반자',
      '1:34-1:44 m/ko 전략적 협력 동반자',
    ]);
    expect(only('전략적 협력 동반자입니다. 전략적 협력 동반자이다.', 'm/ko')).toHaveLength(2);
  });

  it('never match inside a longer word', () => {
    expect(only('상호 존중심을 갖는다. 한국인은 말했다. 한국인의 자부심.', 'm/ko')).toEqual([]);
    expect(only('전략적 협력 동반자들', 'm/ko')).toEqual(['1:1-1:11 m/ko 전략적 협력 동반자']);
  });

  it('re-select a copula form whose shape depends on the final syllable, and keep the rest', () => {
    expect(fix('코리아라는 이름. 코리아며 우리. 코리아다.')).toBe(
      '한국이라는 이름. 한국이며 우리. 한국이다.',
    );
    // 인 after a one-word term is the suffix 人 (코리아인, "a Korean"), another word: no finding.
    expect(fix('코리아인 나라. 코리아입니다.')).toBe('코리아인 나라. 한국입니다.');
    const [f] = lint('코리아라는 이름');
    expect(f).toMatchObject({
      start: 0,
      end: 3,
      actual: '코리아',
      fix: { start: 0, end: 3, text: '한국이' },
    });
    expect(fix('중공이라는 말')).toBe('중국이라는 말');
  });
});

describe('English hyphens match spaces', () => {
  it('matches a hyphenated text against a spaced phrase and back, offsets exact', () => {
    expect(only('a strategic-cooperative partnership', 'm/en')).toEqual([
      '1:3-1:36 m/en strategic-cooperative partnership',
    ]);
    expect(only('Korea China relations and Korea-China ties', 'm/en')).toEqual([
      '1:1-1:12 m/en Korea China',
      '1:27-1:38 m/en Korea-China',
    ]);
    expect(only('Kim Jong un and Kim Jong-un', 'm/en')).toEqual([
      '1:1-1:12 m/en Kim Jong un',
      '1:17-1:28 m/en Kim Jong-un',
    ]);
  });

  it('keeps Latin word boundaries: Korea in Korea-China, not cooperative in co-operative', () => {
    const en = ruleSetFromYaml(PACK.replace('Korea-China, ', ''));
    expect(rows(lintText('Korea-China ties', en))).toEqual(['1:1-1:6 m/en Korea']);
    expect(only('co-operative partnership', 'm/en')).toEqual([]);
    expect(only('non-cooperative stance', 'm/en')).toEqual(['1:5-1:16 m/en cooperative']);
  });
});

describe('Hanja glosses and Han terms in Korean sentences', () => {
  it('gives no finding for a gloss after a Hangul word', () => {
    expect(only('실용외교(實用外交)를 추진한다.', 'm/wushi')).toEqual([]);
    expect(only('실용외교(实用外交)를 추진한다.', 'm/wushi')).toEqual([]);
  });

  it('reports a Han term a Korean sentence discusses, with suggestions but no fix', () => {
    const text = '중국어로는 实用外交가 아니라 务实外交라고 써야 한다.';
    const [f] = lint(text);
    expect(f).toMatchObject({ ruleId: 'm/wushi', actual: '实用外交', expected: ['务实外交'] });
    expect(f?.suggestions).toEqual([{ start: 6, end: 8, text: '务实' }]);
    expect(f?.fix).toBeUndefined();
    expect(fix(text)).toBe(text);
    // Chinese prose keeps its fix, also after a Korean sentence in the same paragraph.
    expect(fix('韩国新政府奉行实用外交。')).toBe('韩国新政府奉行务实外交。');
    expect(fix('한국 정부는 실용외교를 추진한다고 밝혔다. 韩国奉行实用外交。')).toBe(
      '한국 정부는 실용외교를 추진한다고 밝혔다. 韩国奉行务实外交。',
    );
    // A Hangul jamo right after the term is Korean too, in a paragraph with no syllable.
    expect(lint('韩国奉行实用外交ㄱ')[0]?.fix).toBeUndefined();
  });
});

describe('fixes never join lines', () => {
  it('keeps a line break inside the changed part at the same character position', () => {
    const [f] = lint('奉行实\n用外交');
    expect(f?.fix).toEqual({ start: 2, end: 5, text: '务\n实' });
    expect(fix('奉行实\n用外交。')).toBe('奉行务\n实外交。');
    expect(fix('奉行实\r\n用外交。')).toBe('奉行务\r\n实外交。');
    expect(fix('奉行實\r\n用外交。')).toBe('奉行務\r\n實外交。');
  });

  it('keeps a Korean wrap between syllables, the particle re-selected', () => {
    expect(fix('코리\n아가 주도한다.')).toBe('한국\n이 주도한다.');
    expect(fix('코\n리아를 보라.')).toBe('한\n국을 보라.');
  });

  it('puts a break that falls on a space of the replacement in place of that space', () => {
    expect(fix('the alpha\nbeta case')).toBe('the gamma\ndelta case');
  });

  it('keeps the indentation or quote marker after the break, and gives no fix over other markup', () => {
    const lintPieces = (text: string, pieces: Segment['pieces']) =>
      lintSegments({ text, segments: [{ pieces }] }, rs);
    const list = '- 奉行实\n  用外交';
    const [f] = lintPieces(list, [
      { start: 2, end: 6 },
      { start: 8, end: 11 },
    ]);
    expect(f?.fix).toEqual({ start: 4, end: 9, text: '务\n  实' });
    const quote = '> 奉行实\n> 用外交';
    const [g] = lintPieces(quote, [
      { start: 2, end: 6 },
      { start: 8, end: 11 },
    ]);
    expect(g?.fix).toEqual({ start: 4, end: 9, text: '务\n> 实' });
    const emphasis = '奉行实\n**用外交**';
    const [h] = lintPieces(emphasis, [
      { start: 0, end: 4 },
      { start: 6, end: 9 },
    ]);
    expect(h?.actual).toBe('实\n用外交');
    expect(h?.fix).toBeUndefined();
  });

  it('is idempotent: fixing twice equals fixing once', () => {
    for (const text of [
      '奉行实\n用外交。',
      '奉行实\r\n用外交。',
      '코리\n아를 보라.',
      'the alpha\nbeta case',
    ]) {
      expect(fix(fix(text))).toBe(fix(text));
      expect(lint(fix(text)).filter((f) => f.fix)).toEqual([]);
    }
  });
});

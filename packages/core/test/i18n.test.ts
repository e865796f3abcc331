import { describe, expect, it } from 'vitest';
import {
  applyPackLocale,
  documentLocale,
  fillMessage,
  lintSegments,
  localeOfTag,
  particleFits,
  plainText,
  wordingIn,
} from '../src/index.js';
import { parsePack } from '../src/pack/parse.js';
import { blockSegments, lintText, ruleSetFromYaml } from './helpers.js';

describe('the locale of a document', () => {
  const locale = (input: Partial<Parameters<typeof documentLocale>[0]> & { text: string }) =>
    documentLocale({ traditional: () => false, ...input });

  it('reads BCP 47 tags: Traditional regions and scripts, Simplified ones, bare zh by the text', () => {
    expect(['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-TW', 'zh-MO'].map(localeOfTag)).toEqual(
      Array(5).fill('zh-Hant'),
    );
    expect(['zh-CN', 'zh-Hans', 'zh-SG'].map(localeOfTag)).toEqual(Array(3).fill('zh-Hans'));
    expect([localeOfTag('zh'), localeOfTag('ko-KR'), localeOfTag('en-GB'), localeOfTag('ja')]).toEqual([
      'zh',
      'ko',
      'en',
      undefined,
    ]);
  });

  it('is the document language, else detected from the text; the configured locale wins', () => {
    expect(locale({ text: 'Seoul and Beijing', lang: 'ko' })).toBe('ko');
    expect(locale({ text: '한국과 중국은 협력한다.' })).toBe('ko');
    expect(locale({ text: '中韩双方', traditional: () => true })).toBe('zh-Hant');
    expect(locale({ text: '中韩双方' })).toBe('zh-Hans');
    expect(locale({ text: 'x', lang: 'zh', traditional: () => true })).toBe('zh-Hant');
    expect(locale({ text: '한국과 중국은 협력한다.', override: 'en' })).toBe('en');
  });

  it('takes the editor UI locale only for a document whose language is unknown', () => {
    expect(locale({ text: '2025 — 17', fallback: 'ko' })).toBe('ko');
    expect(locale({ text: '2025 — 17', fallback: 'zh-TW' })).toBe('zh-Hant');
    expect(locale({ text: '2025 — 17' })).toBe('en');
    // A Korean draft stays Korean in an English editor, an English one English in a Korean editor.
    expect(locale({ text: '한국과 중국은 협력한다.', fallback: 'en' })).toBe('ko');
    expect(locale({ text: 'Seoul and Beijing agreed.', fallback: 'ko' })).toBe('en');
  });
});

describe('Korean particles after an inserted term', () => {
  const ko = (template: string, term: string) => fillMessage(template, term, [], 'ko');

  it('chooses 을/를, 이/가, 은/는, 과/와 by the last syllable', () => {
    expect(ko('{actual}를', '한미동맹')).toBe('한미동맹을');
    expect(ko('{actual}을', '한미')).toBe('한미를');
    expect(ko('{actual}가 아니라', '미한')).toBe('미한이 아니라');
    expect(ko('{actual}이 아니라', '사드')).toBe('사드가 아니라');
    expect(ko('`{actual}`는 다르게', '상호 존중')).toBe('`상호 존중`은 다르게');
    expect(ko('`{actual}`은 다르게', '반도체')).toBe('`반도체`는 다르게');
    expect(ko('{actual}와 함께', '한국')).toBe('한국과 함께');
    expect(ko('{actual}과 함께', '중국 측 외교부')).toBe('중국 측 외교부와 함께');
  });

  it('gives (으)로 its ㄹ rule: 로 after a vowel or ㄹ, 으로 after another final', () => {
    expect(ko('{actual}으로', '서울')).toBe('서울로');
    expect(ko('{actual}로', '한미동맹')).toBe('한미동맹으로');
    expect(ko('{actual}으로', '한미')).toBe('한미로');
  });

  it('reads digits by their Sino-Korean names and writes both forms after an unreadable term', () => {
    expect(ko('{actual}를', '2008')).toBe('2008을');
    expect(ko('{actual}을', '2002')).toBe('2002를');
    expect(ko('{actual}로', '2007')).toBe('2007로');
    expect(ko('{actual}를', 'US-ROK')).toBe('US-ROK을(를)');
    expect(ko('{actual}로', '务实外交')).toBe('务实外交(으)로');
  });

  it('keeps particles whose form never changes, and says which ones the renderer cannot fit', () => {
    expect(ko('{actual}의 의미', '한미동맹')).toBe('한미동맹의 의미');
    expect(particleFits('{actual}의 의미', 8)).toBe(true);
    expect(particleFits('{actual}만 있고', 8)).toBe(true);
    expect(particleFits('{actual} 대신', 8)).toBe(true);
    expect(particleFits('{actual}를을', 8)).toBe(false);
    expect(particleFits('{actual}이라서', 8)).toBe(false);
  });

  it('follows the last of several expected terms', () => {
    expect(fillMessage('`{expected}`를 쓰십시오', 'x', ['한미', '한미동맹'], 'ko')).toBe(
      '`한미`, `한미동맹`을 쓰십시오',
    );
  });
});

describe('plain text for plain surfaces', () => {
  it('quotes code spans the locale way', () => {
    const md = 'Use `务实外交`, not `实用外交`';
    expect(plainText(md, 'en')).toBe('Use “务实外交”, not “实用外交”');
    expect(plainText(md, 'zh-Hans')).toBe('Use “务实外交”, not “实用外交”');
    expect(plainText(md, 'zh-Hant')).toBe('Use 「务实外交」, not 「实用外交」');
    expect(plainText(md, 'ko')).toBe('Use ‘务实外交’, not ‘实用外交’');
    expect(plainText('no code here')).toBe('no code here');
  });

  it('joins a list the locale way', () => {
    expect(fillMessage('用`{expected}`', '', ['双方核心利益', '两国核心利益'], 'zh-Hans')).toBe(
      '用`双方核心利益`、`两国核心利益`',
    );
  });
});

describe('the wording offered', () => {
  const wording = ["South Korea's core interests", '韩国核心利益', '双方的核心利益', '한국의 핵심 이익'];

  it('is in the locale’s script only, Traditional for zh-Hant', () => {
    expect(wordingIn(wording, 'ko')).toEqual(['한국의 핵심 이익']);
    expect(wordingIn(wording, 'en')).toEqual(["South Korea's core interests"]);
    expect(wordingIn(wording, 'zh-Hans')).toEqual(['韩国核心利益', '双方的核心利益']);
    expect(wordingIn(wording, 'zh-Hant')).toEqual(['韓國核心利益', '雙方的核心利益']);
  });
});

const PACK = `
pack: t
locales: {ko: t.ko.yaml, zh-Hans: t.zh-Hans.yaml, zh-Hant: t.zh-Hant.yaml}
rules:
  - id: t/wushi
    kind: term
    severity: error
    description: 务实, not 实用
    message: Use \`{expected}\` instead of \`{actual}\`
    note: Shiyong reads as opportunistic.
    audiences: {zh: Opportunistic., ko: The Korean name.}
    terms:
      zh:
        - 务实外交
        - {text: 实用外交, status: deprecated, use: 务实外交, use-hant: 務實外交}
      ko:
        - 한미
        - {text: 미한, status: deprecated, use: 한미}
  - id: t/reciprocity
    kind: requires
    severity: warning
    message: "\`{actual}\` without Korea's"
    scope: segment
    when: ['China''s core interests', 中国核心利益, 중국의 핵심 이익]
    require: ["Korea's core interests", 韩国核心利益, 한국의 핵심 이익]
`;

const LOCALE_FILES: Record<string, string> = {
  ko: `locale: ko
rules:
  t/wushi:
    message: "\`{actual}\` 대신 \`{expected}\`를 쓰십시오"
    note: 실용은 기회주의적으로 읽힙니다.
    audiences: {zh: 기회주의적., ko: 한국어 이름.}
  t/reciprocity:
    message: "\`{actual}\`만 있습니다"
`,
  'zh-Hans': `locale: zh-Hans
rules:
  t/wushi:
    message: 请用\`{expected}\`代替\`{actual}\`
    note: 实用显得机会主义。
  t/reciprocity:
    message: 只提到\`{actual}\`
`,
  'zh-Hant': `locale: zh-Hant
rules:
  t/wushi:
    message: 請用\`{expected}\`代替\`{actual}\`
    note: 實用顯得機會主義。
`,
};

function localizedRuleSet(options: Parameters<typeof ruleSetFromYaml>[1] = {}) {
  const { pack } = parsePack(PACK, 't.yaml');
  if (!pack) throw new Error('no pack');
  for (const [locale, text] of Object.entries(LOCALE_FILES)) {
    expect(applyPackLocale(pack, locale as 'ko', { file: `t.${locale}.yaml`, text })).toEqual([]);
  }
  return ruleSetFromYaml(PACK, options, [pack]);
}

describe('findings in the document’s locale', () => {
  const ruleSet = localizedRuleSet();

  it('give a Traditional draft Traditional texts, a Simplified one Simplified, falling back per text', () => {
    const [hant] = lintText('韓國奉行實用外交。', ruleSet);
    expect(hant).toMatchObject({
      locale: 'zh-Hant',
      message: '請用`務實外交`代替`實用外交`',
      note: '實用顯得機會主義。',
    });
    // zh-Hant translates no reading: the English ones stand in.
    expect(hant?.audiences).toEqual({ zh: 'Opportunistic.', ko: 'The Korean name.' });
    const [hans] = lintText('韩国奉行实用外交。', ruleSet);
    expect(hans).toMatchObject({
      locale: 'zh-Hans',
      message: '请用`务实外交`代替`实用外交`',
      expected: ['务实外交'],
    });
  });

  it('give a Korean draft Korean texts, the particle fitted to the term', () => {
    const [ko] = lintText('정부는 미한 동맹을 강화한다.', ruleSet);
    expect(ko).toMatchObject({
      locale: 'ko',
      message: '`미한` 대신 `한미`를 쓰십시오',
      note: '실용은 기회주의적으로 읽힙니다.',
      audiences: { zh: '기회주의적.', ko: '한국어 이름.' },
    });
  });

  it('offer a requires rule’s wording in the document’s language and script only', () => {
    const [ko] = lintText('우리 정부는 중국의 핵심 이익을 존중한다.', ruleSet);
    expect(ko).toMatchObject({
      locale: 'ko',
      message: '`중국의 핵심 이익`만 있습니다',
      expected: ['한국의 핵심 이익'],
    });
    const [en] = lintText("Seoul respects China's core interests.", ruleSet);
    expect(en).toMatchObject({ locale: 'en', expected: ["Korea's core interests"] });
    const [hant] = lintText('韓方尊重中國核心利益。', ruleSet);
    expect(hant).toMatchObject({ locale: 'zh-Hant', expected: ['韓國核心利益'] });
  });

  it('follow the configured locale over the document’s, and the fallback only for an unknown language', () => {
    const forced = localizedRuleSet({ locale: 'ko' });
    expect(lintText('韩国奉行实用外交。', forced)[0]?.message).toBe(
      '`实用外交` 대신 `务实外交`을(를) 쓰십시오',
    );
    const fallback = localizedRuleSet({ fallbackLocale: 'ko' });
    expect(lintText('韩国奉行实用外交。', fallback)[0]?.locale).toBe('zh-Hans');
    // As many Cyrillic letters as Han and Latin: no language holds more than half.
    const text = '实用外交 ab где это';
    expect(lintSegments({ text, segments: blockSegments(text) }, fallback)[0]?.locale).toBe('ko');
  });

  it('report locale file problems: another locale than named, an unknown rule (ignored)', () => {
    const { pack } = parsePack(PACK, 't.yaml');
    if (!pack) throw new Error('no pack');
    expect(
      applyPackLocale(pack, 'ko', { file: 'k.yaml', text: 'locale: zh-Hans\nrules: {}\n' }),
    ).toMatchObject([{ code: 'invalid-value', line: 1, column: 9, severity: 'error' }]);
    expect(
      applyPackLocale(pack, 'ko', {
        file: 'k.yaml',
        text: 'locale: ko\nrules:\n  t/nope:\n    message: x\n',
      }),
    ).toMatchObject([{ code: 'unknown-rule', line: 3, column: 3, severity: 'warning' }]);
    expect(
      applyPackLocale(pack, 'ko', {
        file: 'k.yaml',
        text: 'locale: ko\nrules:\n  t/wushi:\n    mesage: x\n',
      }),
    ).toMatchObject([{ code: 'unknown-key', line: 4 }]);
  });
});

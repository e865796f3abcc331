import { describe, expect, it } from 'vitest';
import { breaksBeforeHan, hanInKoreanProse, hanStartOk, isHanjaGloss } from '../src/lang/han.js';
import { hasHan, scriptOf } from '../src/lang/script.js';

describe('hanStartOk', () => {
  it('rejects a candidate that starts inside a word', () => {
    // 切实|用以: 实用 at 1 starts inside 切实.
    expect(hanStartOk('切实用以', 1)).toBe(false);
    // 越南|韩国: 南韩 at 1 starts inside 越南; 韩国 at 2 is a word.
    expect(hanStartOk('越南韩国', 1)).toBe(false);
    expect(hanStartOk('越南韩国', 2)).toBe(true);
    expect(hanStartOk('越南韩国企业合作，南韩政府表示', 1)).toBe(false);
    expect(hanStartOk('越南韩国企业合作，南韩政府表示', 9)).toBe(true);
  });

  it('accepts word starts', () => {
    expect(hanStartOk('实用外交', 0)).toBe(true);
    expect(hanStartOk('奉行实用外交', 2)).toBe(true);
    expect(hanStartOk('韩国奉行实用外交。', 4)).toBe(true);
    // The segmenter gives 非常|实用: a word start, so the rule's own phrases decide.
    expect(hanStartOk('非常实用', 2)).toBe(true);
    expect(hanStartOk('中韩战略合作伙伴关系', 2)).toBe(true);
  });

  it('treats a sentence end, a line break and U+FFFC as the window edge', () => {
    // Without the clip, 。 does not change the answer here, but the window never crosses it.
    expect(hanStartOk('他说。实用外交', 3)).toBe(true);
    expect(hanStartOk('这是\n实用外交', 3)).toBe(true);
    expect(hanStartOk('这是\r\n实用外交', 4)).toBe(true);
    // 切实用以 joined would reject 实用 at 1; the separator splits it, so 实 at 2 starts a window.
    expect(hanStartOk('切\uFFFC实用以', 2)).toBe(true);
    expect(hanStartOk('切实用以', 1)).toBe(false);
    // Clipped after the candidate: 切实 alone still holds 实 inside a word.
    expect(hanStartOk('切实\uFFFC用以', 1)).toBe(false);
    expect(hanStartOk('切实\n用以', 1)).toBe(false);
  });

  it('uses context past 16 code points only up to the window limit', () => {
    // 20 characters of context before the candidate: the window starts 16 code points back.
    const prose = '我们今天在这里讨论关于两国之间的长期合作越南韩国';
    const at = prose.indexOf('南韩');
    expect(at).toBe(21);
    expect(hanStartOk(prose, at)).toBe(false);
    expect(hanStartOk(prose, at + 1)).toBe(true);
  });

  it('counts astral Han characters as one code point', () => {
    const prose = '𠀀越南韩国';
    expect(hanStartOk(prose, 3)).toBe(false);
    expect(hanStartOk(prose, 4)).toBe(true);
    // Inside a surrogate pair is never a start.
    expect(hanStartOk(prose, 1)).toBe(false);
  });

  it('handles the text edges', () => {
    expect(hanStartOk('实用', 0)).toBe(true);
    expect(hanStartOk('实用', 2)).toBe(false);
  });

  // No timing assertion (DESIGN: benchmarks, never timed tests): segmenting the whole string
  // 2,000 times would take hours on Node 20, so this finishing within the test timeout is the check.
  it('segments only a window, so long text stays fast', () => {
    const sentence = '韩国奉行务实外交政策，越南韩国企业合作';
    let prose = '';
    while (prose.length < 100_000) prose += sentence;
    expect(prose.length).toBe(100_016);
    let accepted = 0;
    let rejected = 0;
    for (let k = 0; k < 1000; k++) {
      const base = k * sentence.length * 5;
      // 南韩 inside 越南韩国 (rejected) and 务实 after 奉行 (accepted).
      if (hanStartOk(prose, base + 12)) accepted++;
      else rejected++;
      if (hanStartOk(prose, base + 4)) accepted++;
      else rejected++;
    }
    expect(accepted).toBe(1000);
    expect(rejected).toBe(1000);
  });
});

/** Start and end of the first occurrence of `term` in `prose`. */
function span(prose: string, term: string): [number, number] {
  const start = prose.indexOf(term);
  if (start < 0) throw new Error(`${term} not in ${prose}`);
  return [start, start + term.length];
}

describe('isHanjaGloss', () => {
  it('takes a Han term in parentheses right after a Hangul word for a gloss', () => {
    const gloss = (prose: string, term: string) => isHanjaGloss(prose, ...span(prose, term));
    expect(gloss('실용외교(實用外交)를 추진한다', '實用外交')).toBe(true);
    expect(gloss('실용외교(实用外交)를 추진한다', '实用外交')).toBe(true);
    expect(gloss('실용외교（实用外交）', '实用外交')).toBe(true);
    // Part of a longer gloss, with spaces or a middle dot in it, or a translation after a comma.
    expect(gloss('실용외교노선(實用外交路線)', '實用外交')).toBe(true);
    expect(gloss('실용 외교(實用 外交)', '實用 外交')).toBe(true);
    expect(gloss('한·중(韓·中) 관계', '韓·中')).toBe(true);
    expect(gloss('실용외교(實用外交, pragmatic diplomacy)', '實用外交')).toBe(true);
  });

  it('is not a gloss without the Hangul word, the parentheses or when other text shares them', () => {
    const gloss = (prose: string, term: string) => isHanjaGloss(prose, ...span(prose, term));
    expect(gloss('韩国奉行实用外交。', '实用外交')).toBe(false);
    expect(gloss('韩国(实用外交)', '实用外交')).toBe(false);
    expect(gloss('Korea (实用外交)', '实用外交')).toBe(false);
    expect(gloss('실용외교 (实用外交)', '实用外交')).toBe(false);
    expect(gloss('실용외교(实用外交', '实用外交')).toBe(false);
    expect(gloss('실용외교(이른바 实用外交)', '实用外交')).toBe(false);
    expect(gloss('실용외교(实用外交는 틀린 말)', '实用外交')).toBe(false);
    expect(gloss('실용외교 实用外交', '实用外交')).toBe(false);
  });
});

describe('hanInKoreanProse', () => {
  const inKorean = (prose: string, term: string) =>
    hanInKoreanProse(prose, ...span(prose, term), { start: 0, end: prose.length });

  it('holds for a Han term followed by a Hangul particle or in a sentence mostly Hangul', () => {
    expect(inKorean('중국어로는 实用外交가 아니라 务实外交라고 써야 한다.', '实用外交')).toBe(true);
    expect(inKorean('实用外交는 틀렸다', '实用外交')).toBe(true);
    expect(inKorean('중국어 표현 实用外交, 그 뜻을 살펴본다.', '实用外交')).toBe(true);
  });

  it('does not hold in Chinese prose, even with some Hangul in it', () => {
    expect(inKorean('韩国新政府奉行实用外交。', '实用外交')).toBe(false);
    expect(inKorean('韩国总统이재명表示，韩国奉行实用外交，重视韩美同盟。', '实用外交')).toBe(false);
    expect(inKorean('Seoul calls it 实用外交 in Chinese.', '实用外交')).toBe(false);
  });

  it('looks only at the given sentence', () => {
    const prose = '한국 정부는 실용외교를 추진한다고 밝혔다. 韩国奉行实用外交。';
    const [start, end] = span(prose, '实用外交');
    const second = { start: prose.indexOf('韩国'), end: prose.length };
    expect(hanInKoreanProse(prose, start, end, second)).toBe(false);
    expect(hanInKoreanProse(prose, start, end, { start: 0, end: prose.length })).toBe(true);
  });
});

describe('breaksBeforeHan (hanStartOk without the segmenter)', () => {
  it('holds only characters after which the segmenter always starts a word at a Han character', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const starts = (text: string, at: number) => segmenter.segment(text).containing(at)?.index === at;
    const listed: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) if (breaksBeforeHan(unit)) listed.push(unit);
    // Characters that join a word, or that the segmenter reads as Han or kana, are not listed.
    for (const joins of '_々〆〇〃＿⼀⺟゛') expect(breaksBeforeHan(joins.charCodeAt(0)), joins).toBe(false);
    const before = ['', '中国', '韩国的', 'abc', '12', 'カタ', '한국', '。'];
    const after = ['中国', '韩', '实用外交', '务实', '半岛', '朝鲜', '美韩同盟', '萨德', '国', '外交部'];
    for (const unit of listed) {
      const mark = String.fromCharCode(unit);
      for (const lead of before) {
        for (const han of after) {
          const text = `${lead}${mark}${han}`;
          const at = lead.length + 1;
          expect(starts(text, at), JSON.stringify(text)).toBe(true);
          expect(hanStartOk(text, at), JSON.stringify(text)).toBe(true);
        }
      }
    }
    expect(listed).toHaveLength(183);
  });
});

describe('hasHan', () => {
  it('finds a Han code point, astral ones and 〇 too, and nothing in other scripts or lone surrogates', () => {
    for (const text of ['中', 'a中b', '𠮷野家', 'x〇', '한국中', '漢']) expect(hasHan(text), text).toBe(true);
    for (const text of ['', 'abc', '한국', '\ud842', 'x\udfb7y', 'カタカナ', 'ÀÉ'])
      expect(hasHan(text), text).toBe(false);
  });

  it('says what a look at each code point of the text by its script says', () => {
    const pool = ['a', 'É', '中', '國', '한', '\ud842', '\udfb7', '𠮷', ' ', '〇', 'ア', '1'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let found = 0;
    for (let round = 0; round < 2000; round++) {
      const text = Array.from(
        { length: Math.floor(next() * 6) },
        () => pool[Math.floor(next() * pool.length)],
      ).join('');
      const expected = [...text].some((ch) => scriptOf(ch.codePointAt(0) ?? 0) === 'han');
      expect(hasHan(text), JSON.stringify(text)).toBe(expected);
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(500);
    expect(found).toBeLessThan(1900);
  });
});

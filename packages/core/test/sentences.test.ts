import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/text/sentences.js';

// The sentences as strings, after checking that the spans tile the text.
function sentences(text: string): string[] {
  const spans = splitSentences(text);
  let at = 0;
  for (const span of spans) {
    expect(span.start).toBe(at);
    expect(span.end).toBeGreaterThan(span.start);
    at = span.end;
  }
  expect(at).toBe(text.length);
  return spans.map((span) => text.slice(span.start, span.end));
}

describe('splitSentences', () => {
  it('gives no span for the empty string and one for text without a terminator', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('务实外交的原则')).toEqual([{ start: 0, end: 7 }]);
    expect(splitSentences('   ')).toEqual([{ start: 0, end: 3 }]);
  });

  it('splits Chinese after 。！？ and keeps closing quotes with the sentence', () => {
    expect(splitSentences('他说：“好。”然后走了！真的吗？')).toEqual([
      { start: 0, end: 7 },
      { start: 7, end: 12 },
      { start: 12, end: 16 },
    ]);
    expect(sentences('中方坚持务实外交。（见附件。）我们欢迎。')).toEqual([
      '中方坚持务实外交。',
      '（见附件。）',
      '我们欢迎。',
    ]);
    expect(sentences('「推进合作。」『是的！』《结束》')).toEqual([
      '「推进合作。」',
      '『是的！』',
      '《结束》',
    ]);
  });

  it('keeps the whitespace after a sentence with that sentence', () => {
    expect(splitSentences('第一句。 \n第二句。  ')).toEqual([
      { start: 0, end: 6 },
      { start: 6, end: 12 },
    ]);
    expect(sentences('First one. Second one.\nThird.')).toEqual(['First one. ', 'Second one.\n', 'Third.']);
  });

  it('splits Korean after a period followed by Hangul, and after ? and !', () => {
    expect(sentences('양국은 전략적으로 협력합니다. 한국은 평화를 원합니다. 그렇습니까? 네!')).toEqual([
      '양국은 전략적으로 협력합니다. ',
      '한국은 평화를 원합니다. ',
      '그렇습니까? ',
      '네!',
    ]);
  });

  it('splits English after a period before a capital, a digit or an opening quote and a capital', () => {
    expect(
      sentences('Talks ended. 2024 was busy. "Next year," he said. “We will see.” Then he left.'),
    ).toEqual([
      'Talks ended. ',
      '2024 was busy. ',
      '"Next year," he said. ',
      '“We will see.” ',
      'Then he left.',
    ]);
  });

  it('does not split after a period before a lower-case word, a separator or nothing', () => {
    expect(sentences('See the report. and the annex.')).toEqual(['See the report. and the annex.']);
    expect(sentences('Open the link. \ufffc and read it. Done.')).toEqual([
      'Open the link. \ufffc and read it. ',
      'Done.',
    ]);
    expect(sentences('Visit example.com today.Then')).toEqual(['Visit example.com today.Then']);
  });

  it('does not split decimals or listed abbreviations, even before a capital', () => {
    expect(sentences('Growth was 3.5 percent. Exports rose 2.25. The end.')).toEqual([
      'Growth was 3.5 percent. ',
      'Exports rose 2.25. ',
      'The end.',
    ]);
    expect(
      sentences('The U.S. President met Dr. Kim and Mr. Lee at No. 10 Downing St. Then they left.'),
    ).toEqual(['The U.S. President met Dr. Kim and Mr. Lee at No. 10 Downing St. Then they left.']);
    expect(sentences('Talks in the U.S. The talks in Seoul (e.g. Busan) vs. Tokyo, etc. Ended.')).toEqual([
      'Talks in the U.S. The talks in Seoul (e.g. Busan) vs. Tokyo, etc. Ended.',
    ]);
    expect(sentences('Sen. Park, Prof. Lee and Gov. Cho spoke. Rep. Kim agreed.')).toEqual([
      'Sen. Park, Prof. Lee and Gov. Cho spoke. ',
      'Rep. Kim agreed.',
    ]);
  });

  it('does split after a word that merely ends like an abbreviation', () => {
    expect(sentences('It was a resolution of the UN. The vote was close.')).toEqual([
      'It was a resolution of the UN. ',
      'The vote was close.',
    ]);
    expect(sentences('Look at the Fst. Then go.')).toEqual(['Look at the Fst. ', 'Then go.']);
  });

  it('ends at ellipses and runs of terminators as one end', () => {
    expect(sentences('他犹豫了……最后同意了。Really?! Yes!!! Wait... What? Hmm…')).toEqual([
      '他犹豫了……',
      '最后同意了。',
      'Really?! ',
      'Yes!!! ',
      'Wait... ',
      'What? ',
      'Hmm…',
    ]);
    expect(sentences('Well... maybe not.')).toEqual(['Well... maybe not.']);
  });

  it('does not end at an ASCII ! or ? glued to a letter or digit', () => {
    expect(sentences('Use page?id=2 and Yahoo!Japan. 好吗?我们走吧!')).toEqual([
      'Use page?id=2 and Yahoo!Japan. ',
      '好吗?',
      '我们走吧!',
    ]);
  });

  it('splits mixed-script prose', () => {
    expect(
      sentences(
        '中方坚持务实外交。The strategic cooperative partnership matters. 한중 관계는 중요합니다. 好。',
      ),
    ).toEqual([
      '中方坚持务实外交。',
      'The strategic cooperative partnership matters. ',
      '한중 관계는 중요합니다. ',
      '好。',
    ]);
    expect(sentences('会谈结束. 双方同意. 회담은 끝났다. 会谈まで.')).toEqual([
      '会谈结束. ',
      '双方同意. ',
      '회담은 끝났다. ',
      '会谈まで.',
    ]);
  });

  it('stays linear on long inputs without terminators or with many abbreviations', () => {
    const long = 'a'.repeat(200_000);
    expect(splitSentences(long)).toEqual([{ start: 0, end: 200_000 }]);
    const many = 'Dr. A '.repeat(20_000);
    expect(splitSentences(many)).toEqual([{ start: 0, end: many.length }]);
  });
});

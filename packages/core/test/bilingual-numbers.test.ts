import { describe, expect, it } from 'vitest';
import { type NumberValue, numbersOf, sameValue } from '../src/index.js';

function read(text: string): string[] {
  return numbersOf(text).map((m) => {
    const v = m.value;
    const value = v.kind === 'amount' ? String(v.value) : `${v.y ?? '?'}-${v.m ?? '?'}-${v.d ?? '?'}`;
    return `${text.slice(m.start, m.end)}=${value}${m.soft ? ' soft' : ''}`;
  });
}

describe('numbersOf', () => {
  it('answers a text asked for again from what it read the first time, and reads every new text', () => {
    const text = '예산은 3억 달러이고, 2018년 9월 30일에 발표되었다.';
    const first = numbersOf(text);
    expect(numbersOf(text)).toBe(first);
    expect(read(text)).toEqual(['3억=300000000', '2018년 9월 30일=2018-9-30']);
    // Past the characters it keeps, the oldest texts are read again; new texts are always read.
    const long = (n: number) => `${n}억 달러 ${'가'.repeat(1_000_000)}`;
    for (let n = 1; n <= 5; n++)
      expect(numbersOf(long(n)).map((m) => m.value)).toEqual([{ kind: 'amount', value: n * 100_000_000 }]);
    const again = numbersOf(text);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('reads digits with their scale in every language', () => {
    expect(read('예산은 3억 5천만 달러, 1억1천만, 12조3천억 번')).toEqual([
      '3억 5천만=350000000',
      '1억1천만=110000000',
      '12조3천억=12300000000000',
    ]);
    expect(read('1억 4천 2백만 명, 37만 5,000달러, 204만 명')).toEqual([
      '1억 4천 2백만=142000000',
      '37만 5,000=375000',
      '204万=2040000'.replace('万', '만'),
    ]);
    expect(read('投资1.5万亿元，29.4 萬人次，9 千萬英鎊')).toEqual([
      '1.5万亿=1500000000000',
      '29.4 萬=294000',
      '9 千萬=90000000',
    ]);
    expect(read('It cost $110 million, £125m and 2.8bn; 12.3 trillion; 7,000-ton')).toEqual([
      '110 million=110000000',
      '125m=125000000',
      '2.8bn=2800000000',
      '12.3 trillion=12300000000000',
      '7,000=7000',
    ]);
  });

  it('reads dates with the parts they give', () => {
    expect(read('2025年6月24日')).toEqual(['2025年6月24日=2025-6-24']);
    expect(read('2025년 6월 24일')).toEqual(['2025년 6월 24일=2025-6-24']);
    expect(read('on 24 June 2025 and June 24, 2025')).toEqual([
      '24 June 2025=2025-6-24',
      'June 24, 2025=2025-6-24',
    ]);
    expect(read('十月份，11 月的选举，in May last year, until Oct.')).toEqual([
      '十月份=?-10-?',
      '11 月=?-11-?',
      'May=?-5-?',
      'Oct.=?-10-?',
    ]);
    expect(read('May I ask? Theresa May said. Areas May Benefit')).toEqual([]);
    expect(read('九月三十日的第 247 号日志')).toEqual(['九月三十日=?-9-30', '247=247']);
    expect(read('지난달 12일, 48시간')).toEqual(['12일=?-?-12 soft', '48=48']);
  });

  it('leaves out times, centuries, names and small bare integers; words and decades are soft', () => {
    expect(
      read('at 5.30pm, 19:30 BST, 11 a.m., 오후 7시 30분, 下午5：30, 19th-century, 20世纪, G20, 5G, 3 pigs'),
    ).toEqual([]);
    expect(read('in the 1980s, 80年代, 10대, in his 40s, a decade')).toEqual([
      '1980s=1980 soft',
      '80年代=80 soft',
      '10대=10 soft',
      '40s=40 soft',
      'a decade=10 soft',
    ]);
    expect(read('ten years, Twenty-five, 十四分钟, 百分之七十五, 百分之百')).toEqual([
      'ten=10 soft',
      'Twenty-five=25 soft',
      '十四=14 soft',
      '七十五=75 soft',
      '百分之百=100 soft',
    ]);
  });
});

describe('sameValue', () => {
  const amount = (value: number): NumberValue => ({ kind: 'amount', value });
  it('compares amounts and compatible dates', () => {
    expect(sameValue(amount(3e8), amount(300_000_000))).toBe(true);
    expect(sameValue({ kind: 'date', y: 2025, m: 6, d: 24 }, { kind: 'date', m: 6, d: 24 })).toBe(true);
    expect(sameValue({ kind: 'date', y: 2025, m: 6, d: 24 }, { kind: 'date', y: 2026, m: 6, d: 24 })).toBe(
      false,
    );
    expect(sameValue(amount(2025), { kind: 'date', y: 2025 })).toBe(true);
  });
});

// The soft values of a prose string (numbers.ts): number words, Chinese numerals, decades and
// `N：M`. They answer a value of the other side but are never reported themselves.
import { free, hanNumeral, type NumberMention, SCALE, SCALE_WORDS } from './number-parts.js';

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  hundred: 100,
};
const ONES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const WORD_NUMBER = new RegExp(
  `\\b(?:(${Object.keys(TENS).join('|')})(?:[- ](${Object.keys(ONES).join('|')}))?|(${Object.keys(TEENS).join('|')})|(${Object.keys(ONES).join('|')})(?= (?:thousand|million|billion|trillion|decades)\\b))\\b`,
  'giu',
);
// `a decade` is ten years (10년, 十年); `two decades`, twenty.
const DECADES = /^ (?:decades?)\b/iu;
const HAN_NUMBER = /百分之百|[一二两兩三四五六七八九十百千]{2,}|十/gu;

// Decades and ages by decade (the 1980s, in his 40s, 80年代, 40대) answer their number; `a
// decade` answers ten years.
const DECADE = /\b(\d{1,3}0)s\b|(\d{1,3}0)\s*(?:年代|년대|대)|\b(?:a|the past|the last) (decade)\b/giu;

// `31：27` is a score or a time (02：30): its numbers answer but are never reported.
const FULL_WIDTH_COLON = /(\d{1,2})：(\d{1,2})/gu;

export function readDecades(text: string, taken: boolean[], out: NumberMention[]): void {
  FULL_WIDTH_COLON.lastIndex = 0;
  for (let m = FULL_WIDTH_COLON.exec(text); m; m = FULL_WIDTH_COLON.exec(text)) {
    if (!free(taken, m.index, m.index + m[0].length)) continue;
    taken.fill(true, m.index, m.index + m[0].length);
    const second = m.index + m[0].length - (m[2] ?? '').length;
    out.push({
      start: m.index,
      end: m.index + (m[1] ?? '').length,
      value: { kind: 'amount', value: Number(m[1]) },
      soft: true,
    });
    out.push({
      start: second,
      end: m.index + m[0].length,
      value: { kind: 'amount', value: Number(m[2]) },
      soft: true,
    });
  }
  DECADE.lastIndex = 0;
  for (let m = DECADE.exec(text); m; m = DECADE.exec(text)) {
    const end = m.index + m[0].length;
    if (!free(taken, m.index, end)) continue;
    taken.fill(true, m.index, end);
    const value = m[3] ? 10 : Number(m[1] ?? m[2]);
    out.push({ start: m.index, end, value: { kind: 'amount', value }, soft: true });
  }
}

export function readWords(text: string, taken: boolean[], out: NumberMention[]): void {
  WORD_NUMBER.lastIndex = 0;
  for (let m = WORD_NUMBER.exec(text); m; m = WORD_NUMBER.exec(text)) {
    if (!free(taken, m.index, m.index + m[0].length)) continue;
    const base = m[3]
      ? (TEENS[m[3].toLowerCase()] ?? 0)
      : m[4]
        ? (ONES[m[4].toLowerCase()] ?? 0)
        : (TENS[(m[1] ?? '').toLowerCase()] ?? 0) + (ONES[(m[2] ?? '').toLowerCase()] ?? 0);
    const rest = text.slice(m.index + m[0].length);
    const scaled = SCALE.exec(rest) ?? DECADES.exec(rest);
    const end = m.index + m[0].length + (scaled ? scaled[0].length : 0);
    const factor = scaled?.[1] ? (SCALE_WORDS[scaled[1].toLowerCase()] ?? 1) : scaled ? 10 : 1;
    const value = base * factor;
    out.push({ start: m.index, end, value: { kind: 'amount', value }, soft: true });
  }
  HAN_NUMBER.lastIndex = 0;
  for (let m = HAN_NUMBER.exec(text); m; m = HAN_NUMBER.exec(text)) {
    const value = m[0] === '百分之百' ? 100 : hanNumeral(m[0]);
    if (value === undefined || value < 10 || !free(taken, m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: { kind: 'amount', value }, soft: true });
  }
}

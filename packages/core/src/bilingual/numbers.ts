// The numbers, amounts and dates of a prose string, as values a translation must keep: digits with
// their scale in every language (3억 = 300 million, 1.5万亿 = 1.5 trillion, 1억 4천 2백만 = 142
// million, 37만 5,000 = 375,000) and dates with the parts they give (2025年6月24日 = 2025년 6월 24일
// = 24 June 2025 = June 24, 2025; 十月 = 10월 = October). Times, decades and centuries are not
// compared (languages write them too differently: 5.30pm, 오후 5시 30분; the 1980s, 80年代).
// English number words from ten up and Chinese numerals are read as **soft** values: they may
// answer a value of the other side, but one the other side lacks is no finding (a translation may
// write 十 for "ten" or 20 for "twenty"). A bare integer below 10 is no value (translations spell
// them out), nor are digits after a Latin letter (G20, SS19) or one digit before one (5G).

import { RecentMap } from '../recent-map.js';
import {
  free,
  hanNumeral,
  type NumberMention,
  type NumberValue,
  SCALE,
  SCALE_WORDS,
} from './number-parts.js';
import { readDecades, readWords } from './soft-numbers.js';

export type { NumberMention, NumberValue } from './number-parts.js';

type DateParts = { y?: string | undefined; m?: string | undefined; d?: string | undefined };

const MONTH_NAME =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const ORD = '(?:st|nd|rd|th)?';
const HAN_MONTH = '(十[一二]?|[一二三四五六七八九])';

// Each pattern reads a date into its parts; they run in this order and a later one never reads
// what an earlier one did.
const DATES: { re: RegExp; parts: (m: RegExpExecArray) => DateParts }[] = [
  {
    re: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]?/gu,
    parts: (m) => ({ y: m[1], m: m[2], d: m[3] }),
  },
  { re: /(\d{4})-(\d{2})-(\d{2})\b/gu, parts: (m) => ({ y: m[1], m: m[2], d: m[3] }) },
  {
    re: new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH_NAME})(?:,?\\s+(\\d{4}))?`, 'gu'),
    parts: (m) => ({ d: m[1], m: m[2], y: m[3] }),
  },
  {
    re: new RegExp(`(${MONTH_NAME})\\s+(\\d{1,2})${ORD}(?!\\d)(?:,?\\s+(\\d{4}))?`, 'gu'),
    parts: (m) => ({ m: m[1], d: m[2], y: m[3] }),
  },
  { re: new RegExp(`(${MONTH_NAME})\\s+(\\d{4})`, 'gu'), parts: (m) => ({ m: m[1], y: m[2] }) },
  { re: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]/gu, parts: (m) => ({ y: m[1], m: m[2] }) },
  { re: /(?<![\d.])(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]/gu, parts: (m) => ({ m: m[1], d: m[2] }) },
  {
    re: new RegExp(`${HAN_MONTH}月(?:份)?(?:\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日号號])?`, 'gu'),
    parts: (m) => ({ m: m[1], d: m[2] }),
  },
  { re: /(?<![\d.])(\d{1,2})\s*[月월]/gu, parts: (m) => ({ m: m[1] }) },
  // A month name alone; `May` only where it is a month (in May, since May: not Theresa May).
  {
    re: /\b(January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)|(?<=\b(?:in|of|since|until|by|from|early|late|mid|last|next|this) )(May)\b/gu,
    parts: (m) => ({ m: m[1] ?? m[2] }),
  },
];
// A day alone (지난달 12일, 24日) answers `June 12` but is no value of its own: 3일 is as often
// three days, or the date a Korean report gives for "Thursday".
const DAY_ALONE = /(?<![\d.])(\d{1,2})\s*[日일号號]/gu;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const HAN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

// Not values: times, decades, centuries, ages by decade (10대).
const SKIPPED = [
  /\b\d{1,2}\.\d{2}\s*[ap]\.?m\b\.?/giu,
  /\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?/giu,
  /(?:오전|오후|上午|下午|凌晨|晚上)\s*\d{1,2}[.:：]\d{2}/gu,
  /(?<![\d.])\d{1,2}\s*시(?!간)(?:\s*\d{1,2}\s*분)?/gu,
  /\d{1,2}\s*[点點时時](?:\s*\d{1,2}\s*分)?/gu,
  /\b\d{1,2}\s*[ap]\.m\./giu,
  /\d+\s*分\s*\d+\s*秒|\d+\s*분\s*\d+\s*초/gu,
  /'\d0s\b/gu,
  /\d+\s*(?:世纪|世紀|세기)/gu,
  /\b\d{1,2}(?:st|nd|rd|th)?[- ]century\b/giu,
];

// `£125m`, `$3k`: a money amount's short scale.
const MONEY_SCALE = /^(m|k|b)\b/iu;
const MONEY_SCALES: Record<string, number> = { m: 1e6, k: 1e3, b: 1e9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 십: 10, 百: 100, 백: 100, 千: 1e3, 천: 1e3 };
const BIG_UNITS: Record<string, number> = {
  万: 1e4,
  萬: 1e4,
  만: 1e4,
  亿: 1e8,
  億: 1e8,
  억: 1e8,
  兆: 1e12,
  조: 1e12,
};
// One group of a CJK amount: digits, then a small unit and/or big units (4천, 2백만, 1.5万亿, 3억).
// `550多万`, `3천여만`: "more than" between the digits and the unit.
const CJK_GROUP =
  /^ ?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: ?([十십百백千천]))?[多余餘여]?(?: ?([万萬만亿億억兆조]+))?/u;

/** Full-width digits and separators as ASCII: same length, so offsets stay. */
function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0c\uff0e]/gu, (ch) =>
    String.fromCharCode((ch.codePointAt(0) ?? 0) - 0xfee0),
  );
}

function monthOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/u.test(text)) return Number(text);
  const han = HAN_MONTHS.indexOf(text);
  if (han >= 0) return han + 1;
  const i = MONTHS.indexOf(text.slice(0, 3).toLowerCase());
  if (i >= 0) return i + 1;
  return hanNumeral(text);
}

/**
 * A CJK amount from `start` (digits with a unit), with its end, or undefined. Small units add up
 * within a section that the next big unit multiplies: 1억 4천 2백만 = 1억 + (4천 + 2백)만.
 */
function cjkAmount(text: string, start: number): { value: number; end: number } | undefined {
  let total = 0;
  let section = 0;
  let end = start;
  let lastBig = Infinity;
  let units = false;
  for (let m = CJK_GROUP.exec(text.slice(end)); m; m = CJK_GROUP.exec(text.slice(end))) {
    // Groups follow each other directly or after one space: 3억 5천만, 1억1천만.
    if (m[0].startsWith(' ') && end === start) break;
    const n = Number((m[1] ?? '').replaceAll(',', ''));
    let big = 1;
    for (const ch of m[3] ?? '') big *= BIG_UNITS[ch] ?? 1;
    if (m[3] && big >= lastBig) break;
    const small = m[2] ? (SMALL_UNITS[m[2]] ?? 1) : 1;
    end += m[0].length;
    if (m[3]) {
      total += (section + n * small) * big;
      section = 0;
      lastBig = big;
      units = true;
    } else if (m[2]) {
      section += n * small;
      units = true;
    } else {
      // Digits with no unit end the amount (37만 5,000), or are no CJK amount at all.
      if (!units) return undefined;
      section += n;
      break;
    }
  }
  return units ? { value: total + section, end } : undefined;
}

function takeAll(text: string, taken: boolean[], re: RegExp): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) taken.fill(true, m.index, m.index + m[0].length);
}

/**
 * The texts asked for lately and their numbers: a release set is checked again at every edit of
 * its translation (the language server), and its source's segments, and all but one of the
 * target's, are the same text each time. At most 4 M characters of text are kept; the oldest go
 * first.
 */
const recent = new RecentMap<string, readonly NumberMention[]>({
  weight: 4_000_000,
  weigh: (text) => text.length,
});

/** Every number and date of `text`, in text order (the same array for the same text: never change it). */
export function numbersOf(text: string): readonly NumberMention[] {
  const known = recent.get(text);
  if (known) return known;
  const found = readNumbers(text);
  recent.set(text, found);
  return found;
}

function readNumbers(input: string): NumberMention[] {
  const text = asciiDigits(input);
  const taken: boolean[] = new Array(text.length).fill(false);
  const out: NumberMention[] = [];
  for (const re of SKIPPED) takeAll(text, taken, re);
  for (const { re, parts } of DATES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(taken, start, end)) continue;
      const p = parts(m);
      const value: NumberValue = { kind: 'date' };
      if (p.y !== undefined) value.y = Number(p.y);
      const month = monthOf(p.m);
      if (month !== undefined) value.m = month;
      const day = p.d === undefined ? undefined : /^\d+$/u.test(p.d) ? Number(p.d) : hanNumeral(p.d);
      if (day !== undefined) value.d = day;
      taken.fill(true, start, end);
      out.push({ start, end, value });
    }
  }
  DAY_ALONE.lastIndex = 0;
  for (let m = DAY_ALONE.exec(text); m; m = DAY_ALONE.exec(text)) {
    const end = m.index + m[0].length;
    if (!free(taken, m.index, end)) continue;
    taken.fill(true, m.index, end);
    out.push({ start: m.index, end, value: { kind: 'date', d: Number(m[1]) }, soft: true });
  }
  readDecades(text, taken, out);
  readDigits(text, taken, out);
  readWords(text, taken, out);
  return out.sort((a, b) => a.start - b.start);
}

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/gu;

function readDigits(text: string, taken: boolean[], out: NumberMention[]): void {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const start = m.index;
    if (taken[start]) continue;
    let end = start + m[0].length;
    let value = Number(`${(m[1] ?? '').replaceAll(',', '')}${m[2] === undefined ? '' : `.${m[2]}`}`);
    const rest = text.slice(end);
    const word = SCALE.exec(rest);
    const money = /[$£€¥₩]$/u.test(text.slice(0, start)) ? MONEY_SCALE.exec(rest) : null;
    const cjk = cjkAmount(text, start);
    if (cjk) {
      value = cjk.value;
      end = cjk.end;
    } else if (word?.[1]) {
      value *= SCALE_WORDS[word[1].toLowerCase()] ?? 1;
      end += word[0].length;
    } else if (money?.[1]) {
      value *= MONEY_SCALES[money[1].toLowerCase()] ?? 1;
      end += money[0].length;
    } else if (inWord(text, start, end) || (m[2] === undefined && (m[1] ?? '').length === 1)) continue;
    taken.fill(true, start, end);
    NUMBER.lastIndex = end;
    out.push({ start, end, value: { kind: 'amount', value } });
  }
}

// Digits after a Latin letter are part of a name (G20, MP3), and so is one digit before one (5G,
// 3D); more digits before letters are a value with its unit (7000t, 100km, 24th).
function inWord(text: string, start: number, end: number): boolean {
  if (/[A-Za-z]/u.test(text[start - 1] ?? '')) return true;
  return end - start === 1 && /^[A-Za-z]/u.test(text.slice(end, end + 1));
}

/** Whether two values can be the same: amounts equal, dates equal in every part both give. */
export function sameValue(a: NumberValue, b: NumberValue): boolean {
  if (a.kind === 'amount' && b.kind === 'amount') {
    return Math.abs(a.value - b.value) <= Math.abs(a.value) * 1e-9;
  }
  if (a.kind === 'date' && b.kind === 'date') {
    for (const part of ['y', 'm', 'd'] as const) {
      const x = a[part];
      const y = b[part];
      if (x !== undefined && y !== undefined && x !== y) return false;
    }
    return true;
  }
  // A year read as a number on one side may be a date's year on the other (2025年 / 2025), and a
  // day alone a number (17号 / 17th).
  const amount = a.kind === 'amount' ? a : b.kind === 'amount' ? b : undefined;
  const date = a.kind === 'date' ? a : b.kind === 'date' ? b : undefined;
  if (amount === undefined || date === undefined) return false;
  if (date.y === amount.value && date.m === undefined) return true;
  return date.y === undefined && date.m === undefined && date.d === amount.value;
}

/** A value as text for messages: `300000000`, `2025-06-24`, `06-24`. */
export function valueText(v: NumberValue): string {
  if (v.kind === 'amount') return String(Number(v.value.toPrecision(15)));
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return [v.y === undefined ? '' : String(v.y), pad(v.m), pad(v.d)].filter((p) => p !== '').join('-');
}

// The numbers, amounts and dates of a prose string, as values a translation must keep: digits with
// their scale in every language (3억 = 300 million, 1.5万亿 = 1.5 trillion, 1억1천만 = 110 million)
// and dates with the parts they give (2025年6月24日 = 2025년 6월 24일 = 24 June 2025 = June 24,
// 2025). Numbers written in words (two, 三, 둘) are not read, so a bare integer below 10, which
// translations often spell out, is not a value either; nor are digits inside a word (G20, 5G,
// COVID-19's 19 stays, since a hyphen ends a word).

export type NumberValue =
  | { kind: 'amount'; value: number }
  | { kind: 'date'; y?: number; m?: number; d?: number };

export interface NumberMention {
  /** Prose range. */
  start: number;
  end: number;
  value: NumberValue;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_NAME =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const ORD = '(?:st|nd|rd|th)?';

// Each pattern reads a date into its parts; they run in this order and a later one never reads
// what an earlier one did.
const DATES: {
  re: RegExp;
  parts: (m: RegExpExecArray) => { y?: string | undefined; m?: string | undefined; d?: string | undefined };
}[] = [
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
  { re: /(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]/gu, parts: (m) => ({ m: m[1], d: m[2] }) },
  { re: /(\d{1,2})\s*[月월](?![\p{L}])/gu, parts: (m) => ({ m: m[1] }) },
  // A month name alone (not the modal `may`, nor `May` with no day or year).
  {
    re: /\b(January|February|March|April|June|July|August|September|October|November|December)\b/gu,
    parts: (m) => ({ m: m[1] }),
  },
];

const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const CJK_UNITS: Record<string, number> = {
  十: 10,
  백: 100,
  百: 100,
  천: 1e3,
  千: 1e3,
  만: 1e4,
  万: 1e4,
  萬: 1e4,
  억: 1e8,
  亿: 1e8,
  億: 1e8,
  조: 1e12,
  兆: 1e12,
};

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/gu;
const SCALE = /^\s?(thousand|million|billion|trillion|mn|bn|tn)\b/iu;
const CJK_SCALE = /^[十백百천千만万萬억亿億조兆]+/u;
// A CJK group may go on with the next one: 1억1천만, 3억 5천만, 12조3천억.
const NEXT_GROUP = /^ ?(\d+(?:\.\d+)?)([十백百천千만万萬억亿億조兆]+)/u;

/** Full-width digits and separators as ASCII: same length, so offsets stay. */
function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0c\uff0e]/gu, (ch) =>
    String.fromCharCode((ch.codePointAt(0) ?? 0) - 0xfee0),
  );
}

function monthOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/u.test(text)) return Number(text);
  const i = MONTHS.indexOf(text.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return i < 0 ? undefined : i + 1;
}

function unitScale(units: string): number {
  let scale = 1;
  for (const ch of units) scale *= CJK_UNITS[ch] ?? 1;
  return scale;
}

/** Every number and date of `text`, in text order. */
export function numbersOf(input: string): NumberMention[] {
  const text = asciiDigits(input);
  const taken: boolean[] = new Array(text.length).fill(false);
  const out: NumberMention[] = [];
  for (const { re, parts } of DATES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      const p = parts(m);
      const value: NumberValue = { kind: 'date' };
      if (p.y !== undefined) value.y = Number(p.y);
      const month = monthOf(p.m);
      if (month !== undefined) value.m = month;
      if (p.d !== undefined) value.d = Number(p.d);
      taken.fill(true, start, end);
      out.push({ start, end, value });
    }
  }
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (taken[start] || inWord(text, start, end)) continue;
    const digits = (m[1] ?? '').replaceAll(',', '');
    let value = Number(m[2] === undefined ? digits : `${digits}.${m[2]}`);
    const rest = text.slice(end);
    const word = SCALE.exec(rest);
    const cjk = CJK_SCALE.exec(rest);
    if (word?.[1]) {
      value *= SCALE_WORDS[word[1].toLowerCase()] ?? 1;
      end += word[0].length;
    } else if (cjk) {
      value *= unitScale(cjk[0]);
      end += cjk[0].length;
      let last = unitScale(cjk[0]);
      for (let next = NEXT_GROUP.exec(text.slice(end)); next; next = NEXT_GROUP.exec(text.slice(end))) {
        const scale = unitScale(next[2] ?? '');
        if (scale >= last) break;
        value += Number(next[1]) * scale;
        last = scale;
        end += next[0].length;
      }
    } else if (m[2] === undefined && m[1] !== undefined && m[1].length === 1) continue;
    taken.fill(true, start, end);
    out.push({ start, end, value: { kind: 'amount', value } });
  }
  NUMBER.lastIndex = 0;
  return out.sort((a, b) => a.start - b.start);
}

// Digits glued to a Latin letter are part of a name (G20, 5G, MP3), except ordinal and plural
// endings (24th, 1990s).
function inWord(text: string, start: number, end: number): boolean {
  if (/[A-Za-z]/u.test(text[start - 1] ?? '')) return true;
  const after = text.slice(end, end + 3);
  if (/^(?:st|nd|rd|th|s)(?![A-Za-z])/u.test(after)) return false;
  return /^[A-Za-z]/u.test(after);
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
  // A year read as a number on one side may be a date's year on the other (2025年 / June 2025).
  const amount = a.kind === 'amount' ? a : b.kind === 'amount' ? b : undefined;
  const date = a.kind === 'date' ? a : b.kind === 'date' ? b : undefined;
  return amount !== undefined && date?.y === amount.value && date.m === undefined;
}

/** A value as text for messages: `300000000`, `2025-06-24`, `06-24`. */
export function valueText(v: NumberValue): string {
  if (v.kind === 'amount') return String(Number(v.value.toPrecision(15)));
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return [v.y === undefined ? '' : String(v.y), pad(v.m), pad(v.d)].filter((p) => p !== '').join('-');
}

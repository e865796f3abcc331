// What the number readers share: the mention shape, scale words, Chinese numerals.

export type NumberValue =
  | { kind: 'amount'; value: number }
  | { kind: 'date'; y?: number; m?: number; d?: number };

export interface NumberMention {
  /** Prose range. */
  start: number;
  end: number;
  value: NumberValue;
  /** Read from words: answers a value of the other side, never reported as lacking. */
  soft?: boolean;
}

export const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
export const SCALE = /^\s?(thousand|million|billion|trillion|mn|bn|tn)\b/iu;
/** A Chinese numeral below 10,000 (十四, 九十九, 百分之七十五's 七十五), or undefined. */
export function hanNumeral(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    const unit = { 十: 10, 百: 100, 千: 1000 }[ch];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else {
      if (digit !== undefined) return undefined;
      digit = HAN_DIGITS[ch];
    }
  }
  return total + (digit ?? 0);
}

const HAN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
export function free(taken: readonly boolean[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return false;
  return true;
}

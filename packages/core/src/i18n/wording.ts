// The wording offered to a document (a finding's `expected`) is in the document's language and
// script: a Korean draft is not offered English phrases, a Traditional one not Simplified ones.
import { isHanCodePoint, isHangulCodePoint, isLatinLetter } from '../lang/script.js';
import type { Locale } from './locale.js';
import { toTraditional } from './traditional.js';

function scriptOf(phrase: string): 'han' | 'hangul' | 'latin' | undefined {
  for (const ch of phrase) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isHangulCodePoint(cp)) return 'hangul';
    if (isHanCodePoint(cp)) return 'han';
    if (isLatinLetter(cp)) return 'latin';
  }
  return undefined;
}

const SCRIPT: Readonly<Record<Locale, 'han' | 'hangul' | 'latin'>> = {
  en: 'latin',
  'zh-Hans': 'han',
  'zh-Hant': 'han',
  ko: 'hangul',
};

/**
 * The phrases of `wording` written in the locale's script (Hangul for `ko`, Han for Chinese, Latin
 * for English), in Traditional characters for `zh-Hant`; none when the pack has none in it.
 */
export function wordingIn(wording: readonly string[], locale: Locale): readonly string[] {
  // A rule offers the same wording to each of its findings: a dense draft asks thousands of times.
  let byLocale = memo.get(wording);
  if (!byLocale) {
    byLocale = new Map();
    memo.set(wording, byLocale);
  }
  let out = byLocale.get(locale);
  if (!out) {
    const kept = wording.filter((phrase) => scriptOf(phrase) === SCRIPT[locale]);
    out = locale === 'zh-Hant' ? [...new Set(kept.map(toTraditional))] : kept;
    byLocale.set(locale, out);
  }
  return out;
}

const memo = new WeakMap<readonly string[], Map<Locale, readonly string[]>>();

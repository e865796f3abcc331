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
export function wordingIn(wording: readonly string[], locale: Locale): string[] {
  const kept = wording.filter((phrase) => scriptOf(phrase) === SCRIPT[locale]);
  return locale === 'zh-Hant' ? [...new Set(kept.map(toTraditional))] : kept;
}

// Finding messages: a template's placeholders filled with the terms, in the locale's way, and the
// same text made plain for surfaces that show text, not Markdown (terminals, the Problems panel,
// SARIF viewers, GitHub annotations).

import { particleAt, particleFor } from './ko-josa.js';
import type { Locale } from './locale.js';

/** How a term is quoted in plain text, per locale: what reads as a quoted word in that language. */
export const QUOTES: Readonly<Record<Locale, readonly [string, string]>> = {
  en: ['“', '”'],
  'zh-Hans': ['“', '”'],
  'zh-Hant': ['「', '」'],
  ko: ['‘', '’'],
};

const LIST_SEPARATOR: Readonly<Record<Locale, string>> = {
  en: ', ',
  'zh-Hans': '、',
  'zh-Hant': '、',
  ko: ', ',
};

const PLACEHOLDER = /\{(actual|expected)\}(`?)/g;

/**
 * A message template filled in: `{actual}` is the matched text, `{expected}` the preferred
 * wording (a list joined the locale's way, each item in its own code span when the template puts
 * the placeholder in one). In Korean, a particle written right after a placeholder takes the form
 * the inserted term's last syllable calls for (`{expected}`를 -> `务实外交`를, `한미`를, `한미동맹`을).
 */
export function fillMessage(
  template: string,
  actual: string,
  expected: readonly string[],
  locale: Locale,
): string {
  let out = '';
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const coded = m[2] === '`' && template[at - 1] === '`';
    const inserted =
      m[1] === 'actual'
        ? actual
        : expected.join(coded ? `\`${LIST_SEPARATOR[locale]}\`` : LIST_SEPARATOR[locale]);
    out += template.slice(from, at) + inserted + m[2];
    from = end;
    const written = locale === 'ko' ? particleAt(template, end) : undefined;
    if (written !== undefined) {
      const last = m[1] === 'actual' ? actual : (expected.at(-1) ?? '');
      out += particleFor(last, written);
      from = end + written.length;
    }
  }
  return out + template.slice(from);
}

/** Markdown code spans as quoted text in the locale's quotation marks: for plain-text surfaces. */
export function plainText(markdown: string, locale: Locale = 'en'): string {
  // An editor asks again for every finding at every keystroke, and findings repeat their messages.
  const known = plainTexts[locale];
  let plain = known.get(markdown);
  if (plain === undefined) {
    const [open, close] = QUOTES[locale];
    plain = markdown.replace(
      /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g,
      (_, _ticks: string, code: string) => `${open}${code.trim()}${close}`,
    );
    // Bounded: cleared when full (a cache, never a leak).
    if (known.size >= PLAIN_TEXTS_LIMIT) known.clear();
    known.set(markdown, plain);
  }
  return plain;
}

const PLAIN_TEXTS_LIMIT = 4096;
const plainTexts: Record<Locale, Map<string, string>> = {
  en: new Map(),
  'zh-Hans': new Map(),
  'zh-Hant': new Map(),
  ko: new Map(),
};

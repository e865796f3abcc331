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
  const { holes, tail } = templateOf(template, locale);
  let out = '';
  for (let k = 0; k < holes.length; k++) {
    const h = holes[k] as Hole;
    const inserted = h.actual
      ? actual
      : expected.join(h.coded ? `\`${LIST_SEPARATOR[locale]}\`` : LIST_SEPARATOR[locale]);
    out += h.before + inserted + h.tick;
    if (h.particle !== undefined) out += particleFor(h.actual ? actual : (expected.at(-1) ?? ''), h.particle);
  }
  return out + tail;
}

/** A placeholder of a template, with the text before it and what it is written with. */
interface Hole {
  before: string;
  actual: boolean;
  /** In a code span: a list is joined with a span per item. */
  coded: boolean;
  tick: string;
  /** A Korean particle written after it (ko only): replaced by the form the term calls for. */
  particle?: string;
}

/**
 * A template's placeholders, read once per template and locale: a draft's findings fill the same
 * few templates thousands of times.
 */
function templateOf(template: string, locale: Locale): { holes: Hole[]; tail: string } {
  const key = locale === 'ko' ? `ko\u0000${template}` : template;
  let parsed = templates.get(key);
  if (!parsed) {
    const holes: Hole[] = [];
    let from = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      const hole: Hole = {
        before: template.slice(from, at),
        actual: m[1] === 'actual',
        coded: m[2] === '`' && template[at - 1] === '`',
        tick: m[2] ?? '',
      };
      from = end;
      const written = locale === 'ko' ? particleAt(template, end) : undefined;
      if (written !== undefined) {
        hole.particle = written;
        from = end + written.length;
      }
      holes.push(hole);
    }
    parsed = { holes, tail: template.slice(from) };
    // Bounded: cleared when full (a cache, never a leak).
    if (templates.size >= PLAIN_TEXTS_LIMIT) templates.clear();
    templates.set(key, parsed);
  }
  return parsed;
}

const templates = new Map<string, { holes: Hole[]; tail: string }>();

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

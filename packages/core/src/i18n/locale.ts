// The four locales nuance speaks, and which one a document gets (issue: messages in the reader's
// language and script). A document's own language and script decide; a configured `locale`
// overrides; an editor's UI locale only fills in for a document whose language is unknown.
import { documentLanguageOf } from '../lang/document-script.js';

export const LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

const TRADITIONAL_TAG = /^zh-(?:tw|hk|mo|hant)(?:-|$)/i;
const SIMPLIFIED_TAG = /^zh-(?:cn|sg|my|hans)(?:-|$)/i;

/**
 * The locale a BCP 47 tag names: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant...` are Traditional,
 * `zh-CN`, `zh-SG` and `zh-Hans...` Simplified; bare `zh` says no script (undefined script, so the
 * caller reads the text). Undefined for a language nuance has no texts in.
 */
export function localeOfTag(tag: string): Locale | 'zh' | undefined {
  const t = tag.toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'ko' || t.startsWith('ko-')) return 'ko';
  if (TRADITIONAL_TAG.test(t)) return 'zh-Hant';
  if (SIMPLIFIED_TAG.test(t)) return 'zh-Hans';
  if (t === 'zh' || t.startsWith('zh-')) return 'zh';
  return undefined;
}

/** Whether `text` is one of the four locale names, exactly as written (`zh-Hant`). */
export function isLocale(text: string): text is Locale {
  return (LOCALES as readonly string[]).includes(text);
}

export interface LocaleInput {
  /** A configured locale (`--locale`, config `locale`): wins over everything. */
  override?: string | undefined;
  /** The document's own language tag (front matter, file name, config `lang`). */
  lang?: string | undefined;
  /** The whole document text, read when its language is not given. */
  text: string;
  /** `documentLanguageOf(text)`, when the caller can tell it without reading the whole text. */
  textLanguage?: (() => 'ko' | 'zh' | 'en' | undefined) | undefined;
  /** Whether the document's Chinese reads as Traditional (see DocContext.inScript). */
  traditional: () => boolean;
  /** The editor's UI locale: only for a document whose language is unknown. */
  fallback?: string | undefined;
}

/** The locale of a document's messages, notes and readings. */
export function documentLocale(input: LocaleInput): Locale {
  const chinese = (): Locale => (input.traditional() ? 'zh-Hant' : 'zh-Hans');
  const resolve = (tag: string | undefined): Locale | undefined => {
    const locale = tag === undefined ? undefined : localeOfTag(tag);
    return locale === 'zh' ? chinese() : locale;
  };
  const fixed = resolve(input.override) ?? resolve(input.lang);
  if (fixed !== undefined) return fixed;
  const detected = input.textLanguage ? input.textLanguage() : documentLanguageOf(input.text);
  if (detected === 'zh') return chinese();
  if (detected !== undefined) return detected;
  return resolve(input.fallback) ?? 'en';
}

// A rule's texts in the other locales (English is the pack's own), and the lookup with the
// fallback: a text a locale lacks is the English one.
import { LOCALES, type Locale } from './locale.js';

/** The texts of a rule in one locale; each may be missing (then the English one is used). */
export interface RuleTexts {
  description?: string;
  message?: string;
  /** A caution's escalated message. */
  escalate?: string;
  note?: string;
  /** The readings, by the same audience tags as the English ones. */
  audiences?: Record<string, string>;
}

/** A rule's texts by locale other than English. */
export type RuleLocales = Partial<Record<Exclude<Locale, 'en'>, RuleTexts>>;

/** What a rule says in English: the fields a locale translates. */
export interface EnglishTexts {
  description?: string;
  message: string;
  escalate?: string;
  note?: string;
  audiences?: Record<string, string>;
  locales?: RuleLocales;
}

/** The texts of `rule` in `locale`, each falling back to English; readings merged per audience tag. */
export function textsIn(
  rule: EnglishTexts,
  locale: Locale,
): Required<Pick<RuleTexts, 'message'>> & RuleTexts {
  const own = locale === 'en' ? undefined : rule.locales?.[locale];
  const out: Required<Pick<RuleTexts, 'message'>> & RuleTexts = { message: own?.message ?? rule.message };
  const description = own?.description ?? rule.description;
  if (description !== undefined) out.description = description;
  const escalate = own?.escalate ?? rule.escalate;
  if (escalate !== undefined) out.escalate = escalate;
  const note = own?.note ?? rule.note;
  if (note !== undefined) out.note = note;
  if (rule.audiences !== undefined) {
    out.audiences = Object.fromEntries(
      Object.entries(rule.audiences).map(([tag, reading]) => [tag, own?.audiences?.[tag] ?? reading]),
    );
  }
  return out;
}

/**
 * What each locale lacks of a rule's texts: `zh-Hant: note, audiences.ko`. Empty when every text
 * the rule has in English is in every locale.
 */
export function missingTexts(rule: EnglishTexts): { locale: Locale; fields: string[] }[] {
  const out: { locale: Locale; fields: string[] }[] = [];
  for (const locale of LOCALES) {
    if (locale === 'en') continue;
    const own = rule.locales?.[locale];
    const fields: string[] = [];
    for (const key of ['description', 'message', 'escalate', 'note'] as const) {
      if (rule[key] !== undefined && own?.[key] === undefined) fields.push(key);
    }
    for (const tag of Object.keys(rule.audiences ?? {})) {
      if (own?.audiences?.[tag] === undefined) fields.push(`audiences.${tag}`);
    }
    if (fields.length > 0) out.push({ locale, fields });
  }
  return out;
}

import { LOCALES, missingTexts, type ParsedPack } from '@nuance/core';

/**
 * What `nuance rules test` says about a pack's translations: each rule's texts a locale lacks
 * (shown in English there), or that the pack has no locale files at all. Empty when every text is
 * in every locale. Reported, not failed: a missing translation falls back to English.
 */
export function formatMissingTexts(pack: ParsedPack): string {
  const { definition } = pack;
  if (!definition.locales) {
    const others = LOCALES.filter((l) => l !== 'en').join(', ');
    return `ℹ ${definition.pack}: no locale files (\`locales\`), so its texts are English in ${others}\n`;
  }
  let out = '';
  for (const rule of definition.rules) {
    const { escalate: _, ...base } = rule as typeof rule & { escalate?: { message: string } };
    const escalate = 'escalate' in rule ? rule.escalate?.message : undefined;
    for (const { locale, fields } of missingTexts(escalate === undefined ? base : { ...base, escalate })) {
      out += `ℹ ${rule.id}  no ${locale} text for ${fields.join(', ')} (English is shown)\n`;
    }
  }
  return out;
}

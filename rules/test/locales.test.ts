// The machine check over every pack text in every locale (issue 16): Traditional texts hold no
// Simplified-only character, Simplified texts no Traditional-only one, every Korean placeholder is
// followed by a particle the renderer can fit to the inserted term, a translation keeps the
// placeholders of the English, and no built-in pack lacks a text in any locale.
import { createRequire } from 'node:module';
import {
  applyPackLocale,
  fillMessage,
  LOCALES,
  type Locale,
  missingTexts,
  type ParsedPack,
  parsePack,
  particleFits,
  textsIn,
} from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../src/index.js';

const OpenCC = createRequire(import.meta.url)('opencc-js') as {
  Converter(options: { from: string; to: string }): (text: string) => string;
};
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * The characters of `text` whose form in the other script differs, each converted alone: the
 * character tables decide, not the phrase tables (which would turn a reviewed 聲明了 into 聲明瞭).
 */
function charactersChangedBy(convert: (text: string) => string, text: string): string[] {
  return [...new Set([...text].filter((ch) => convert(ch) !== ch))];
}

/** Code spans quote wording as written (a Hanja gloss `실용외교(實用外交)`): not the text's script. */
const prose = (text: string) => text.replace(/`[^`\n]*`/g, '');

interface Text {
  where: string;
  locale: Locale;
  text: string;
}

function loadedPacks(): ParsedPack[] {
  return builtinPacks.map((entry) => {
    const { pack, problems } = parsePack(entry.text, entry.file);
    expect(problems).toEqual([]);
    if (!pack) throw new Error(`${entry.name} did not parse`);
    for (const [locale, source] of Object.entries(entry.locales ?? {})) {
      expect(applyPackLocale(pack, locale as Exclude<Locale, 'en'>, source)).toEqual([]);
    }
    return pack;
  });
}

const packs = loadedPacks();

function englishOf(rule: ParsedPack['definition']['rules'][number]) {
  const escalate = 'escalate' in rule ? rule.escalate?.message : undefined;
  return escalate === undefined ? rule : { ...rule, escalate };
}

/** Every text of every rule in every locale, as shown there (falling back to English). */
function allTexts(): Text[] {
  const out: Text[] = [];
  for (const pack of packs) {
    for (const rule of pack.definition.rules) {
      for (const locale of LOCALES) {
        const texts = textsIn(englishOf(rule), locale);
        for (const key of ['description', 'message', 'escalate', 'note'] as const) {
          const text = texts[key];
          if (text !== undefined) out.push({ where: `${rule.id} ${key}`, locale, text });
        }
        for (const [tag, text] of Object.entries(texts.audiences ?? {})) {
          out.push({ where: `${rule.id} audiences.${tag}`, locale, text });
        }
      }
    }
  }
  return out;
}

const texts = allTexts();
const inLocale = (locale: Locale) => texts.filter((t) => t.locale === locale);

describe('the built-in packs in every locale', () => {
  it('have every text in every locale (rules test reports none missing)', () => {
    for (const pack of packs) {
      for (const rule of pack.definition.rules)
        expect([rule.id, missingTexts(englishOf(rule))]).toEqual([rule.id, []]);
    }
  });

  it('write zh-Hant texts in Traditional characters only', () => {
    const texts = inLocale('zh-Hant');
    expect(texts.length).toBeGreaterThan(50);
    const simplified = texts
      .map((t) => [t.where, charactersChangedBy(toTraditional, prose(t.text)).join('')])
      .filter(([, chars]) => chars !== '');
    expect(simplified).toEqual([]);
    // The check can fail: a Simplified character in a Traditional text is found.
    expect(charactersChangedBy(toTraditional, '韓國奉行实用外交')).toEqual(['实']);
  });

  it('write zh-Hans texts in Simplified characters only', () => {
    const texts = inLocale('zh-Hans');
    expect(texts.length).toBeGreaterThan(50);
    const traditional = texts
      .map((t) => [t.where, charactersChangedBy(toSimplified, prose(t.text)).join('')])
      .filter(([, chars]) => chars !== '');
    expect(traditional).toEqual([]);
    expect(charactersChangedBy(toSimplified, '韩国奉行實用外交')).toEqual(['實']);
  });

  it('follow every Korean placeholder with a particle the inserted term takes', () => {
    const bad: string[] = [];
    for (const t of inLocale('ko')) {
      for (const m of t.text.matchAll(/\{(?:actual|expected)\}`?/g)) {
        if (!particleFits(t.text, (m.index ?? 0) + m[0].length)) bad.push(`${t.where}: ${t.text}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keep the placeholders of the English in every translated message', () => {
    const placeholders = (text: string) => [...new Set(text.match(/\{(?:actual|expected)\}/g) ?? [])].sort();
    for (const pack of packs) {
      for (const rule of pack.definition.rules) {
        const english = englishOf(rule);
        for (const locale of LOCALES) {
          const texts = textsIn(english, locale);
          expect([rule.id, locale, placeholders(texts.message)]).toEqual([
            rule.id,
            locale,
            placeholders(english.message),
          ]);
        }
      }
    }
  });

  it('give Korean messages the particle of each inserted term', () => {
    const rule = packs[0]?.definition.rules.find((r) => r.id === 'korea-china/rok-first-order');
    if (!rule) throw new Error('korea-china/rok-first-order is missing');
    const template = textsIn(rule, 'ko').message;
    // 미한 ends in ㄴ (이), 미·한 too; a term ending in a vowel takes 가.
    expect(fillMessage(template, '미한', ['한미'], 'ko')).toContain('`미한`이 아니라 `한미`');
    expect(fillMessage(template, '미일한', ['한미일'], 'ko')).toContain('`미일한`이 아니라');
    expect(fillMessage(template, 'US-ROK', ['ROK-US'], 'ko')).toContain('`US-ROK`이(가) 아니라');
  });
});

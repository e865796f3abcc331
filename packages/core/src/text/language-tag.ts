// BCP 47 language tags, decided once: the shape a tag must have (config, packs, front matter,
// `--lang`, `--audience`), and which readings an audience keeps.

/** A loose BCP 47 shape (language, then subtags): enough to catch typos such as `zh_CN`. As a
 *  source string so a caller can embed it in a larger pattern (front matter `lang:`). */
export const LANGUAGE_TAG_SOURCE = '[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*';

const WHOLE_TAG = new RegExp(`^${LANGUAGE_TAG_SOURCE}$`);

export function isLanguageTag(text: string): boolean {
  return WHOLE_TAG.test(text);
}

const HANT_REGIONS = new Set(['tw', 'hk', 'mo']);
const HANS_REGIONS = new Set(['cn', 'sg', 'my']);

/**
 * The Chinese script a tag names: its script subtag (`zh-Hant`, `zh-Hans-CN`), else for Chinese
 * its region (`zh-TW`, `zh-HK`, `zh-MO` Traditional; `zh-CN`, `zh-SG`, `zh-MY` Simplified).
 */
export function scriptOfTag(tag: string): 'hans' | 'hant' | undefined {
  // A pack has a handful of tags and may have tens of thousands of terms.
  if (scriptCache.has(tag)) return scriptCache.get(tag);
  const script = tagScript(tag);
  if (scriptCache.size < 1000) scriptCache.set(tag, script);
  return script;
}

const scriptCache = new Map<string, 'hans' | 'hant' | undefined>();

function tagScript(tag: string): 'hans' | 'hant' | undefined {
  const [language, ...subtags] = tag.toLowerCase().split('-');
  if (subtags.includes('hant')) return 'hant';
  if (subtags.includes('hans')) return 'hans';
  if (language !== 'zh') return undefined;
  if (subtags.some((s) => HANT_REGIONS.has(s))) return 'hant';
  if (subtags.some((s) => HANS_REGIONS.has(s))) return 'hans';
  return undefined;
}

/** Whether `tag` is one of `wanted` by prefix, either way: `zh` matches `zh-CN`, `zh-CN` matches `zh`. */
export function audienceMatches(tag: string, wanted: readonly string[]): boolean {
  const t = tag.toLowerCase();
  return wanted.some((w) => {
    const x = w.toLowerCase();
    return t === x || t.startsWith(`${x}-`) || x.startsWith(`${t}-`);
  });
}

/** The readings `wanted` audiences keep. */
export function readingsFor(
  audiences: Record<string, string>,
  wanted: readonly string[],
): Record<string, string> {
  return Object.fromEntries(Object.entries(audiences).filter(([tag]) => audienceMatches(tag, wanted)));
}

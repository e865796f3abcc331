import { describe, expect, it } from 'vitest';
import { audienceMatches, isLanguageTag, readingsFor } from '../src/index.js';

describe('language tags', () => {
  it('accepts the BCP 47 shape and rejects common typos', () => {
    for (const tag of ['en', 'zh', 'zh-Hant', 'ko-KR', 'zh-Hant-TW', 'yue'])
      expect(isLanguageTag(tag)).toBe(true);
    for (const tag of ['zh_CN', 'e', 'chinese', 'zh-', '', 'zh-Hant-TWabcdefgh'])
      expect(isLanguageTag(tag)).toBe(false);
  });

  it('matches an audience by prefix either way, ignoring case', () => {
    expect(audienceMatches('zh-CN', ['zh'])).toBe(true);
    expect(audienceMatches('zh', ['zh-CN'])).toBe(true);
    expect(audienceMatches('ZH-cn', ['zh-CN'])).toBe(true);
    expect(audienceMatches('zh-TW', ['zh-CN'])).toBe(false);
    expect(audienceMatches('zhx', ['zh'])).toBe(false);
    expect(readingsFor({ zh: 'a', ko: 'b', 'zh-TW': 'c' }, ['zh-TW'])).toEqual({ zh: 'a', 'zh-TW': 'c' });
  });
});

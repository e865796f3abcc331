// The load-time check of pack patterns (src/pack/pattern-safety.ts): a pattern is accepted only
// when its work at one position is bounded, so no text makes a search exponential or polynomial.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { forEachPatternMatch } from '../src/engine/patterns.js';
import { checkPatternSafety, MAX_STEPS } from '../src/pack/pattern-safety.js';

const reasonOf = (pattern: string): string | undefined => {
  const result = checkPatternSafety(pattern);
  if (result.ok) return undefined;
  expect(result.code).toBe('unsafe-pattern');
  return result.message.replace(`Pattern \`${pattern}\` may backtrack too much: `, '');
};

describe('checkPatternSafety', () => {
  test.each([
    'peripheral\\s+diplomacy',
    'strategic (?:cooperative )?partner(?:ship)?',
    '(a|b)*',
    '(ab)+',
    '(?:x|y)?',
    '(?:a+)?',
    '(\\d|x)+',
    '[(]+',
    '(?<n>x|y)+',
    'a{2,3}b*',
    '(?:very\\s+)+',
    '\\w{1,30} diplomacy',
    'x{1,100}y{1,100}',
    '(?<=韩国)实用',
    '\\p{Script=Han}{2,4}外交',
    '(?:a|a){1,8}',
  ])('accepts %s', (pattern) => {
    expect(checkPatternSafety(pattern)).toEqual({ ok: true });
  });

  test.each([
    // Exponential: the same text matched by two alternatives, in a repeat.
    ['((?:a|a))*b', 'repeats, without bound, a part that can match the same text in more than one way'],
    ['(a|a)*', 'repeats, without bound, a part that can match the same text in more than one way'],
    ['(a|ab)*c', 'repeats, without bound, a part that can match the same text in more than one way'],
    ['(\\w|_)+', 'repeats, without bound, a part that can match the same text in more than one way'],
    ['(|a)+', 'repeats, without bound, a part that can match the empty text'],
    ['(a+)+b', 'can give back characters that what follows it can also match'],
    ['(a*)*', 'can give back characters that what follows it can also match'],
    // Polynomial: a repeat next to what can match the same characters...
    ['\\s*\\s*x', 'repeats characters that a match can start with'],
    ['.*x.*y', 'can give back characters that what follows it can also match'],
    ['[a-z]+ing\\b', 'can give back characters that what follows it can also match'],
    // ... or a search that retries inside every run of what a repeat consumed.
    ['\\w+ diplomacy', 'repeats characters that a match can start with'],
    ['(a|b|c)+d', 'repeats characters that a match can start with'],
    ['[^。]+。', 'repeats characters that a match can start with'],
    ['(?=\\w+)x', 'repeats without bound inside a lookaround'],
    // Bounded, but too many ways at one position.
    ['(a?){20}', `it can try more than ${MAX_STEPS.toLocaleString('en-US')} steps at one position`],
    ['(?:a|a){1,9}', 'steps at one position'],
    ['a{0,4294967295}', 'steps at one position'],
    ['(a)\\1', 'backreference `\\1`'],
    ['(?<n>a)\\k<n>', 'backreference `\\k<n>`'],
  ])('rejects %s', (pattern, reason) => {
    expect(reasonOf(pattern)).toContain(reason);
  });

  test('a pattern that does not compile with the u flag is bad-pattern', () => {
    expect(checkPatternSafety('a{')).toEqual({
      ok: false,
      code: 'bad-pattern',
      message: 'Invalid regular expression `a{`: Incomplete quantifier',
    });
  });

  test('the pattern of the built-in korea-china pack is accepted', () => {
    const pack = parse(
      readFileSync(new URL('../../../rules/korea-china/pack.yaml', import.meta.url), 'utf8'),
    );
    const patterns: string[] = [];
    const collect = (value: unknown, inPatterns: boolean): void => {
      if (typeof value === 'string' && inPatterns) patterns.push(value);
      else if (Array.isArray(value)) for (const item of value) collect(item, inPatterns);
      else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) collect(item, inPatterns || /^patterns?$/.test(key));
      }
    };
    collect(pack, false);
    expect(patterns).toContain('中[国方]的?[^。！？；，、,韩双两彼尊维护]{1,6}核心利益');
    for (const pattern of patterns) expect(checkPatternSafety(pattern)).toEqual({ ok: true });
  });

  test('one pattern of 160 alternatives is checked at once (the old check took 14 s)', () => {
    const words = Array.from({ length: 160 }, (_, i) => `w${i.toString(36)}x`);
    expect(checkPatternSafety(`(?:${words.join('|')}) diplomacy`)).toEqual({ ok: true });
    expect(checkPatternSafety(`[\\p{Script=Han}\\w](?:${words.join('|')})`)).toEqual({ ok: true });
  });

  test('what it accepts runs over 30,000 units of the worst text for it, each position bounded', () => {
    // At the limit: every position tries all of its ways before failing.
    expect(checkPatternSafety('(?:a|a){1,7}b')).toEqual({ ok: true });
    expect(checkPatternSafety('(?:a|a){1,8}b')).not.toEqual({ ok: true });
    let found = 0;
    forEachPatternMatch(/(?:a|a){1,7}b/gu, 'a'.repeat(30_000), () => found++);
    expect(found).toBe(0);
  });
});

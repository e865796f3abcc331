// A term's language tag limits it to a script, and its matches are not folded across scripts
// (CLDR: Traditional 中美 is Central America, Simplified 中美 is China-US).
import { describe, expect, it } from 'vitest';
import { parsePackData } from '../src/index.js';
import { scriptOfTag } from '../src/text/language-tag.js';
import { crossesScript } from '../src/view/t2s.js';
import { lintText, rows, ruleSetFromYaml } from './helpers.js';

const PACK = `
pack: t
rules:
  - id: t/korea
    kind: term
    severity: warning
    message: "Use \`{expected}\` for \`{actual}\`"
    terms:
      zh-Hans: [韩国, {text: 南韩, status: deprecated}]
      zh-Hant: [韓國, {text: 南韓, status: deprecated}]
  - id: t/central-america
    kind: term
    severity: warning
    message: "\`{actual}\` is not the term"
    terms:
      zh-Hans: [中美洲]
      zh-Hant: [{text: 中美, status: deprecated, use: 中美洲}]
  - id: t/taiwan
    kind: term
    severity: warning
    message: "\`{actual}\`"
    terms:
      zh-TW: [{text: 台灣地區, status: deprecated, use: 臺灣}]
`;

const rs = ruleSetFromYaml(PACK);

describe('terms limited to a script by their language tag', () => {
  it('reads the script from the tag', () => {
    expect(['zh-Hant', 'zh-TW', 'zh-hk', 'zh-Hant-CN', 'zh-MO'].map(scriptOfTag)).toEqual(
      Array(5).fill('hant'),
    );
    expect(['zh-Hans', 'zh-CN', 'zh-SG', 'zh-Hans-TW'].map(scriptOfTag)).toEqual(Array(4).fill('hans'));
    expect(['zh', 'en', 'ko', 'en-TW', 'sr-Latn'].map(scriptOfTag)).toEqual(Array(5).fill(undefined));
  });

  it('applies a zh-Hans term to Simplified text and a zh-Hant term to Traditional text', () => {
    expect(rows(lintText('他访问了南韩和美国。', rs))).toEqual(['1:5-1:7 t/korea 南韩']);
    expect(lintText('他访问了南韩和美国。', rs)[0]?.expected).toEqual(['韩国']);
    expect(rows(lintText('他訪問了南韓和美國。', rs))).toEqual(['1:5-1:7 t/korea 南韓']);
    expect(lintText('他訪問了南韓和美國。', rs)[0]?.expected).toEqual(['韓國']);
  });

  it('does not fold a term across scripts', () => {
    // Traditional 南韓 quoted in a Simplified document: the zh-Hans term does not match 韓.
    expect(rows(lintText('这个词在台湾写作“南韓”，在大陆写作“韩国”。', rs))).toEqual([]);
    // Simplified 中美 (China-US) is not the Traditional 中美 (Central America).
    expect(rows(lintText('中美关系是世界上最重要的双边关系之一。', rs))).toEqual([]);
    expect(rows(lintText('他們訪問了中美的幾個國家。', rs))).toEqual(['1:6-1:8 t/central-america 中美']);
  });

  it('keeps a character the term itself writes although the table counts it in the other script', () => {
    expect(rows(lintText('臺灣與台灣地區的說法。', rs))).toEqual(['1:4-1:8 t/taiwan 台灣地區']);
    expect(crossesScript('台湾地区', 0, 4, '台灣地區', 'hant')).toBe(true);
    expect(crossesScript('台灣地區', 0, 4, '台灣地區', 'hant')).toBe(false);
  });
});

describe('parsePackData', () => {
  it('validates pack data as YAML and places problems with the caller', () => {
    const data = {
      pack: 'tb',
      rules: [
        { id: 'tb/ok', kind: 'term', severity: 'warning', message: 'm', terms: { en: ['ok'] } },
        { id: 'tb/bad', kind: 'term', severity: 'warning', message: 'm', terms: { en: ['a{b'] } },
      ],
    };
    const { pack, problems } = parsePackData(data, 'tb.tbx', {
      locate: (path) => ({ line: path.length, column: 1 }),
      locateInString: (path, index) => ({ line: 99, column: path.length + index }),
    });
    expect(pack?.definition.rules.map((r) => r.id)).toEqual(['tb/ok']);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      'tb.tbx:99:6 bad-phrase',
    ]);
  });
});

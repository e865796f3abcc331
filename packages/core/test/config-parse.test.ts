import { describe, expect, test } from 'vitest';
import { parseConfig } from '../src/pack/config.js';
import { configField, ruleSettingSchema } from '../src/pack/schema.js';

/**
 * `value` under `key` in a config reads as the key's schema reads it (`read` turns the schema's
 * output into the config's), with a problem exactly when the schema refuses it.
 */
function expectReadAsSchemaReads(
  key: Parameters<typeof configField>[0],
  value: unknown,
  read: (data: unknown) => unknown = (data) => data,
): void {
  const parsed = parseConfig(`${key}: ${JSON.stringify(value)}\n`, 'c.yaml');
  const schema = configField(key).safeParse(value);
  expect({
    key,
    value,
    read: parsed.config[key as keyof typeof parsed.config],
    problems: parsed.problems.length > 0,
  }).toEqual({
    key,
    value,
    read: schema.success ? read(schema.data) : undefined,
    problems: !schema.success,
  });
}

const summary = (problems: { code: string; line: number; column: number; message: string }[]) =>
  problems.map((p) => [p.code, p.line, p.column, p.message]);

describe('parseConfig', () => {
  test('every key', () => {
    const text = `packs: [korea-china, ./team-terms.yaml]
audience: [zh, ko-KR]
lang: en
rules:
  korea-china/mutual-respect: off
  korea-china/wushi-not-shiyong: warning
accept: ["strategic cooperative partnership of 2008"]
ignore: ["archive/**"]
`;
    const { config, problems } = parseConfig(text, '.nuancerc.yaml');
    expect(problems).toEqual([]);
    expect(config).toEqual({
      packs: ['korea-china', './team-terms.yaml'],
      audience: ['zh', 'ko-KR'],
      lang: 'en',
      rules: { 'korea-china/mutual-respect': 'off', 'korea-china/wushi-not-shiyong': 'warning' },
      accept: ['strategic cooperative partnership of 2008'],
      ignore: ['archive/**'],
    });
  });

  test('lists of names (packs, accept, ignore) read without their schemas as their schemas read them', () => {
    const lists = [
      ['korea-china'],
      ['./a.yaml', 'b', '전략적 동반자'],
      [],
      ['x', ''],
      ['', ''],
      [1],
      ['a', null],
    ];
    for (const key of ['packs', 'accept', 'ignore'] as const) {
      for (const list of lists) expectReadAsSchemaReads(key, list);
    }
  });

  test('single values and lists of them read without their schemas as their schemas read them', () => {
    // The keys a config most often has, read without building their schemas (zod) when their value
    // is valid: the same config and the same problems as the schemas give, for valid values and not.
    const values: unknown[] = [
      'en',
      'zh-Hant',
      'ko-KR',
      'EN',
      'zh_CN',
      'x',
      'en-',
      'toolongtag',
      'zh-Hant-TW-abcdefghi',
      'korea',
      'Korea',
      'rok-voice',
      'a-',
      '-a',
      'korea china',
      '',
      ' en',
      'off',
      'error',
      'warning',
      'info',
      'hint',
      'OFF',
      'loud',
      ['korea', 'china'],
      ['zh', 'ko'],
      [],
      ['korea', 5],
      ['Korea'],
      [''],
      ['en', null],
      5,
      true,
      { a: 1 },
      [['korea']],
    ];
    const keys = ['lang', 'voice', 'source-language', 'locale', 'topic', 'audience'] as const;
    // One value of `topic` or `audience` is read as a list of it.
    const asList = (key: string, v: unknown) =>
      (key === 'topic' || key === 'audience') && typeof v === 'string' ? [v] : v;
    for (const key of keys) {
      for (const value of values) expectReadAsSchemaReads(key, value, (data) => asList(key, data));
    }
    for (const setting of values) {
      const parsed = parseConfig(`rules:\n  a/b: ${JSON.stringify(setting)}\n`, 'c.yaml');
      const schema = ruleSettingSchema().safeParse(setting);
      expect({ setting, rules: parsed.config.rules, problems: parsed.problems.length }).toEqual({
        setting,
        rules: schema.success ? { 'a/b': schema.data } : {},
        problems: schema.success ? 0 : 1,
      });
    }
  });

  test('a single audience becomes a list', () => {
    expect(parseConfig('audience: zh\n', 'c.yaml').config).toEqual({ audience: ['zh'] });
  });

  test('a wrong type for one key drops that key only', () => {
    const text = 'packs: korea-china\nlang: en\nignore: [a, 5]\naudience: zh_CN\n';
    const { config, problems } = parseConfig(text, '.nuancerc.yaml');
    expect(config).toEqual({ lang: 'en' });
    expect(summary(problems)).toEqual([
      ['invalid-value', 1, 8, 'Unexpected value `korea-china` for `packs`, expected a list'],
      ['invalid-value', 3, 13, 'Unexpected value `5` for an item of `ignore`, expected a string'],
      [
        'invalid-value',
        4,
        11,
        'Unexpected value `zh_CN` for `audience`, expected a BCP 47 language tag such as `en`, `zh` or `zh-Hant`',
      ],
    ]);
    expect(problems[0]).toMatchObject({ file: '.nuancerc.yaml', severity: 'error' });
  });

  test('a bad rule setting drops that entry only', () => {
    const { config, problems } = parseConfig('rules:\n  a/b: off\n  a/c: loud\n  a/d: error\n', 'c.yaml');
    expect(config).toEqual({ rules: { 'a/b': 'off', 'a/d': 'error' } });
    expect(summary(problems)).toEqual([
      [
        'invalid-value',
        3,
        8,
        'Unexpected value `loud` for `a/c`, expected `error`, `warning`, `info`, `hint` or `off`',
      ],
    ]);
  });

  test('null values mean the default', () => {
    const { config, problems } = parseConfig(
      'packs: ~\naudience:\nlang: null\nrules:\naccept:\nignore:\n',
      'c.yaml',
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({});
  });

  test('an empty file is every default', () => {
    expect(parseConfig('', 'c.yaml')).toMatchObject({ config: {}, problems: [] });
    expect(parseConfig('# nothing\n', 'c.yaml')).toMatchObject({ config: {}, problems: [] });
  });

  test('an unknown key is a problem; the rest loads', () => {
    const { config, problems } = parseConfig('lang: ko\naudiences: zh\n', 'c.yaml');
    expect(config).toEqual({ lang: 'ko' });
    expect(summary(problems)).toEqual([['unknown-key', 2, 1, 'Unknown key `audiences`']]);
  });

  test('a document that is not a mapping', () => {
    expect(summary(parseConfig('- a\n', 'c.yaml').problems)).toEqual([
      ['invalid-value', 1, 1, 'Unexpected list for the document, expected a mapping'],
    ]);
  });

  test('YAML syntax errors are located; undamaged keys still load', () => {
    const { config, problems } = parseConfig('lang: en\npacks: [a, b\n', 'c.yaml');
    expect(config).toEqual({ lang: 'en' });
    expect(summary(problems)).toEqual([
      [
        'yaml-syntax',
        3,
        1,
        'Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ]);
  });

  test('locate finds a node by path, else its nearest ancestor', () => {
    const { locate } = parseConfig('lang: en\nrules:\n  a/b: off\n', 'c.yaml');
    expect(locate(['rules', 'a/b'])).toEqual({ line: 3, column: 8 });
    expect(locate(['rules', 'a/zz'])).toEqual({ line: 3, column: 3 });
    expect(locate(['lang'])).toEqual({ line: 1, column: 7 });
    expect(locate([])).toEqual({ line: 1, column: 1 });
  });
});

describe('parseConfig: a termbase with options in `packs`', () => {
  test('gives the path in `packs` and the options by path', () => {
    const text = `packs:
  - korea-china
  - path: cldr.tbx
    subjects: [territory, currency]
    key-terms: true
  - { path: glossary.csv }
`;
    const { config, problems } = parseConfig(text, '.nuancerc.yaml');
    expect(problems).toEqual([]);
    expect(config).toEqual({
      packs: ['korea-china', 'cldr.tbx', 'glossary.csv'],
      packOptions: {
        'cldr.tbx': { subjects: ['territory', 'currency'], 'key-terms': true },
        'glossary.csv': {},
      },
    });
  });

  test('a bad option is a positioned problem', () => {
    const text = `packs:
  - path: cldr.tbx
    subjects: territory
  - path: b.tbx
    subject: [territory]
  - path: c.tsv
    key-terms: yes
  - path: team.yaml
    subjects: [territory]
`;
    const { config, problems } = parseConfig(text, '.nuancerc.yaml');
    expect(summary(problems)).toEqual([
      ['invalid-value', 3, 15, 'Unexpected value `territory` for `subjects`, expected a list'],
      ['unknown-key', 5, 5, 'Unknown key `subject`'],
      ['invalid-value', 7, 16, 'Unexpected value `yes` for `key-terms`, expected `true` or `false`'],
    ]);
    expect(config).toEqual({});
  });

  test('options on a pack that is not a termbase', () => {
    const text = 'packs:\n  - path: team.yaml\n    subjects: [territory]\n';
    const { config, problems } = parseConfig(text, '.nuancerc.yaml');
    expect(summary(problems)).toEqual([
      [
        'invalid-value',
        2,
        11,
        'Unexpected value `team.yaml` for `path`, expected a termbase (`.tbx`, `.csv`, `.tsv`) for an entry with options',
      ],
    ]);
    expect(config).toEqual({ packs: ['team.yaml'] });
  });
});

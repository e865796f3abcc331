import { describe, expect, test } from 'vitest';
import { documentLanguage, documentTopic, formatOf } from '../src/index.js';

describe('formatOf', () => {
  test.each([
    ['draft.md', 'markdown'],
    ['notes/DRAFT.Markdown', 'markdown'],
    ['draft.txt', 'text'],
    ['draft.mdx', 'text'],
    [undefined, 'text'],
  ] as const)('%s is %s', (path, format) => {
    expect(formatOf(path)).toBe(format);
  });
});

describe('formatOf with an editor language id', () => {
  test.each([
    ['draft.md', 'plaintext', 'markdown'],
    ['draft.txt', 'markdown', 'text'],
    ['draft.rst', 'markdown', 'markdown'],
    ['draft.rst', 'plaintext', 'text'],
    [undefined, 'markdown', 'markdown'],
    [undefined, undefined, 'text'],
  ] as const)('%s as %s is %s', (path, languageId, format) => {
    expect(formatOf(path, languageId)).toBe(format);
  });
});

describe('documentLanguage', () => {
  test('front matter `lang:` wins over the file name and the option', () => {
    const text = '---\ntitle: x\nlang: "zh-Hant" # Taiwan\n---\n\nbody';
    expect(documentLanguage({ text, path: 'a.ko.md', lang: 'en' })).toBe('zh-Hant');
  });

  test('TOML front matter', () => {
    expect(documentLanguage({ text: "+++\nlang = 'ko'\n+++\n", path: 'a.md' })).toBe('ko');
  });

  test('CRLF front matter', () => {
    expect(documentLanguage({ text: '---\r\nlang: ko\r\n---\r\n', path: 'a.md' })).toBe('ko');
  });

  test('only front matter as remark reads it: closed by the same fence, at the very start', () => {
    expect(documentLanguage({ text: '---\rlang: ko\r---\r', path: 'a.md' })).toBe('ko');
    expect(documentLanguage({ text: '---\nlang: ko\n...\n', path: 'a.md' })).toBeUndefined();
    expect(documentLanguage({ text: '\n---\nlang: ko\n---\n', path: 'a.md' })).toBeUndefined();
  });

  test('front matter is not read in plain text', () => {
    expect(documentLanguage({ text: '---\nlang: ko\n---\n', path: 'a.txt', lang: 'en' })).toBe('en');
  });

  test('a .zh.md / .ko.md / .en.txt suffix, else the option, else undefined', () => {
    expect(documentLanguage({ text: 'x', path: 'press/release.zh.md', lang: 'en' })).toBe('zh');
    expect(documentLanguage({ text: 'x', path: 'release.ko.md' })).toBe('ko');
    expect(documentLanguage({ text: 'x', path: 'release.en.txt' })).toBe('en');
    expect(documentLanguage({ text: 'x', path: 'notes.old.md', lang: 'ko' })).toBe('ko');
    expect(documentLanguage({ text: '---\ntitle: x\n---\n', path: 'notes.md' })).toBeUndefined();
  });
});

describe('documentTopic', () => {
  test.each([
    ['---\ntopic: [korea, "china"] # both\n---\n', ['korea', 'china']],
    ["---\ntopic: 'korea'\n---\n", ['korea']],
    ['---\ntitle: x\ntopic:\n  - korea\n\n  - china\nlang: zh\n---\n', ['korea', 'china']],
    ['---\r\ntopic:\r\n- korea\r\nvoice: rok\r\n---\r\n', ['korea', 'rok-voice']],
    ['---\ntopic: [korea,\n  china]\n---\n', ['korea', 'china']],
    ['+++\ntopic = ["korea", \'china\']\nvoice = "rok"\n+++\n', ['korea', 'china', 'rok-voice']],
    ['+++\ntopic = "korea"\n+++\n', ['korea']],
    ['---\ntitle: no topic\n---\n', []],
    ['---\ntopic: [korea, not a name]\n---\n', ['korea']],
    ['Not front matter.\n\ntopic: [korea]\n', []],
  ])('%j declares %j', (text, topic) => {
    expect(documentTopic({ text, path: 'a.md' })).toEqual(topic);
  });

  test('the union of the front matter and the options, each once; plain text has no front matter', () => {
    const text = '---\ntopic: [korea]\nvoice: rok\n---\n';
    expect(documentTopic({ text, path: 'a.md', topic: ['china', 'korea'], voice: 'prc' })).toEqual([
      'korea',
      'rok-voice',
      'china',
      'prc-voice',
    ]);
    expect(documentTopic({ text, path: 'a.txt', topic: ['china'] })).toEqual(['china']);
  });
});

// parseImportedTermPack skips the schema for the term rules an importer built; it must give what
// the full validation (parsePackData) gives: the same definitions and the same positioned problems.
import { describe, expect, it } from 'vitest';
import {
  type ImportedTermPack,
  type PackDataLocator,
  parseImportedTermPack,
  parsePackData,
} from '../src/index.js';

const locator: PackDataLocator = {
  locate: (path) => ({ line: path.length, column: typeof path[1] === 'number' ? path[1] + 1 : 1 }),
  locateInString: (path, index) => ({ line: 90 + path.length, column: index + 1 }),
};

function rule(id: string, terms: ImportedTermPack['rules'][number]['terms'], note?: string) {
  return {
    id,
    kind: 'term' as const,
    severity: 'warning' as const,
    message: 'Use `{expected}` instead of `{actual}`',
    ...(note === undefined ? {} : { note }),
    source: `tb.tbx, concept ${id}`,
    terms,
  };
}

function both(data: ImportedTermPack) {
  const copy = structuredClone(data);
  return [parseImportedTermPack(data, 'tb.tbx', locator), parsePackData(copy, 'tb.tbx', locator)] as const;
}

describe('parseImportedTermPack', () => {
  it('defines valid rules exactly as the full validation does', () => {
    const data: ImportedTermPack = {
      pack: 'tb',
      description: 'Imported',
      rules: [
        rule(
          'tb/a',
          {
            en: [
              { text: 'peace', status: 'preferred' },
              { text: 'C++ \\[draft\\]', status: 'deprecated' },
            ],
          },
          'A note',
        ),
        rule('tb/b', {
          'zh-Hant': [{ text: '韓國', status: 'preferred' }],
          ko: [{ text: '한국', status: 'admitted' }],
        }),
      ],
    };
    const [fast, full] = both(data);
    expect(fast.problems).toEqual([]);
    expect(JSON.stringify(fast.pack?.definition)).toBe(JSON.stringify(full.pack?.definition));
  });

  it('gives the full validation its problems for what a file can get wrong', () => {
    const data: ImportedTermPack = {
      pack: 'tb',
      description: 'Imported',
      rules: [
        rule('tb/ok', { en: [{ text: 'ok', status: 'preferred' }] }),
        rule('tb/bad-tag', { 'english!': [{ text: 'x', status: 'preferred' }] }),
        rule('tb/bad-phrase', { en: [{ text: 'a{b', status: 'preferred' }] }),
        rule('tb/empty', { en: [{ text: '', status: 'preferred' }] }),
        rule('other/id', { en: [{ text: 'y', status: 'preferred' }] }),
        { ...rule('tb/placeholder', { en: [{ text: 'z', status: 'preferred' }] }), message: 'Use {nope}' },
      ],
    };
    const [fast, full] = both(data);
    expect(fast.pack?.definition.rules.map((r) => r.id)).toEqual(['tb/ok']);
    expect(fast.problems.map((p) => p.code).sort()).toEqual([
      'bad-phrase',
      'invalid-value',
      'invalid-value',
      'invalid-value',
      'invalid-value',
    ]);
    expect(fast.problems).toEqual(full.problems);
    expect(JSON.stringify(fast.pack?.definition)).toBe(JSON.stringify(full.pack?.definition));
  });

  it('takes a term for plain text exactly as the full validation does, whitespace and syntax characters included', () => {
    // Every unit below U+0300 (ASCII spaces, controls, the phrase syntax), and every other unit
    // that JavaScript counts as whitespace, alone, after a space and before a letter.
    const units = [
      ...Array.from({ length: 0x300 }, (_, u) => u),
      ...[0x1680, 0x180e, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x4e00],
      ...Array.from({ length: 11 }, (_, i) => 0x2000 + i),
    ];
    const data: ImportedTermPack = {
      pack: 'tb',
      description: 'Every unit',
      rules: units.map((u) => {
        const c = String.fromCharCode(u);
        return rule(`tb/u${u}`, {
          en: [
            { text: c, status: 'preferred' },
            { text: ` ${c}`, status: 'preferred' },
            { text: `${c}a`, status: 'deprecated' },
          ],
        });
      }),
    };
    const [fast, full] = both(data);
    expect(fast.problems).toEqual(full.problems);
    expect(JSON.stringify(fast.pack?.definition)).toBe(JSON.stringify(full.pack?.definition));
    expect(fast.pack?.definition.rules.length).toBeGreaterThan(600);
  });
});

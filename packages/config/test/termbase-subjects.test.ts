// A termbase loaded with options (README: Termbases as packs, Subjects and key terms): only the
// concepts of some subject fields, and which concepts are key terms (checked in translations).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackOptions, ParsedPack, Problem, TermRule } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadPack, termbaseToYaml } from '../src/index.js';
import { withDir } from './helpers.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'termbase');

const located = (problems: readonly Problem[]) =>
  problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`);

const keyTerms = (pack: ParsedPack | undefined) =>
  (pack?.definition.rules ?? []).map((r) => `${r.id} ${(r as TermRule).keyTerm ? 'key' : 'reference'}`);

async function load(name: string, options?: PackOptions) {
  return loadPack(`./${name}`, DIR, options);
}

const TSV = [
  'concept_id\tdomain\ten\tzh_Hans\tko',
  'territory:KR\tterritory\tSouth Korea\t韩国\t대한민국',
  'currency:KRW\tcurrency\tSouth Korean Won\t韩元\t대한민국 원',
  'language:ko\tlanguage\tKorean\t韩语\t한국어',
  '',
].join('\n');

describe('a termbase with options', () => {
  it('makes key terms of the concepts with a deprecated term only, by default', async () => {
    const { pack, problems } = await load('diplomacy-v2.tbx');
    expect(problems).toEqual([]);
    expect(keyTerms(pack)).toEqual([
      'diplomacy-v2/pragmatic-diplomacy key',
      'diplomacy-v2/territory-013 reference',
      'diplomacy-v2/c-draft key',
    ]);
    const all = await load('diplomacy-v2.tbx', { 'key-terms': true });
    expect(keyTerms(all.pack).filter((r) => r.endsWith('reference'))).toEqual([]);
    const none = await load('diplomacy-v2.tbx', { 'key-terms': false });
    expect(keyTerms(none.pack).filter((r) => r.endsWith(' key'))).toEqual([]);
  });

  it('keeps the concepts of the subject fields asked for (TBX subjectField), without case', async () => {
    const { pack, problems } = await load('diplomacy-v2.tbx', { subjects: ['Diplomacy'] });
    expect(problems).toEqual([]);
    expect(keyTerms(pack)).toEqual(['diplomacy-v2/pragmatic-diplomacy key']);
    expect(pack?.definition.description).toBe(
      'Imported from the TBX termbase diplomacy-v2.tbx (1 concepts; subject fields Diplomacy)',
    );
  });

  it('reads subject fields from a CSV or TSV domain column; warns of one no concept has', async () => {
    await withDir({ 'cldr.tsv': TSV }, async (dir) => {
      const { pack, problems } = await loadPack('./cldr.tsv', dir, { subjects: ['territory', 'currencies'] });
      expect(pack?.definition.rules.map((r) => r.id)).toEqual(['cldr/territory-kr']);
      expect(located(problems)).toEqual([
        "cldr.tsv:1:1 warning invalid-value: No concept has the subject field `currencies` (the termbase's subject fields: `currency`, `language`, `territory`)",
      ]);
      const none = await loadPack('./cldr.tsv', dir, { subjects: ['units'] });
      expect(none.pack).toBeUndefined();
      expect(located(none.problems)).toEqual([
        'cldr.tsv:1:1 error unreadable-pack: Cannot read termbase `' +
          path.join(dir, 'cldr.tsv') +
          '`: no concept has the subject fields `units`',
      ]);
    });
  });

  it('takes the options from the config, and places a termbase it cannot read on the entry', async () => {
    const config = [
      'packs:',
      '  - path: cldr.tsv',
      '    subjects: [territory, currency]',
      '    key-terms: true',
      '  - path: other.tsv',
      '    subjects: [units]',
      '',
    ].join('\n');
    await withDir({ '.nuancerc.yaml': config, 'cldr.tsv': TSV, 'other.tsv': TSV }, async (dir) => {
      const loaded = await loadConfig({ cwd: dir, configFile: '.nuancerc.yaml' });
      expect(keyTerms(loaded.packs[0])).toEqual(['cldr/territory-kr key', 'cldr/currency-krw key']);
      expect(located(loaded.problems)).toEqual([
        '.nuancerc.yaml:5:5 error unreadable-pack: Cannot read termbase `' +
          path.join(dir, 'other.tsv') +
          '`: no concept has the subject fields `units`',
      ]);
    });
  });

  it('writes the same choice into `nuance import` YAML', () => {
    const { yaml } = termbaseToYaml(TSV, 'cldr.tsv', { subjects: ['language'] });
    expect(yaml).toContain('  - id: "cldr/language-ko"\n    kind: term\n    severity: warning\n');
    expect(yaml).toContain('    key-term: false\n');
    expect(yaml).not.toContain('territory-kr');
    expect(termbaseToYaml(TSV, 'cldr.tsv', { 'key-terms': true }).yaml).not.toContain('    key-term:');
  });
});

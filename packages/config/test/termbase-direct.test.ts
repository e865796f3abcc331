// A termbase's rules are defined directly from their fields when every one passes the checks
// imported data can fail (core's importedTermPack), else through the data path that places each
// problem (parseImportedTermPack). Both must give the same pack: every fixture, with each option,
// and the CLDR termbase of ../shared/corpus when present, loaded both ways and compared.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importedTermPack, type PackOptions, type ParsedPack, parseImportedTermPack } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { parseTermbase } from '../src/index.js';
import { readTermbase } from '../src/termbase/load.js';
import { asData, termbaseRules } from '../src/termbase/to-pack.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'fixtures', 'termbase');
const CLDR = path.join(here, '..', '..', '..', '..', 'shared', 'corpus', 'termbase');

const files = [
  ...['diplomacy-v2.tbx', 'diplomacy-v3.tbx', 'glossary.csv', 'glossary.tsv', 'broken.csv'].map((f) =>
    path.join(FIXTURES, f),
  ),
  ...['cldr_names_en_zh_ko.tbx', 'cldr_names_en_zh_ko.tsv']
    .map((f) => path.join(CLDR, f))
    .filter((f) => existsSync(f)),
];
if (!existsSync(CLDR)) {
  console.warn(
    `CLDR termbase left out of the direct-path comparison: ${CLDR} is absent (it lives beside the repository)`,
  );
}

const OPTIONS: PackOptions[] = [{}, { 'key-terms': true }, { 'key-terms': false }];

/** Both paths: the direct one (undefined when it declines) and the data one. */
function bothWays(file: string, options: PackOptions): { direct?: ParsedPack; data?: ParsedPack } {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rules = termbaseRules(readTermbase(text, file), options);
  // The direct path keeps the rules' term lists: the data is made first, from the same rules.
  const data = asData(rules);
  const parsed = parseImportedTermPack(data.value, file, data.locator);
  expect(parsed.problems).toEqual([]);
  const direct = importedTermPack(rules.value, file, rules.locator);
  return { ...(direct ? { direct } : {}), ...(parsed.pack ? { data: parsed.pack } : {}) };
}

describe('a termbase defined from its fields', () => {
  for (const file of files) {
    for (const options of OPTIONS) {
      it(`gives the pack the data path gives: ${path.basename(file)} ${JSON.stringify(options)}`, () => {
        const { direct, data } = bothWays(file, options);
        expect(direct).toBeDefined();
        expect(data).toBeDefined();
        if (!direct || !data) return;
        expect(JSON.stringify(direct.definition)).toBe(JSON.stringify(data.definition));
        expect(direct.definition.rules.length).toBeGreaterThan(0);
        for (const index of [0, direct.definition.rules.length - 1]) {
          for (const at of [
            ['rules', index],
            ['rules', index, 'terms'],
          ]) {
            expect(direct.locate(at)).toEqual(data.locate(at));
          }
        }
      });
    }
  }

  it('orders terms by language as a YAML pack lists them when a concept mixes them', () => {
    const text =
      'id,en,ko,status\nmixed,peace,평화,preferred\nmixed,harmony,,admitted\nmixed,,화평,deprecated\n';
    const rules = termbaseRules(readTermbase(text, 'mixed.csv'), {});
    const order = rules.value.rules[0]?.terms.map((t) => `${t.lang} ${t.text}`);
    expect(order).toEqual(['en peace', 'en harmony', 'ko 평화', 'ko 화평']);
    const pack = parseTermbase(text, 'mixed.csv').pack;
    const rule = pack?.definition.rules[0];
    expect(rule?.kind === 'term' && rule.terms.map((t) => `${t.lang} ${t.status} ${t.text}`)).toEqual([
      'en preferred peace',
      'en admitted harmony',
      'ko preferred 평화',
      'ko deprecated 화평',
    ]);
  });

  it('declines a termbase the checks fail, whose problems the data path places', () => {
    const text =
      '<martif><text><body>\n<termEntry id="a"><langSet xml:lang="en"><tig><term>a</term></tig></langSet></termEntry>\n' +
      '<termEntry id="b"><langSet xml:lang="zh Hans"><tig><term>乙</term></tig></langSet></termEntry>\n</body></text></martif>\n';
    const rules = termbaseRules(readTermbase(text, 'bad-tag.tbx'), {});
    expect(importedTermPack(rules.value, 'bad-tag.tbx', rules.locator)).toBeUndefined();
    const { pack, problems } = parseTermbase(text, 'bad-tag.tbx');
    expect(pack?.definition.rules.map((r) => r.id)).toEqual(['bad-tag/a']);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code}: ${p.message}`)).toEqual([
      '3:58 invalid-value: Unexpected key `zh Hans`, expected a BCP 47 language tag such as `en`, `zh` or `zh-Hant`',
    ]);
  });
});

// `nuance import FILE` and `nuance export --format tbx|csv|tsv PACK`, and a termbase named in
// `packs:` linting a draft.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePack } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { run, withTempDir, writeTree } from './helpers.js';

const CSV = [
  'id,en,zh-Hans,zh-Hant,status,note',
  'pragmatic-diplomacy,pragmatic diplomacy,务实外交,務實外交,preferred,"Korea\'s 실용외교."',
  'pragmatic-diplomacy,,实用外交,實用外交,deprecated,实用 reads as opportunism.',
  'thaad,THAAD,萨德,薩德,,',
  '',
].join('\n');

const TBX = `<?xml version="1.0"?>
<martif type="TBX-Basic"><text><body>
<termEntry id="south-korea"><langSet xml:lang="zh-Hans"><tig><term>韩国</term></tig><tig><term>南韩</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>
<termEntry id="broken"><langSet xml:lang="en"><tig><term>x</term><termNote type="administrativeStatus">loud</termNote></tig></langSet></termEntry>
</body></text></martif>
`;

describe('nuance import', () => {
  it('writes a commented pack YAML that loads to the same rules as the termbase', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'glossary.csv': CSV });
      const result = await run(['import', 'glossary.csv'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^# Imported by `nuance import` from glossary.csv \(CSV, 2 concepts\)\./);
      expect(result.stdout).toContain(
        '  # concept `pragmatic-diplomacy` (line 2), line 2\n  - id: "glossary/pragmatic-diplomacy"',
      );
      expect(result.stdout).toContain(
        '      "zh-Hans":\n        - "务实外交"\n        - { text: "实用外交", status: deprecated }',
      );
      const { pack, problems } = parsePack(result.stdout, path.join(dir, 'glossary.yaml'));
      expect(problems).toEqual([]);
      expect(pack?.definition.rules.map((r) => r.id)).toEqual([
        'glossary/pragmatic-diplomacy',
        'glossary/thaad',
      ]);
    });
  });

  it('lists the problems in the YAML and on stderr, exit 2, and writes --output', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'terms.tbx': TBX });
      const result = await run(['import', 'terms.tbx', '--output', 'terms.yaml'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('terms.tbx:4:');
      expect(result.stderr).toContain('Unexpected status `loud` in <termNote type="administrativeStatus">');
      const yaml = await readFile(path.join(dir, 'terms.yaml'), 'utf8');
      expect(yaml).toContain('# 2 problem(s) in terms.tbx; what they name was left out:');
      expect(yaml).toContain('  - id: "terms/south-korea"');
      expect(yaml).not.toContain('terms/broken');
    });
  });

  it('keeps the subject fields of --subjects, and --key-terms makes every concept a key term', async () => {
    await withTempDir(async (dir) => {
      const tsv =
        'concept_id\tdomain\ten\tko\nterritory:KR\tterritory\tSouth Korea\t대한민국\nunit:mile\tunit\tmiles\t마일\n';
      await writeTree(dir, { 'cldr.tsv': tsv });
      const some = await run(['import', 'cldr.tsv', '--subjects', 'territory, currency'], dir);
      expect(some.stdout).toContain('  - id: "cldr/territory-kr"');
      expect(some.stdout).toContain('    key-term: false\n');
      expect(some.stdout).not.toContain('unit-mile');
      expect(some.stderr).toContain('No concept has the subject field `currency`');
      const all = await run(['import', 'cldr.tsv', '--key-terms'], dir);
      expect(all.code).toBe(0);
      expect(all.stdout).toContain('unit-mile');
      expect(all.stdout).not.toContain('    key-term:');
    });
  });

  it('refuses a file that is not a termbase, and a missing FILE', async () => {
    expect((await run(['import', 'notes.md'], '/')).stderr).toContain(
      'expected a .tbx, .csv or .tsv termbase',
    );
    expect((await run(['import'], '/')).code).toBe(2);
    expect((await run(['import', 'a.csv', '--fix'], '/')).stderr).toContain(
      '`--fix` does not apply to `nuance import`',
    );
  });
});

describe('nuance export', () => {
  it('writes a pack back out as TBX, CSV and TSV, which load again to the same terms', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'glossary.csv': CSV });
      const tbx = await run(['export', '--format', 'tbx', './glossary.csv', '-o', 'out.tbx'], dir);
      expect(tbx.stderr).toBe('');
      expect(tbx.code).toBe(0);
      const written = await readFile(path.join(dir, 'out.tbx'), 'utf8');
      expect(written).toContain('<termEntry id="pragmatic-diplomacy">');
      expect(written).toContain(
        '<tig><term>实用外交</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>',
      );
      const csv = await run(['export', '--format', 'csv', './out.tbx'], dir);
      expect(csv.code).toBe(0);
      expect(csv.stdout).toBe(
        [
          'id,status,en,zh-Hans,zh-Hant,note',
          'pragmatic-diplomacy,preferred,pragmatic diplomacy,务实外交,務實外交,"Korea\'s 실용외교. 实用外交 (zh-Hans), 實用外交 (zh-Hant): 实用 reads as opportunism."',
          'pragmatic-diplomacy,deprecated,,实用外交,實用外交,',
          'thaad,preferred,THAAD,萨德,薩德,',
          '',
        ].join('\n'),
      );
      await writeTree(dir, { 'again.csv': csv.stdout });
      const tsv = await run(['export', '--format', 'tsv', './again.csv'], dir);
      expect(tsv.stdout.split('\n').slice(0, 2)).toEqual([
        'id\tstatus\ten\tzh-Hans\tzh-Hant\tnote',
        "pragmatic-diplomacy\tpreferred\tpragmatic diplomacy\t务实外交\t務實外交\tKorea's 실용외교. 实用外交 (zh-Hans), 實用外交 (zh-Hant): 实用 reads as opportunism.",
      ]);
    });
  });

  it('exports the built-in pack by name; rules of other kinds are named as left out', async () => {
    const result = await run(['export', '--format', 'tsv', 'korea-china'], '/');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^id\tstatus\t/);
    expect(result.stdout).toContain('wushi-not-shiyong\tdeprecated\t');
    expect(result.stderr).toMatch(
      /^nuance: Not exported \(a termbase holds terms only\): korea-china\/\S+ \(a `caution` rule\)/,
    );
  });

  it('needs --format', async () => {
    const result = await run(['export', 'korea-china'], '/');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing `--format tbx`, `csv` or `tsv` for `nuance export`');
  });
});

describe('a termbase in packs:', () => {
  it('lints a draft with a TBX named in .nuancerc.yaml', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        '.nuancerc.yaml': 'packs: [./terms.tbx]\n',
        'terms.tbx': TBX,
        'draft.md': '# 声明\n\n双方讨论了南韩的立场。\n',
      });
      const result = await run(['--format', 'json', 'draft.md'], dir);
      expect(result.code).toBe(2); // the termbase's unknown status
      expect(result.stderr).toContain('terms.tbx:4:');
      const [file] = JSON.parse(result.stdout) as {
        messages: { ruleId: string; line: number; column: number; actual: string; expected: string[] }[];
      }[];
      expect(
        file?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.actual} -> ${m.expected.join()}`),
      ).toEqual(['3:6 terms/south-korea 南韩 -> 韩国']);
    });
  });
});

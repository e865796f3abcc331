import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, withTempDir } from './helpers.js';

const XLIFF = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<xliff version="1.2"><file source-language="ko" target-language="zh-CN" original="a"><body>',
  '<trans-unit id="1"><source>이재명 정부는 실용외교를 추구한다.</source><target>李在明政府奉行实用外交。</target></trans-unit>',
  '<trans-unit id="2"><source>한반도 비핵화</source><target>朝鲜无核化</target></trans-unit>',
  '</body></file></xliff>',
  '',
].join('\r\n');

describe('bilingual files', () => {
  it('checks XLIFF targets against sources, fixes targets, and reports in JSON with the source', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'release.xlf'), `\ufeff${XLIFF}`);
      const result = await run(['--format', 'json', '.'], dir);
      const [file] = JSON.parse(result.stdout) as { path: string; messages: Record<string, unknown>[] }[];
      expect(file?.path).toBe('release.xlf');
      expect(file?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
        '3:71 korea-china/wushi-not-shiyong',
        '4:52 korea-china/denuclearization-scope',
      ]);
      expect(file?.messages[1]?.source).toMatchObject({
        check: 'shifted-concept',
        term: '한반도 비핵화',
        line: 4,
        column: 28,
      });
      const schema = JSON.parse(
        await readFile(path.join(FIXTURES, '..', '..', 'schema', 'results.schema.json'), 'utf8'),
      );
      const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
      const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
      expect(validate(JSON.parse(result.stdout)), JSON.stringify(validate.errors)).toBe(true);

      await run(['--fix', 'release.xlf'], dir);
      const fixed = await readFile(path.join(dir, 'release.xlf'), 'utf8');
      expect(fixed).toBe(`\ufeff${XLIFF.replace('实用外交', '务实外交')}`);
    });
  });

  it('pairs a release set, with the Korean version as the source', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        path.join(dir, 'statement.ko.md'),
        '# 성명\n\n양국은 한반도 비핵화를 지지한다.\n\n예산은 3억 달러이다.\n',
      );
      await writeFile(
        path.join(dir, 'statement.en.md'),
        '# Statement\n\nBoth support the denuclearization of North Korea.\n\nThe budget is $30 million.\n',
      );
      const result = await run(['--format', 'json', '.'], dir);
      const files = JSON.parse(result.stdout) as { path: string; messages: Record<string, unknown>[] }[];
      const en = files.find((f) => f.path === 'statement.en.md');
      expect(en?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.actual}`)).toEqual([
        '3:18 korea-china/denuclearization-scope denuclearization of North Korea',
        '5:16 korea-china/numbers 30 million',
      ]);
      expect(en?.messages[1]?.source).toMatchObject({
        path: 'statement.ko.md',
        line: 5,
        column: 1,
        term: '3억',
      });
      expect(files.find((f) => f.path === 'statement.ko.md')?.messages).toEqual([]);
    });
  });

  it('shows the source beside the target in SARIF, the HTML report and the terminal', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'release.xlf'), XLIFF);
      const sarif = JSON.parse((await run(['--format', 'sarif', 'release.xlf'], dir)).stdout);
      const shifted = sarif.runs[0].results.find(
        (r: { ruleId: string }) => r.ruleId === 'korea-china/denuclearization-scope',
      );
      expect(shifted.properties.source).toMatchObject({ check: 'shifted-concept', text: '한반도 비핵화' });
      expect(shifted.relatedLocations).toEqual([
        {
          id: 0,
          message: { text: 'Source (ko): 한반도 비핵화' },
          physicalLocation: {
            artifactLocation: { uri: 'release.xlf', uriBaseId: '%SRCROOT%' },
            region: {
              startLine: 4,
              startColumn: 28,
              endLine: 4,
              endColumn: 35,
              charOffset: 259,
              charLength: 7,
            },
          },
        },
      ]);
      const stylish = (await run(['release.xlf'], dir)).stdout;
      expect(stylish).toContain('\n               source (ko, 4:28): 한반도 비핵화\n');
      const html = (await run(['--format', 'html', 'release.xlf'], dir)).stdout;
      expect(html).toContain('"q":{"t":"한반도 비핵화","l":4,"g":"ko","k":"shifted-concept"}');
    });
  });
});

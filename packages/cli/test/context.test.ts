// Context conditions through the CLI: what licensed a finding reaches every report (JSON `context`,
// SARIF `relatedLocations`, the HTML report), and config `topic`/`voice` and front matter declare
// a document's subject.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, withTempDir } from './helpers.js';

const require = createRequire(import.meta.url);
const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
const Sarif = ((Ajv04 as unknown as { default?: typeof Ajv04 }).default ?? Ajv04) as typeof Ajv04;

const PARAGRAPH = 'Seoul and Beijing agreed to restore the strategic cooperative partnership.\n';

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  context?: { set: string; via: string; text?: string; line?: number; column?: number }[];
}

async function json(dir: string, args: string[]): Promise<JsonFinding[]> {
  const result = await run(['--format', 'json', ...args], dir);
  return (JSON.parse(result.stdout) as { messages: JsonFinding[] }[]).flatMap((r) => r.messages);
}

describe('context licenses in reports', () => {
  it('JSON: each finding says which mention licensed it, and validates against the schema', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'release.md'), PARAGRAPH);
      const result = await run(['--format', 'json'], dir);
      const output = JSON.parse(result.stdout);
      const schema = JSON.parse(
        await readFile(path.join(FIXTURES, '..', '..', 'schema', 'results.schema.json'), 'utf8'),
      );
      const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
      expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
      const [finding] = output[0].messages as JsonFinding[];
      expect(finding?.ruleId).toBe('korea-china/strategic-cooperative-partner');
      expect(finding?.context).toEqual([
        expect.objectContaining({ set: 'korea', via: 'mention', text: 'Seoul', line: 1, column: 1 }),
        expect.objectContaining({ set: 'china', via: 'mention', text: 'Beijing', line: 1, column: 11 }),
      ]);
    });
  });

  it('SARIF: the mentions are related locations of the result, valid SARIF 2.1.0', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'release.md'), PARAGRAPH);
      const result = await run(['--format', 'sarif'], dir);
      const log = JSON.parse(result.stdout);
      const schema = JSON.parse(
        readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
      );
      const validate = new Sarif({
        strict: false,
        allErrors: true,
        validateFormats: false,
        unicodeRegExp: false,
      }).compile(schema);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      const related = log.runs[0].results[0].relatedLocations;
      expect(related.map((r: { message: { text: string } }) => r.message.text)).toEqual([
        '`Seoul` names korea, so the rule applies here',
        '`Beijing` names china, so the rule applies here',
      ]);
      expect(related[1].physicalLocation.region).toMatchObject({
        startLine: 1,
        startColumn: 11,
        endColumn: 18,
      });
    });
  });

  it('HTML: the report carries the licenses for its "Applies because" line', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'release.md'), PARAGRAPH);
      const result = await run(['--format', 'html'], dir);
      expect(result.stdout).toContain('"k":[{"set":"korea","via":"mention","text":"Seoul","l":1,"c":1}');
      expect(result.stdout).toContain('Applies because: ');
    });
  });
});

describe('declared subjects', () => {
  it('config `topic` makes every document about the sets it names', async () => {
    await withTempDir(async (dir) => {
      const text = 'The two sides agreed to restore the strategic cooperative partnership.\n';
      await writeFile(path.join(dir, 'release.md'), text);
      expect(await json(dir, [])).toEqual([]);
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'topic: [korea, china]\n');
      const [finding] = await json(dir, []);
      expect(finding?.context).toEqual([
        { set: 'korea', via: 'topic' },
        { set: 'china', via: 'topic' },
      ]);
    });
  });

  it('front matter `topic` and `voice`, and config `voice`', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        path.join(dir, 'front.md'),
        '---\ntopic: [korea, china]\nvoice: rok\n---\n\n美韩同盟是基础，双方恢复战略合作伙伴关系。\n',
      );
      await writeFile(path.join(dir, 'plain.md'), 'The US-ROK alliance is ironclad.\n');
      const findings = await json(dir, []);
      expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([
        '6:1 korea-china/rok-first-order',
        '6:13 korea-china/strategic-cooperative-partner',
      ]);
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'voice: rok\n');
      const voiced = await json(dir, []);
      expect(voiced.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toContain(
        '1:5 korea-china/rok-first-order',
      );
    });
  });

  it('rejects a topic that is not a context set name', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'a.md'), 'Text.\n');
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'topic: Korea China\n');
      const result = await run(['a.md'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        '.nuancerc.yaml:1:8  error  Unexpected value `Korea China` for `topic`',
      );
    });
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/reporters/json.js';
import { FIXTURES, run, withTempDir } from './helpers.js';

const SCHEMA = path.join(FIXTURES, '..', '..', 'schema', 'results.schema.json');

async function validator() {
  const schema = JSON.parse(await readFile(SCHEMA, 'utf8'));
  // ajv's CommonJS default export arrives as the module namespace under some loaders.
  const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
  return new Ajv({ strict: true, allErrors: true }).compile(schema);
}

describe('--format json', () => {
  it('validates against the committed schema, with unreadable files and empty results', async () => {
    const validate = await validator();
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'binary.md'), Buffer.from([1, 0, 2]));
      await writeFile(path.join(dir, 'empty.md'), '');
      await writeFile(path.join(dir, 'zh.md'), '韩国奉行实用外交。\n\n战略合作伙伴关系\n');
      await writeFile(
        path.join(dir, 'en.md'),
        'A strategic partner. We pursue utilitarian diplomacy; leaders demand it.\n',
      );
      const config = path.join(FIXTURES, 'basic', 'nuance.yaml');
      for (const args of [['--config', config], []]) {
        const result = await run(['--format', 'json', ...args], dir);
        const output = JSON.parse(result.stdout);
        const valid = validate(output);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        expect(output.map((r: { path: string }) => r.path)).toEqual([
          'binary.md',
          'empty.md',
          'en.md',
          'zh.md',
        ]);
      }
    });
  });

  it('counts errors and warnings per file and omits absent optional fields', async () => {
    const result = await run(
      ['a.md', '--config', 'nuance.yaml', '--format', 'json'],
      path.join(FIXTURES, 'basic'),
    );
    const [file] = JSON.parse(result.stdout);
    expect(file).toMatchObject({ path: 'a.md', errorCount: 1, warningCount: 1 });
    const [term, caution] = file.messages;
    expect(term).toMatchObject({
      ruleId: 'team/utilitarian',
      severity: 'error',
      start: 19,
      end: 40,
      line: 3,
      column: 11,
      endLine: 3,
      endColumn: 32,
      actual: 'utilitarian diplomacy',
      expected: ['pragmatic diplomacy'],
    });
    // The team pack has no notes, urls or audiences: those keys are absent, not null.
    for (const key of ['note', 'url', 'audiences']) {
      expect(Object.hasOwn(term, key)).toBe(false);
      expect(Object.hasOwn(caution, key)).toBe(false);
    }
    expect(Object.hasOwn(caution, 'fix')).toBe(false);
  });

  it('leaves out a field set to undefined, and prints the finding as it is otherwise', () => {
    const finding = {
      ruleId: 'team/x',
      severity: 'warning' as const,
      message: 'Use `b`',
      start: 0,
      end: 1,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      actual: 'a',
      expected: ['b'],
      note: undefined,
      url: undefined,
    };
    const text = formatJson([{ path: 'a.md', messages: [finding, { ...finding, severity: 'error' }] }]);
    expect(text.endsWith(']\n')).toBe(true);
    const [file] = JSON.parse(text);
    expect(file).toMatchObject({ path: 'a.md', errorCount: 1, warningCount: 1 });
    expect(Object.keys(file.messages[0])).toEqual([
      'ruleId',
      'severity',
      'message',
      'start',
      'end',
      'line',
      'column',
      'endLine',
      'endColumn',
      'actual',
      'expected',
    ]);
    expect(text).not.toContain('note');
  });

  it('rejects output that breaks the contract', async () => {
    const validate = await validator();
    expect(validate([{ path: 'a.md', messages: [], errorCount: 0 }])).toBe(false);
    expect(validate([{ path: 'a\\b.md', messages: [], errorCount: 0, warningCount: 0 }])).toBe(false);
    expect(
      validate([
        {
          path: 'a.md',
          messages: [{ ruleId: 'x/y', severity: 'fatal', message: '', start: 0, end: 0, line: 1, column: 1 }],
          errorCount: 0,
          warningCount: 0,
        },
      ]),
    ).toBe(false);
  });
});

// Keys that are names of Object.prototype members (`constructor`, `__proto__`, `toString`...)
// are unknown keys like any other: problems with a place, never an internal error, and the drafts
// are still linted with the valid settings.
import { describe, expect, it } from 'vitest';
import { findingLines, run, withTempDir, writeTree } from './helpers.js';

const KEYS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

describe('config keys named like Object.prototype members', () => {
  it('are unknown-key problems, and the draft is linted', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        '.nuancerc.yaml': `${KEYS.map((k) => `${k}: 1`).join('\n')}\nrules:\n  constructor: off\n  toString: error\n`,
        'a.md': '韩国奉行实用外交。\n',
      });
      const result = await run(['--format', 'json', 'a.md'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain('internal error');
      expect(
        result.stderr
          .split('\n')
          .filter(Boolean)
          .map((l) => l.replace(/ {2}error .*pack\//, ' ')),
      ).toEqual([
        ...KEYS.map((_key, i) => `.nuancerc.yaml:${i + 1}:1 unknown-key`),
        '.nuancerc.yaml:7:3 unknown-rule',
        '.nuancerc.yaml:8:3 unknown-rule',
      ]);
      expect(findingLines(result.stdout)).toEqual(['a.md:1:5 korea-china/wushi-not-shiyong']);
    });
  });

  it('in a pack are problems too, and its valid rules load', async () => {
    await withTempDir(async (dir) => {
      const rule = (id: string, extra: string) =>
        `  - id: team/${id}\n    kind: caution\n    severity: warning\n    message: m\n    phrases: [实用外交]\n${extra}`;
      await writeTree(dir, {
        '.nuancerc.yaml': 'packs: [./team.yaml]\n',
        'team.yaml': `pack: team\nconstructor: 1\nrules:\n${rule('bad', '    __proto__: {x: 1}\n    toString: y\n')}${rule('good', '')}`,
        'a.md': '韩国奉行实用外交。\n',
      });
      const result = await run(['--format', 'json', 'a.md'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stderr).toContain('team.yaml:2:1  error  Unknown key `constructor`');
      expect(findingLines(result.stdout)).toContain('a.md:1:5 team/good');
    });
  });
});

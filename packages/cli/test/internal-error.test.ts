// A document that hits an internal error is still in every report, with a `nuance/internal-error`
// finding (exit 2), and a document with very many findings goes through every reporter. The lint
// call is replaced for two file names so the CLI's own paths are what is tested.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Finding, toolFinding } from '@nuance/core';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, run, withTempDir } from './helpers.js';

const MANY = 150_000;

vi.mock('@nuance/unified', async (importOriginal) => {
  const original = await importOriginal<typeof import('@nuance/unified')>();
  return {
    ...original,
    lintDocument: (input: Parameters<typeof original.lintDocument>[0]) => {
      if (input.path?.endsWith('boom.md')) throw new TypeError('Cannot read properties of undefined');
      if (input.path?.endsWith('many.md')) {
        const one = original.lintDocument(input).findings[0]!;
        const findings: Finding[] = Array.from({ length: MANY }, () => one);
        return { findings };
      }
      return original.lintDocument(input);
    },
  };
});

const CONFIG = path.join(FIXTURES, 'basic', 'nuance.yaml');

describe('a file that hits an internal error', () => {
  it('carries a nuance/internal-error finding in json and sarif, and the run exits 2', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'boom.md'), 'We pursue utilitarian diplomacy.\n');
      await writeFile(path.join(dir, 'good.md'), 'We pursue utilitarian diplomacy.\n');
      const json = await run(['--config', CONFIG, '--format', 'json', 'boom.md', 'good.md'], dir);
      expect(json.code).toBe(2);
      expect(json.stderr).toContain(
        'boom.md: internal error: TypeError: Cannot read properties of undefined',
      );
      const results = JSON.parse(json.stdout) as { path: string; messages: Finding[]; errorCount: number }[];
      expect(results.map((r) => r.path)).toEqual(['boom.md', 'good.md']);
      expect(results[0]!.messages).toEqual([
        toolFinding(
          'nuance/internal-error',
          'Internal error while linting this file, so it was not linted: TypeError: Cannot read properties of undefined',
        ),
      ]);
      expect(results[0]!.errorCount).toBe(1);

      const sarif = await run(['--config', CONFIG, '--format', 'sarif', 'boom.md'], dir);
      expect(sarif.code).toBe(2);
      const log = JSON.parse(sarif.stdout) as {
        runs: {
          results: { ruleId: string; level: string }[];
          tool: { driver: { rules: { id: string }[] } };
        }[];
      };
      expect(log.runs[0]!.results).toEqual([
        expect.objectContaining({ ruleId: 'nuance/internal-error', level: 'error' }),
      ]);
      expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('nuance/internal-error');
    });
  });

  it('with --stdin too', async () => {
    await withTempDir(async (dir) => {
      const result = await run(
        ['--config', CONFIG, '--format', 'json', '--stdin', '--stdin-filename', 'boom.md'],
        dir,
        {
          stdin: 'We pursue utilitarian diplomacy.\n',
        },
      );
      expect(result.code).toBe(2);
      const results = JSON.parse(result.stdout) as { path: string; messages: Finding[] }[];
      expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(['nuance/internal-error']);
    });
  });
});

describe(`${MANY.toLocaleString('en-US')} findings in one document`, () => {
  it('go through the json, stylish, sarif and github reporters', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'many.md'), 'We pursue utilitarian diplomacy.\n');
      for (const format of ['json', 'stylish', 'sarif', 'github']) {
        const result = await run(['--config', CONFIG, '--format', format, 'many.md'], dir);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(1);
        if (format === 'json') {
          const [only] = JSON.parse(result.stdout) as { messages: Finding[]; errorCount: number }[];
          expect(only!.messages).toHaveLength(MANY);
          expect(only!.errorCount).toBe(MANY);
        }
        if (format === 'stylish') expect(result.stdout).toContain(`✖ ${MANY} problems`);
      }
    });
  }, 60_000);
});

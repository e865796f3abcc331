// Property tests (fast-check) over the CLI's reading, writing and terminal paths: a fixed seed,
// so a run is the same everywhere; a failure prints the counterexample and the seed to replay.
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigResolver, readRegularFile } from '@nuance/config';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzCounter, fuzzRuns } from '../../core/test/fuzz-options.js';
import { planFixes } from '../src/fix/plan.js';
import { writeFix } from '../src/fix/write-fix.js';
import { writeOutputFile } from '../src/output.js';
import { linter } from '../src/parallel/lint-one.js';
import { readSnapshot } from '../src/read-file.js';
import { terminalText } from '../src/reporters/terminal-text.js';
import { withTempDir } from './helpers.js';

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// Drafts built from pieces that give findings, fixes that change lengths, and Markdown around them.
const PIECES = [
  '韩国奉行实用外交。',
  '实用主义外交',
  '实用路线',
  '務實外交',
  '美韩',
  '우리 정부는 미한 동맹을',
  'US-ROK alliance',
  '\n\n',
  '\n',
  '\r\n',
  '# ',
  '- ',
  '> ',
  '`code`',
  '**',
  '😀',
  'plain words ',
];
const draft = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

describe('properties', () => {
  const fixes = fuzzCounter('--fix: plan written, BOM kept, idempotent, hard links kept');
  const terminal = fuzzCounter('terminal text escaped');
  const reads = fuzzCounter('regular files read up to the limit');
  const writes = fuzzCounter('--output writes exactly the report');
  afterAll(() => {
    for (const counter of [fixes, terminal, reads, writes]) counter.report();
  });

  it('terminal text has no control character, and text without one is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        terminal.count();
        const shown = terminalText(text);
        expect(CONTROL.test(shown)).toBe(false);
        if (!CONTROL.test(text)) expect(shown).toBe(text);
      }),
      fuzzRuns(500, 10_000),
    );
  });

  it('a regular file is read whole up to the limit and refused past it', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'f.bin');
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 300 }),
          fc.integer({ min: 1, max: 320 }),
          async (bytes, limit) => {
            reads.count();
            await writeFile(file, bytes);
            const read = await readRegularFile(file, limit).then(
              (r) => r.bytes,
              () => undefined,
            );
            if (bytes.length <= limit) expect(Buffer.from(read!).equals(Buffer.from(bytes))).toBe(true);
            else expect(read).toBeUndefined();
          },
        ),
        fuzzRuns(100, 2_000),
      );
    });
  });

  it('--output writes exactly the report, over a file or a new path', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'report.txt');
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.boolean(),
          async (text, exists) => {
            writes.count();
            if (exists) await writeFile(file, 'old report');
            else await rm(file, { force: true });
            await writeOutputFile(file, text);
            expect(await readFile(file, 'utf8')).toBe(text);
          },
        ),
        fuzzRuns(60, 2_000),
      );
    });
  });

  it('--fix writes the plan, keeps the BOM, is idempotent, and a hard-linked file gets the same bytes', async () => {
    await withTempDir(async (dir) => {
      const loaded = (await new ConfigResolver({ cwd: dir }).forConfigFile(undefined)).loaded;
      let round = 0;
      await fc.assert(
        fc.asyncProperty(draft, fc.boolean(), async (text, bom) => {
          fixes.count();
          round++;
          const plain = path.join(dir, `p${round}.md`);
          const linked = path.join(dir, `l${round}.md`);
          const bytes = (bom ? '\uFEFF' : '') + text;
          await writeFile(plain, bytes);
          await writeFile(linked, bytes);
          await link(linked, path.join(dir, `l${round}-other.md`));
          const lint = linter(plain, loaded);
          const expected = (bom ? '\uFEFF' : '') + planFixes(text, lint).output;
          for (const file of [plain, linked]) {
            const read = readSnapshot(file, path.basename(file));
            if (!read.ok) throw new Error(read.finding.message);
            writeFix(read.snapshot, planFixes(read.snapshot.text, lint));
            expect(await readFile(file, 'utf8')).toBe(expected);
          }
          expect(await readFile(path.join(dir, `l${round}-other.md`), 'utf8')).toBe(expected);
          expect((await stat(linked)).nlink).toBe(2);
          // Fixing the fixed text changes nothing.
          expect(planFixes(expected.replace(/^\uFEFF/, ''), lint).output).toBe(
            expected.replace(/^\uFEFF/, ''),
          );
        }),
        fuzzRuns(40, 10_000),
      );
    });
  });
});

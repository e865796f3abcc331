// Findings per rule per file over the real-text corpus in ../shared/corpus, compared with the
// committed corpus-counts.json: any change in behaviour on real text must be a deliberate update
// (`NUANCE_UPDATE_CORPUS_COUNTS=1 npx vitest run rules/test/corpus.test.ts`). The corpus itself is
// never copied into the repository; without it the test is skipped with a message.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePacks, parsePack } from '@nuance/core';
import { lintDocument } from '@nuance/unified';
import { describe, expect, it } from 'vitest';
import { corpus, corpusPresent, drafts } from '../scripts/corpus-files.mjs';
import { builtinPack } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const countsFile = join(here, 'corpus-counts.json');

if (!corpusPresent) {
  console.warn(`corpus test skipped: ${corpus} is absent (it lives beside the repository, never in it)`);
}

describe.skipIf(!corpusPresent)('the korea-china pack on the real-text corpus', () => {
  it('gives the committed number of findings per rule per file', () => {
    const source = builtinPack('korea-china');
    if (!source) throw new Error('korea-china pack missing');
    const { pack } = parsePack(source.text, source.file);
    if (!pack) throw new Error('korea-china pack does not parse');
    const { ruleSet } = compilePacks([pack]);
    const counts: Record<string, Record<string, number>> = {};
    for (const file of drafts(corpus)) {
      const text = readFileSync(file, 'utf8');
      const { findings } = lintDocument({ text, path: file, ruleSet });
      const perRule: Record<string, number> = {};
      for (const f of findings) perRule[f.ruleId] = (perRule[f.ruleId] ?? 0) + 1;
      counts[relative(corpus, file).split('\\').join('/')] = Object.fromEntries(
        Object.entries(perRule).sort(),
      );
    }
    if (process.env.NUANCE_UPDATE_CORPUS_COUNTS === '1') {
      writeFileSync(countsFile, `${JSON.stringify(counts, null, 2)}\n`);
    }
    const committed = JSON.parse(readFileSync(countsFile, 'utf8')) as unknown;
    expect(counts).toEqual(committed);
    // About 10 MB of text: a correctness check, not a timed one, so a loaded machine must not fail it.
  }, 600_000);
});

// The NTREX parallel sentences (../shared/corpus/parallel, never copied into the repository) as a
// bilingual set with English as the source: a regression check on the bilingual checks' noise.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintBilingualFile, readParallelTsv } from '../src/index.js';
import { koreaChina } from './helpers.js';

const NTREX = fileURLToPath(
  new URL('../../../../shared/corpus/parallel/ntrex128_en-zh-ko.tsv', import.meta.url),
);
const present = existsSync(NTREX);
if (!present) console.warn(`Skipping the NTREX corpus test: ${NTREX} is absent`);

describe.skipIf(!present)('NTREX as a bilingual set (English source)', () => {
  it('finds the changed figures and the inconsistent renderings, and little else', () => {
    const file = readParallelTsv(readFileSync(NTREX, 'utf8'), 'en');
    expect(file?.pairs.map((p) => file.sides[p.target]?.lang)).toEqual(['zh-CN', 'zh-TW', 'ko']);
    const findings = lintBilingualFile(file!, { ruleSet: koreaChina() });
    const byCheck = new Map<string, number>();
    for (const f of findings) {
      const key = `${f.ruleId} ${f.source?.check ?? 'monolingual'}`;
      byCheck.set(key, (byCheck.get(key) ?? 0) + 1);
    }
    // Measured 2026-12-01: 24 numbers (19 right when read), 4 inconsistent (棄核 / 去核 in zh_TW).
    expect(Object.fromEntries(byCheck)).toEqual({
      'korea-china/numbers number': 24,
      'korea-china/denuclearization inconsistent': 4,
    });
    const messages = findings.map((f) => f.message);
    expect(messages).toContain(
      'The target has `204만` (2040000) where the source has `20.4 million` (20400000)',
    );
    expect(messages).toContain(
      'The target has `31 萬` (310000) where the source has `3.1 million` (3100000)',
    );
  }, 120_000);
});

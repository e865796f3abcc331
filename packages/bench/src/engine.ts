// The engine alone: one process per vocabulary (engine-run.js), so each compiles its pack in a
// fresh heap; the median pass gives the throughput.
import { execFileSync } from 'node:child_process';
import type { Corpus } from './corpus.js';
import { script } from './paths.js';
import type { EngineRow, EngineRun } from './results.js';
import { median } from './stats.js';
import type { Vocabulary } from './vocabulary.js';

export function runEngine(corpus: Corpus, vocabularies: readonly Vocabulary[], passes: number): EngineRow[] {
  return vocabularies.map((vocabulary) => {
    const source = vocabulary.pack ?? vocabulary.id;
    const stdout = execFileSync(
      process.execPath,
      [script('engine-run.js'), corpus.dir, source, String(passes)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const run = JSON.parse(stdout) as EngineRun;
    const wallMs = median(run.passes.map((p) => p.wallMs));
    return { vocabulary: vocabulary.id, ...run, wallMs, mbPerSecond: run.bytes / 1e6 / (wallMs / 1000) };
  });
}

// One path (issue 11): the fast path against a full parse on every corpus file, one process per
// vocabulary (one-path-run.js).
import { execFileSync } from 'node:child_process';
import type { Corpus } from './corpus.js';
import { script } from './paths.js';
import type { OnePathRow, OnePathRun } from './results.js';
import type { Vocabulary } from './vocabulary.js';

export function runOnePath(corpus: Corpus, vocabularies: readonly Vocabulary[]): OnePathRow[] {
  return vocabularies.map((vocabulary) => {
    const stdout = execFileSync(
      process.execPath,
      [script('one-path-run.js'), corpus.dir, vocabulary.pack ?? vocabulary.id],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    return { vocabulary: vocabulary.id, ...(JSON.parse(stdout) as OnePathRun) };
  });
}

// One path, in its own process per vocabulary: every corpus file linted by unified's
// `lintDocument` twice, by the fast path (blocks, the raw pre-check, plain blocks: what the CLI
// runs) and by a full parse (the whole document through remark, no pre-check), and the findings
// compared as JSON, key for key. Prints one JSON object (OnePathRun).
// Usage: one-path-run.js CORPUS_DIR PACK_FILE|korea-china
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintDocument } from '@nuance/unified';
import { listFiles } from './files.js';
import type { OnePathRun } from './results.js';
import { compileSource, packSource } from './vocabulary-pack.js';

/** The files that differ, named in the results: enough to start looking, not a list of hundreds. */
const EXAMPLES = 5;

const [dir, vocabulary] = process.argv.slice(2);
if (!dir || !vocabulary) throw new Error('Usage: one-path-run.js CORPUS_DIR PACK_FILE|korea-china');
const ruleSet = compileSource(packSource(vocabulary));

const run: OnePathRun = { files: 0, findings: 0, differing: 0, examples: [], fastMs: 0, fullMs: 0 };
for (const file of listFiles(dir)) {
  const text = readFileSync(file, 'utf8');
  let start = performance.now();
  const fast = lintDocument({ text, path: file, ruleSet }).findings;
  run.fastMs += performance.now() - start;
  start = performance.now();
  const full = lintDocument({ text, path: file, ruleSet, fullParse: true }).findings;
  run.fullMs += performance.now() - start;
  run.files++;
  run.findings += full.length;
  if (JSON.stringify(fast) !== JSON.stringify(full)) {
    run.differing++;
    if (run.examples.length < EXAMPLES) run.examples.push(path.relative(dir, file));
  }
}
console.log(JSON.stringify(run));

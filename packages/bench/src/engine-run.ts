// The engine alone, in its own process: core's `lintSegments` over the corpus split beforehand
// into plain-text segments (blank-line blocks, as for `.txt`), so no Markdown parsing and no file
// reading is timed. Prints one JSON object: compile time, then each pass over the whole corpus.
// Usage: engine-run.js CORPUS_DIR PACK_FILE|korea-china PASSES
import { readFileSync } from 'node:fs';
import { lintSegments } from '@nuance/core';
import { textSegments } from '@nuance/unified';
import { listFiles } from './files.js';
import type { EngineRun } from './results.js';
import { compileSource, packSource } from './vocabulary-pack.js';

const [dir, vocabulary, passArg] = process.argv.slice(2);
if (!dir || !vocabulary) throw new Error('Usage: engine-run.js CORPUS_DIR PACK_FILE|korea-china PASSES');
const source = packSource(vocabulary);
const documents = listFiles(dir).map((file) => {
  const text = readFileSync(file, 'utf8');
  return { text, bytes: Buffer.byteLength(text), segments: textSegments(text).segments };
});

const compileStart = performance.now();
const ruleSet = compileSource(source);
const compileMs = performance.now() - compileStart;

const passes: EngineRun['passes'] = [];
let findings = 0;
for (let i = 0; i < Number(passArg ?? 3); i++) {
  findings = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const { text, segments } of documents) findings += lintSegments({ text, segments }, ruleSet).length;
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  passes.push({ wallMs, cpuMs: (used.user + used.system) / 1000 });
}

const run: EngineRun = {
  files: documents.length,
  bytes: documents.reduce((sum, d) => sum + d.bytes, 0),
  segments: documents.reduce((sum, d) => sum + d.segments.length, 0),
  rules: ruleSet.rules.length,
  compileMs,
  passes,
  findings,
  rssMb: process.memoryUsage().rss / 1e6,
};
console.log(JSON.stringify(run));

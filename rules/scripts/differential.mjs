// One path, proven, on a whole corpus: every document linted by the fast path (the raw pre-check,
// blocks, plain blocks without remark) and by the reference (`fullParse`: remark on the whole
// document, no pre-check) must give the same findings. The CI runs the same comparison on
// generated documents and a sample (packages/unified/test/fast-path.test.ts); this runs it on any
// corpus, for the bench. Uses the built packages (`pnpm build` first).
//
// Usage: node rules/scripts/differential.mjs [--corpus <dir>] [--pack <pack.yaml>]... [--terms <tsv>]...
//   --corpus  a folder of .md and .txt files, searched recursively (default ../shared/corpus)
//   --pack    a pack file; the built-in korea-china pack when neither --pack nor --terms is given
//   --terms   a vocabulary as the bench's TSV (`lang<TAB>discouraged<TAB>preferred`), as term rules
// Prints one line per rule set (files, findings, time of each path) and every difference; exits 1
// when there is one.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePacks, parsePack } from '@nuance/core';
import { lintDocument } from '@nuance/unified';
import { drafts, corpus as sharedCorpus } from './corpus-files.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name) {
  const values = [];
  process.argv.forEach((arg, i) => {
    if (arg === name && process.argv[i + 1]) values.push(process.argv[i + 1]);
  });
  return values;
}

/** The bench's vocabulary TSV as a pack of term rules, one per row. */
function termsPack(file) {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
  const quote = (s) => JSON.stringify(s);
  const rules = rows.map(
    ([lang, discouraged, preferred], i) =>
      `  - id: terms/t${i}\n    kind: term\n    severity: warning\n    message: "Use {expected}"\n` +
      `    terms:\n      ${lang}:\n        - ${quote(preferred)}\n        - { text: ${quote(discouraged)}, status: deprecated }\n`,
  );
  return { name: file, text: `pack: terms\nrules:\n${rules.join('')}` };
}

const corpus = resolve(option('--corpus')[0] ?? sharedCorpus);
const sources = [
  ...option('--pack').map((file) => ({ name: file, text: readFileSync(file, 'utf8') })),
  ...option('--terms').map(termsPack),
];
if (sources.length === 0) {
  const file = join(repo, 'rules', 'korea-china', 'pack.yaml');
  sources.push({ name: 'korea-china', text: readFileSync(file, 'utf8') });
}

const documents = drafts(corpus).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
let differences = 0;
for (const source of sources) {
  const { pack, problems } = parsePack(source.text, source.name);
  if (!pack || problems.length > 0) {
    console.error(`${source.name}: the pack has problems: ${problems.map((p) => p.message).join('; ')}`);
    process.exit(2);
  }
  const { ruleSet } = compilePacks([pack]);
  let fastMs = 0;
  let fullMs = 0;
  let findings = 0;
  for (const { path, text } of documents) {
    let start = performance.now();
    const fast = lintDocument({ text, path, ruleSet }).findings;
    fastMs += performance.now() - start;
    start = performance.now();
    const full = lintDocument({ text, path, ruleSet, fullParse: true }).findings;
    fullMs += performance.now() - start;
    findings += full.length;
    if (JSON.stringify(fast) !== JSON.stringify(full)) {
      differences++;
      console.error(
        `${relative(process.cwd(), path)}: ${fast.length} findings on the fast path, ${full.length} on the full parse`,
      );
    }
  }
  console.log(
    `${source.name}: ${documents.length} files, ${findings} findings, fast path ${(fastMs / 1000).toFixed(2)} s, full parse ${(fullMs / 1000).toFixed(2)} s`,
  );
}
if (differences > 0) console.error(`${differences} files differ`);
process.exit(differences > 0 ? 1 : 0);

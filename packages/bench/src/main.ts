// `pnpm bench`: see README.md. Progress goes to stderr, the report to stdout, the JSON to a file.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBench } from './bench.js';
import { HELP, parseOptions } from './options.js';
import { markdownReport } from './report.js';

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (!options) {
  process.stdout.write(HELP);
  process.exit(0);
}
try {
  const results = await runBench(options, (line) => process.stderr.write(`${line}\n`));
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (options.out) {
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, json);
    process.stderr.write(`results: ${options.out}\n`);
  }
  process.stdout.write(options.json ? json : markdownReport(results));
  // The in-process language server leaves its connection's handles behind.
  process.exit(0);
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}

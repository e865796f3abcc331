/// <reference types="node" />
import path from 'node:path';
import type { Finding, NuanceConfig } from '@nuance/core';
import type { CheckCommand } from '../args.js';
import { type ActiveConfig, ConfigResolver, unionRuleSet } from '../config-resolver.js';
import { collectFiles, displayPath } from '../files.js';
import { fixFile } from '../fix/fix-file.js';
import { type CliIo, useColor } from '../io.js';
import { readSnapshot } from '../read-file.js';
import { onlyErrors, renderReport, writeFileAtomic } from '../report.js';
import { formatProblems } from '../reporters/problems.js';
import type { SarifFileResult } from '../reporters/sarif.js';
import { checkStdin } from './check-stdin.js';
import { type CheckRun, linter } from './lint-run.js';

export type CheckOptions = Omit<CheckCommand, 'name'>;

export const FILE_IGNORED = 'nuance/file-ignored';

/**
 * Lint files, folders, globs or stdin. Setup problems (config, packs, missing paths) are printed
 * to stderr and make the exit code 2, but linting still runs with what is valid and the report is
 * still written.
 */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const overrides: Partial<NuanceConfig> = {};
  if (options.lang !== undefined) overrides.lang = options.lang;
  if (options.audience !== undefined) overrides.audience = options.audience;
  const resolverOptions: ConstructorParameters<typeof ConfigResolver>[0] = { cwd: io.cwd, overrides };
  if (options.config !== undefined) resolverOptions.configFile = options.config;
  const resolver = new ConfigResolver(resolverOptions);

  let run: CheckRun;
  let fixedText: string | undefined;
  if (options.stdin) {
    const stdin = await checkStdin(options, io, resolver);
    run = stdin.run;
    fixedText = stdin.fixedText;
  } else {
    run = await checkFiles(options, io, resolver);
  }

  const problems = await resolver.problems();
  if (problems.length > 0) io.stderr.write(formatProblems(problems, io.cwd));
  let failed = run.failed || problems.some((p) => p.severity === 'error');

  const counts = { error: 0, warning: 0 };
  for (const result of run.results) {
    for (const m of result.messages)
      if (m.severity === 'error' || m.severity === 'warning') counts[m.severity]++;
  }
  const reported = options.quiet ? onlyErrors(run.results) : run.results;
  const env = io.env ?? process.env;
  const ruleSets = (await resolver.loadedConfigs()).map((c) => c.loaded.ruleSet);
  // --fix --stdin owns stdout (the fixed text); its report goes to --output, else stderr.
  const target = options.output === undefined && fixedText !== undefined ? io.stderr : io.stdout;
  const report = renderReport(options.format, reported, {
    ruleSet: unionRuleSet(ruleSets),
    cwd: io.cwd,
    color: options.output === undefined && useColor(target, env),
  });

  for (const diff of run.diffs) io.stdout.write(diff);
  if (fixedText !== undefined) io.stdout.write(fixedText);
  if (options.output !== undefined) {
    const file = path.resolve(io.cwd, options.output);
    try {
      await writeFileAtomic(file, report);
    } catch (error) {
      const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
      io.stderr.write(`nuance: Cannot write the report to \`${options.output}\`: ${code || String(error)}\n`);
      failed = true;
    }
  } else {
    target.write(report);
  }

  if (failed) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr.write(
      `nuance: ${counts.warning} warnings, more than the maximum of ${options.maxWarnings} (--max-warnings)\n`,
    );
    return 1;
  }
  return 0;
}

async function checkFiles(options: CheckOptions, io: CliIo, resolver: ConfigResolver): Promise<CheckRun> {
  const run: CheckRun = { results: [], diffs: [], failed: false };
  const { files, ignored, errors } = await collectFiles(options.paths, io.cwd, {
    isIgnored: async (file) => {
      const active = await resolver.forFile(file);
      if (!active.isIgnored(file)) return undefined;
      const where = active.file === undefined ? 'the config' : `\`${displayPath(active.file, io.cwd)}\``;
      return `File ignored by \`ignore\` in ${where}`;
    },
  });
  for (const error of errors) io.stderr.write(`nuance: ${error}\n`);
  run.failed ||= errors.length > 0;

  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const reason = ignored.get(file);
    if (reason !== undefined) {
      run.results.push({ path: shown, messages: [ignoredFinding(reason)] });
      continue;
    }
    const active = await resolver.forFile(file);
    try {
      run.results.push(await checkFile(file, shown, active, options, run.diffs));
    } catch (error) {
      // An internal bug: reported once for this document; the other files are still linted.
      io.stderr.write(`${shown}: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      run.failed = true;
    }
  }
  return run;
}

async function checkFile(
  file: string,
  shown: string,
  active: ActiveConfig,
  options: CheckOptions,
  diffs: string[],
): Promise<SarifFileResult> {
  const read = await readSnapshot(file, shown);
  if (!read.ok) return { path: shown, messages: [read.finding] };
  const lint = linter(file, active);
  if (options.fix || options.fixDryRun) {
    const fixed = await fixFile(read.snapshot, lint, { dryRun: options.fixDryRun === true });
    if (fixed.diff !== undefined) diffs.push(fixed.diff);
    // The findings are of the fixed text, which SARIF cannot re-read here: no `text`, so fix
    // regions keep offsets only.
    return { path: shown, messages: fixed.findings };
  }
  return { path: shown, text: read.snapshot.text, messages: lint(read.snapshot.text) };
}

/**
 * A file named on the command line that an ignore pattern covers: ESLint's "File ignored" warning,
 * as an `info` so that a pre-commit hook passing every staged file by name and running with
 * `--max-warnings 0` does not fail on files the project ignores.
 */
function ignoredFinding(reason: string): Finding {
  return {
    ruleId: FILE_IGNORED,
    severity: 'info',
    message: `${reason}; it was not linted`,
    start: 0,
    end: 0,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    actual: '',
    expected: [],
  };
}

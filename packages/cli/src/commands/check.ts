/// <reference types="node" />
import path from 'node:path';
import { ConfigResolver, describeFsError, unionRuleSet } from '@nuance/config';
import type { NuanceConfig } from '@nuance/core';
import type { CheckCommand } from '../args.js';
import { type CliIo, useColor } from '../io.js';
import { onlyErrors, renderReport, writeFileAtomic } from '../report.js';
import { formatProblems } from '../reporters/problems.js';
import { checkFiles } from './check-files.js';
import { checkStdin } from './check-stdin.js';
import type { CheckRun } from './lint-run.js';

export type CheckOptions = Omit<CheckCommand, 'name'>;

export { FILE_IGNORED } from './check-files.js';

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
    run = await checkFiles(options, overrides, io, resolver);
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
      io.stderr.write(
        `nuance: Cannot write the report to \`${options.output}\`: ${describeFsError(error)}\n`,
      );
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

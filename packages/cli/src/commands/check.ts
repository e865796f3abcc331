/// <reference types="node" />

import { ConfigResolver, unionRuleSet } from '@nuance/config';
import type { NuanceConfig } from '@nuance/core';
import { changedLines, withoutChangedLines } from '../filters/changed-lines.js';
import { type CliIo, useColor } from '../io.js';
import { writeReport } from '../output.js';
import { onlyErrors, renderReport } from '../render.js';
import { formatProblems } from '../reporters/problems.js';
import { countSeverities } from '../results.js';
import { checkFiles } from './check-files.js';
import { filterResults } from './check-filters.js';
import type { CheckOptions, CheckRun } from './check-run.js';
import { checkStdin } from './check-stdin.js';

/**
 * Lint files, folders, globs or stdin. Setup problems (config, packs, missing paths) are printed
 * to stderr and make the exit code 2, but linting still runs with what is valid and the report is
 * still written.
 */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const overrides: Partial<NuanceConfig> = {};
  if (options.lang !== undefined) overrides.lang = options.lang;
  if (options.audience !== undefined) overrides.audience = options.audience;
  if (options.locale !== undefined) overrides.locale = options.locale;
  const resolverOptions: ConstructorParameters<typeof ConfigResolver>[0] = { cwd: io.cwd, overrides };
  if (options.config !== undefined) resolverOptions.configFile = options.config;
  if (options.allowPacksOutside) resolverOptions.allowPacksOutside = true;
  if (io.cache) resolverOptions.cache = io.cache;
  const resolver = new ConfigResolver(resolverOptions);

  // Git is asked once, before the lint: a file with no added or changed line is not linted (every
  // finding of it would be dropped), which on a pull request is most of the files. Its failure is
  // reported by the filter, after a lint of every file.
  const changed =
    options.changedLinesFrom === undefined ? undefined : changedLines(options.changedLinesFrom, io.cwd);
  changed?.catch(() => {});
  const skipped =
    changed && !options.fix && !options.fixDryRun
      ? await changed.then(
          (lines) => withoutChangedLines(lines, io.cwd),
          () => undefined,
        )
      : undefined;
  const run = options.stdin
    ? await checkStdin(options, io, resolver)
    : await checkFiles(options, overrides, io, resolver, skipped);

  const filtered = await filterResults(run.results, options, io, run.inputs, changed);
  run.results = filtered.results;
  const problems = await resolver.problems();
  if (problems.length > 0) io.stderr.write(formatProblems(problems, io.cwd));
  let failed = run.failed || filtered.failed || problems.some((p) => p.severity === 'error');
  if (!(await report(run, options, io, resolver))) failed = true;

  if (failed) return 2;
  const counts = countSeverities(run.results);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr.write(
      `nuance: ${counts.warning} warnings, more than the maximum of ${options.maxWarnings} (--max-warnings)\n`,
    );
    return 1;
  }
  return 0;
}

/** Print the diffs or the fixed text, then the report; false when `--output` could not be written. */
async function report(run: CheckRun, options: CheckOptions, io: CliIo, resolver: ConfigResolver) {
  const reported = options.quiet ? onlyErrors(run.results) : run.results;
  const ruleSets = (await resolver.loadedConfigs()).map((c) => c.loaded.ruleSet);
  // --fix --stdin owns stdout (the fixed text); its report goes to --output, else stderr.
  const target = options.output === undefined && run.fixedText !== undefined ? io.stderr : io.stdout;
  const text = renderReport(options.format, reported, {
    ruleSet: unionRuleSet(ruleSets),
    cwd: io.cwd,
    color: options.output === undefined && useColor(target, io.env ?? process.env),
    readings: options.audience !== undefined,
  });

  for (const diff of run.diffs) io.stdout.write(diff);
  if (run.fixedText !== undefined) io.stdout.write(run.fixedText);
  if (options.output !== undefined) return writeReport(options.output, text, io, { protect: run.inputs });
  target.write(text);
  return true;
}

/// <reference types="node" />
import { loadConfig } from '@nuance/config';
import { lintDocument } from '@nuance/unified';
import type { OutputFormat } from '../args.js';
import { collectFiles, displayPath } from '../files.js';
import { type CliIo, useColor } from '../io.js';
import { readDocument } from '../read-file.js';
import { formatJson } from '../reporters/json.js';
import { formatProblems } from '../reporters/problems.js';
import { formatStylish } from '../reporters/stylish.js';
import type { FileResult } from '../results.js';

export interface CheckOptions {
  paths: string[];
  config?: string;
  format: OutputFormat;
}

/**
 * Lint files and folders. Setup problems (config, packs, missing paths) are printed to stderr and
 * make the exit code 2, but linting still runs with what is valid and the report is still written.
 */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  let setupFailed = false;
  const loadOptions: Parameters<typeof loadConfig>[0] = { cwd: io.cwd };
  if (options.config !== undefined) loadOptions.configFile = options.config;
  const loaded = await loadConfig(loadOptions);
  if (loaded.problems.length > 0) {
    io.stderr.write(formatProblems(loaded.problems, io.cwd));
    setupFailed ||= loaded.problems.some((p) => p.severity === 'error');
  }

  const { files, errors } = await collectFiles(options.paths, io.cwd);
  for (const error of errors) io.stderr.write(`nuance: ${error}\n`);
  setupFailed ||= errors.length > 0;

  const results: FileResult[] = [];
  for (const file of files) {
    const path = displayPath(file, io.cwd);
    const read = await readDocument(file);
    if (!read.ok) {
      results.push({ path, messages: [read.finding] });
      continue;
    }
    try {
      const input: Parameters<typeof lintDocument>[0] = {
        text: read.text,
        path: file,
        ruleSet: loaded.ruleSet,
      };
      if (loaded.config.lang !== undefined) input.lang = loaded.config.lang;
      const { findings } = await lintDocument(input);
      results.push({ path, messages: findings });
    } catch (error) {
      // An internal bug: reported once for this document; the other files are still linted.
      io.stderr.write(`${path}: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      setupFailed = true;
    }
  }

  const env = io.env ?? process.env;
  io.stdout.write(
    options.format === 'json'
      ? formatJson(results)
      : formatStylish(results, { color: useColor(io.stdout, env) }),
  );
  if (setupFailed) return 2;
  return results.some((r) => r.messages.some((m) => m.severity === 'error')) ? 1 : 0;
}

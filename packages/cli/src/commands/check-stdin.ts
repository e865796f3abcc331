/// <reference types="node" />
import path from 'node:path';
import { type ConfigResolver, DEFAULT_MAX_FILE_BYTES, formatBytes } from '@nuance/config';
import { errorText } from '../error-text.js';
import { fixDiff, planFixes } from '../fix/plan.js';
import type { CliIo } from '../io.js';
import { linter } from '../parallel/lint-one.js';
import { decodeDocument, RAISE_LIMIT, unreadableFile } from '../read-file.js';
import { terminalText } from '../reporters/terminal-text.js';
import { type CheckOptions, type CheckRun, internalErrorFinding } from './check-run.js';

export const STDIN_PATH = '<stdin>';

/**
 * Lint standard input. `--stdin-filename` picks Markdown or text, the nearest config and the
 * language suffix, and is the path shown in the report; without it the text is plain text under
 * the working folder's config, shown as `<stdin>`. With `--fix`, the fixed text (BOM kept) is what
 * goes to stdout, as textlint and Prettier do, so `nuance --stdin --fix < a.md > b.md` works.
 */
export async function checkStdin(
  options: CheckOptions,
  io: CliIo,
  resolver: ConfigResolver,
): Promise<CheckRun> {
  const name = options.stdinFilename;
  const file = name === undefined ? undefined : path.resolve(io.cwd, name);
  const shown = name === undefined ? STDIN_PATH : name.split(path.sep).join('/').replace(/\\/g, '/');
  // The named draft is what stdin stands for: the report must not be written over it.
  const run: CheckRun = { results: [], diffs: [], inputs: file === undefined ? [] : [file], failed: false };
  const active = file === undefined ? await resolver.forDir(io.cwd) : await resolver.forFile(file);

  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const input = await readAll(io.stdin, maxBytes);
  const decoded =
    input === undefined
      ? unreadableFile(
          `Cannot read standard input: it is more than the limit of ${formatBytes(maxBytes)}; ${RAISE_LIMIT}`,
        )
      : decodeDocument(input);
  if (!decoded.ok) {
    run.results.push({ path: shown, messages: [decoded.finding] });
    return run;
  }
  const lint = linter(file, active.loaded);
  try {
    if (options.fix || options.fixDryRun) {
      const plan = planFixes(decoded.text, lint);
      // The findings are of the fixed text, which is not the report's `text`.
      run.results.push({ path: shown, messages: plan.findings });
      if (options.fix) run.fixedText = (decoded.bom ? '\uFEFF' : '') + plan.output;
      else {
        const diff = fixDiff(plan, shown);
        if (diff !== undefined) run.diffs.push(diff);
      }
    } else {
      run.results.push({ path: shown, text: decoded.text, messages: lint(decoded.text) });
    }
  } catch (error) {
    const detail = errorText(error);
    io.stderr.write(`${terminalText(shown)}: internal error: ${terminalText(detail)}\n`);
    run.failed = true;
    run.results = [{ path: shown, messages: [internalErrorFinding(detail)] }];
    delete run.fixedText;
  }
  return run;
}

/** Standard input, or undefined once it is over `maxBytes` (the rest is not read). */
async function readAll(
  stream: AsyncIterable<Uint8Array | string> | undefined,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (!stream) return new Uint8Array();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    total += bytes.length;
    if (total > maxBytes) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

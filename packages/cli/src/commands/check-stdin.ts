/// <reference types="node" />
import path from 'node:path';
import type { ConfigResolver } from '@nuance/config';
import { fixText } from '@nuance/core';
import { fixFile } from '../fix/fix-file.js';
import type { CliIo } from '../io.js';
import { linter } from '../parallel/lint-one.js';
import { decodeDocument } from '../read-file.js';
import type { CheckOptions } from './check.js';
import type { CheckRun } from './lint-run.js';

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
): Promise<{ run: CheckRun; fixedText?: string }> {
  const run: CheckRun = { results: [], diffs: [], failed: false };
  const name = options.stdinFilename;
  const file = name === undefined ? undefined : path.resolve(io.cwd, name);
  const shown = name === undefined ? STDIN_PATH : name.split(path.sep).join('/').replace(/\\/g, '/');
  const active = file === undefined ? await resolver.forDir(io.cwd) : await resolver.forFile(file);

  const bytes = await readAll(io.stdin);
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) {
    run.results.push({ path: shown, messages: [decoded.finding] });
    return { run };
  }
  const lint = linter(file, active.loaded);
  try {
    if (options.fix) {
      const fixed = fixText(decoded.text, lint);
      run.results.push({ path: shown, messages: fixed.findings });
      return { run, fixedText: (decoded.bom ? '\uFEFF' : '') + fixed.output };
    }
    if (options.fixDryRun) {
      // A dry run never writes, so the snapshot's file fields are never used to write.
      const snapshot = {
        path: file ?? STDIN_PATH,
        displayPath: shown,
        bytes,
        text: decoded.text,
        bom: decoded.bom,
        mode: 0o644,
        mtimeMs: 0,
      };
      const result = await fixFile(snapshot, lint, { dryRun: true });
      if (result.diff !== undefined) run.diffs.push(result.diff);
      run.results.push({ path: shown, messages: result.findings });
      return { run };
    }
    run.results.push({ path: shown, text: decoded.text, messages: lint(decoded.text) });
  } catch (error) {
    io.stderr.write(`${shown}: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    run.failed = true;
  }
  return { run };
}

async function readAll(stream: AsyncIterable<Uint8Array | string> | undefined): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

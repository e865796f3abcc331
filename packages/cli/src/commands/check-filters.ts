/// <reference types="node" />
// What a check reports when it is judged against history: `--changed-lines-from` keeps the
// findings on changed lines, `--baseline` drops the known ones, `--write-baseline` records every
// finding as known. Fingerprints are taken before anything is dropped (see fingerprint.ts).
import path from 'node:path';
import { describeFsError } from '@nuance/config';
import { BaselineError, dropKnown, formatBaseline, readBaseline, toBaseline } from '../filters/baseline.js';
import { type ChangedLines, changedLines, keepChangedLines } from '../filters/changed-lines.js';
import { ChangedLinesError } from '../filters/changed-lines-error.js';
import { withFingerprints } from '../fingerprint.js';
import type { CliIo } from '../io.js';
import { OutputError, writeOutputFile } from '../output.js';
import { terminalText } from '../reporters/terminal-text.js';
import type { FileResult } from '../results.js';
import type { CheckOptions } from './check-run.js';

export interface Filtered {
  results: FileResult[];
  /** A filter could not run (a bad REF, an unreadable baseline): exit 2. */
  failed: boolean;
}

/** `changed`: what git said of `--changed-lines-from`, when it was asked before the lint. */
export async function filterResults(
  results: FileResult[],
  options: CheckOptions,
  io: CliIo,
  inputs: readonly string[],
  changed?: Promise<ChangedLines>,
): Promise<Filtered> {
  if (!options.changedLinesFrom && !options.baseline && !options.writeBaseline)
    return { results, failed: false };
  let kept = withFingerprints(results);
  const fail = (message: string): Filtered => {
    io.stderr.write(`nuance: ${terminalText(message)}\n`);
    return { results: kept, failed: true };
  };
  if (options.writeBaseline !== undefined) {
    const baseline = toBaseline(kept);
    try {
      await writeOutputFile(path.resolve(io.cwd, options.writeBaseline), formatBaseline(baseline), {
        protect: inputs,
      });
    } catch (error) {
      const why = error instanceof OutputError ? error.message : describeFsError(error);
      return fail(`Cannot write the baseline \`${options.writeBaseline}\`: ${why}`);
    }
    const known = new Set(baseline.findings.map((f) => f.fingerprint));
    io.stderr.write(
      `nuance: wrote ${known.size} known findings to ${terminalText(options.writeBaseline)} (--write-baseline)\n`,
    );
    return { results: dropKnown(kept, known), failed: false };
  }
  try {
    if (options.changedLinesFrom !== undefined) {
      const lines = await (changed ?? changedLines(options.changedLinesFrom, io.cwd));
      kept = keepChangedLines(kept, lines, io.cwd);
    }
    if (options.baseline !== undefined) {
      kept = dropKnown(kept, await readBaseline(path.resolve(io.cwd, options.baseline)));
    }
  } catch (error) {
    if (error instanceof ChangedLinesError) return fail(`--changed-lines-from: ${error.message}`);
    if (error instanceof BaselineError) return fail(error.message);
    throw error;
  }
  return { results: kept, failed: false };
}

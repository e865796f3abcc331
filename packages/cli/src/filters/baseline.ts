/// <reference types="node" />
// `--baseline FILE` and `--write-baseline FILE`: an archive with known findings fails only on new
// ones. The file lists the known findings by fingerprint (fingerprint.ts, SARIF's
// partialFingerprints), never by line, so editing a draft above a known finding keeps it known.
// Path, rule and text are written beside each fingerprint for the reader of a diff of the file.
import { readFile } from 'node:fs/promises';
import type { Finding } from '@nuance/core';
import { fileFingerprints } from '../fingerprint.js';
import type { FileResult } from '../results.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  path: string;
  ruleId: string;
  actual: string;
}

export interface BaselineFile {
  nuanceBaseline: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** Why a baseline could not be read. */
export class BaselineError extends Error {}

/** Findings about the run rather than the text (a bug, a fix not written) are never known. */
const NEVER_KNOWN: ReadonlySet<string> = new Set(['nuance/internal-error', 'nuance/fix-not-applied']);

export function toBaseline(results: readonly FileResult[]): BaselineFile {
  const findings: BaselineEntry[] = [];
  for (const file of results) {
    const prints = fileFingerprints(file);
    for (const f of file.messages) {
      if (NEVER_KNOWN.has(f.ruleId)) continue;
      findings.push({
        fingerprint: prints.get(f) ?? '',
        path: file.path,
        ruleId: f.ruleId,
        actual: f.actual,
      });
    }
  }
  return { nuanceBaseline: BASELINE_VERSION, findings };
}

export function formatBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** The fingerprints a baseline file knows. */
export async function readBaseline(file: string): Promise<ReadonlySet<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`Cannot read the baseline \`${file}\`: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`The baseline \`${file}\` is not valid JSON: ${(error as Error).message}`);
  }
  const findings = (data as Partial<BaselineFile> | null)?.findings;
  if (
    (data as Partial<BaselineFile> | null)?.nuanceBaseline !== BASELINE_VERSION ||
    !Array.isArray(findings)
  ) {
    throw new BaselineError(
      `The baseline \`${file}\` is not a nuance baseline: expected \`{"nuanceBaseline": 1, "findings": [...]}\` (write one with \`--write-baseline\`)`,
    );
  }
  return new Set(findings.map((f: Partial<BaselineEntry>) => String(f?.fingerprint ?? '')));
}

/** The results without the findings the baseline knows. */
export function dropKnown(results: readonly FileResult[], known: ReadonlySet<string>): FileResult[] {
  return results.map((r) => {
    const prints = fileFingerprints(r);
    const isNew = (f: Finding) => NEVER_KNOWN.has(f.ruleId) || !known.has(prints.get(f) ?? '');
    return { ...r, messages: r.messages.filter(isNew) };
  });
}

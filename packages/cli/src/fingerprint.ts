/// <reference types="node" />
// A finding's fingerprint: what stays the same while the text around it is edited. It is SARIF's
// `partialFingerprints['nuanceFinding/v1']` and the key of a `--baseline` file, so code scanning
// and a baseline recognise the same finding alike. It hashes the rule, the file's path (relative
// to the working folder, as in every report), the matched text and which occurrence of that text
// under that rule it is in the file; no line or column, so lines added above it change nothing.

import { nodeCrypto } from '@nuance/config';
import type { Finding } from '@nuance/core';
import type { FileResult } from './results.js';

function fingerprint(path: string, finding: Finding, occurrence: number): string {
  return nodeCrypto()
    .createHash('sha256')
    .update(`${finding.ruleId}\0${path}\0${finding.actual}\0${occurrence}`)
    .digest('hex')
    .slice(0, 32);
}

/** The fingerprint of each finding of `path`, counting occurrences over `messages` in order. */
export function fingerprintsOf(path: string, messages: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const prints = new Map<Finding, string>();
  for (const f of messages) {
    const key = `${f.ruleId}\0${f.actual}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    prints.set(f, fingerprint(path, f, occurrence));
  }
  return prints;
}

/**
 * The fingerprints of a file's findings: those computed before its findings were filtered, when
 * they were (a filtered list would count occurrences differently), else from its findings.
 */
export function fileFingerprints(file: FileResult): ReadonlyMap<Finding, string> {
  return file.fingerprints ?? fingerprintsOf(file.path, file.messages);
}

/** The same results, each carrying the fingerprints of all its findings, ready to be filtered. */
export function withFingerprints(results: readonly FileResult[]): FileResult[] {
  return results.map((r) => ({ ...r, fingerprints: fingerprintsOf(r.path, r.messages) }));
}

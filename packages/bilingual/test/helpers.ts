import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compilePacks, type Finding, parsePack, type RuleSet } from '@nuance/core';

let cached: RuleSet | undefined;

/** The built-in korea-china pack, compiled from its YAML. */
export function koreaChina(): RuleSet {
  if (cached) return cached;
  const file = fileURLToPath(new URL('../../../rules/korea-china/pack.yaml', import.meta.url));
  const { pack, problems } = parsePack(readFileSync(file, 'utf8'), file);
  if (!pack || problems.some((p) => p.severity === 'error')) throw new Error(JSON.stringify(problems));
  cached = compilePacks([pack]).ruleSet;
  return cached;
}

/** `line:column-endLine:endColumn rule [check] actual` for each finding: readable expectations. */
export function places(findings: readonly Finding[]): string[] {
  return findings.map((f) => {
    const check = f.source?.check ? ` ${f.source.check}` : '';
    return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}${check} ${f.actual}`;
  });
}

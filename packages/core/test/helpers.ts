// Test helpers: a rule set from pack YAML, plain text split into blank-line blocks, and `⟦…⟧` spans.

import type { CompileOptions, Finding, ParsedPack, RuleSet, Segment } from '../src/index.js';
import { compilePacks, lintSegments } from '../src/index.js';
import { parsePack } from '../src/pack/parse.js';

/** `packs`: already parsed (and changed: a locale file applied) instead of `yaml`. */
export function ruleSetFromYaml(yaml: string, options: CompileOptions = {}, packs?: ParsedPack[]): RuleSet {
  if (packs) return compilePacks(packs, options).ruleSet;
  const { pack, problems } = parsePack(yaml, 'test-pack.yaml');
  if (!pack || problems.length > 0) {
    throw new Error(
      `test pack problems: ${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`,
    );
  }
  const compiled = compilePacks([pack], options);
  if (compiled.problems.length > 0)
    throw new Error(`compile problems: ${compiled.problems.map((p) => p.message).join('; ')}`);
  return compiled.ruleSet;
}

/** One segment per block of non-blank lines, each a single piece of the document text. */
export function blockSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let blockStart = -1;
  let blockEnd = -1;
  for (let m = lineRe.exec(text); m !== null && m[0] !== ''; m = lineRe.exec(text)) {
    const content = m[0].replace(/[\r\n]+$/, '');
    if (content.trim() === '') {
      if (blockStart >= 0) segments.push({ pieces: [{ start: blockStart, end: blockEnd }] });
      blockStart = -1;
    } else {
      if (blockStart < 0) blockStart = m.index;
      blockEnd = m.index + content.length;
    }
  }
  if (blockStart >= 0) segments.push({ pieces: [{ start: blockStart, end: blockEnd }] });
  return segments;
}

export function lintText(text: string, ruleSet: RuleSet): Finding[] {
  return lintSegments({ text, segments: blockSegments(text) }, ruleSet);
}

/** `line:column-endLine:endColumn ruleId actual` rows, easy to read in expectations. */
export function rows(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.actual}`);
}

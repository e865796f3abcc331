// Lints a bilingual file (XLIFF, parallel TSV): each side that is only a source gets every rule in
// its language; each target side goes through core's `lintBilingual` with its source.
import {
  createLineIndex,
  type Finding,
  lintBilingual,
  lintSegments,
  type RuleSet,
  toolFinding,
} from '@nuance/core';
import { readParallelTsv } from './tsv.js';
import type { BilingualFile } from './types.js';
import { readXliff } from './xliff.js';

export type BilingualFormat = 'xliff' | 'tsv';

export interface BilingualLintOptions {
  ruleSet: RuleSet;
  /** Config `source-language`: the TSV column that is the source. */
  sourceLanguage?: string | undefined;
  /** Config `topic` (and `voice`). */
  topic?: readonly string[] | undefined;
}

/** `.xlf`, `.xliff` (and `.sdlxliff`, `.mqxliff`) are XLIFF; a `.tsv` is parallel text when its
 *  header names two language columns (`readParallelTsv`). */
export function bilingualFormatOf(path: string | undefined): BilingualFormat | undefined {
  if (path === undefined) return undefined;
  if (/\.(?:xlf|xliff|sdlxliff|mqxliff)$/iu.test(path)) return 'xliff';
  if (/\.tsv$/iu.test(path)) return 'tsv';
  return undefined;
}

/** The bilingual file of `text`, or undefined for a TSV that is not parallel text. */
export function readBilingual(
  text: string,
  format: BilingualFormat,
  sourceLanguage?: string,
): BilingualFile | undefined {
  return format === 'xliff' ? readXliff(text) : readParallelTsv(text, sourceLanguage);
}

/** Every finding of a bilingual file, in document order. */
export function lintBilingualFile(file: BilingualFile, options: BilingualLintOptions): Finding[] {
  const { text } = file;
  const out: Finding[] = [];
  const targets = new Set(file.pairs.map((p) => p.target));
  const topic = options.topic ?? [];
  file.sides.forEach((side, index) => {
    if (targets.has(index) || side.segments.length === 0) return;
    const input = { text, segments: side.segments, topic, ...(side.lang ? { lang: side.lang } : {}) };
    for (const f of lintSegments(input, options.ruleSet)) out.push(f);
  });
  for (const pair of file.pairs) {
    const source = file.sides[pair.source];
    const target = file.sides[pair.target];
    if (!source || !target) continue;
    const findings = lintBilingual(
      {
        source: { text, segments: source.segments, lang: source.lang, topic },
        target: { text, segments: target.segments, lang: target.lang, topic },
        units: pair.units,
      },
      options.ruleSet,
    );
    for (const f of findings) out.push(f);
  }
  if (file.problems.length > 0) {
    const lines = createLineIndex(text);
    for (const p of file.problems) {
      const from = lines.position(p.start);
      const to = lines.position(p.end);
      out.push(
        toolFinding('nuance/broken-unit', p.message, {
          start: p.start,
          end: p.end,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
        }),
      );
    }
  }
  return out
    .map(xmlSafe)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}

// A replacement goes into XML as it is: one that would need escaping is no edit.
function xmlSafe(f: Finding): Finding {
  const unsafe = (text: string) => /[<&]/u.test(text);
  if (!f.suggestions?.some((s) => unsafe(s.text))) return f;
  const { fix, suggestions, ...rest } = f;
  const kept = suggestions.filter((s) => !unsafe(s.text));
  const out: Finding = kept.length > 0 ? { ...rest, suggestions: kept } : rest;
  if (fix && !unsafe(fix.text)) out.fix = fix;
  return out;
}

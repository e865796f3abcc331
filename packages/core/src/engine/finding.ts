// Builds the one Finding shape (DESIGN: Findings), including the minimal edits. Adapters never
// compute edits; they convert these.
import { reselectParticles } from '../lang/ko-particles.js';
import type { LineIndex } from '../text/lines.js';
import type { Edit, Finding, Prose } from '../types.js';
import type { Candidate, SegmentState } from './candidates.js';
import type { CompiledRule } from './compiled.js';

export interface DocContext {
  text: string;
  lines: LineIndex;
}

function fillMessage(template: string, actual: string, expected: readonly string[]): string {
  return template.replace(/\{(actual|expected)\}/g, (_, key: string) =>
    key === 'actual' ? actual : expected.join('`, `'),
  );
}

function codePointLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

/**
 * The minimal document edit turning prose[ps, pe) into `replacement`: common prefix and suffix
 * trimmed per code point. Undefined when the edit would cover markup (the document text of the
 * changed range differs from its prose).
 */
export function minimalEdit(docText: string, prose: Prose, ps: number, pe: number, replacement: string): Edit | undefined {
  const actual = prose.text.slice(ps, pe);
  let pre = 0;
  while (pre < actual.length && pre < replacement.length) {
    const n = codePointLength(actual, pre);
    if (actual.slice(pre, pre + n) !== replacement.slice(pre, pre + n)) break;
    pre += n;
  }
  let suf = 0;
  while (suf < actual.length - pre && suf < replacement.length - pre) {
    const a = actual.charCodeAt(actual.length - 1 - suf);
    const r = replacement.charCodeAt(replacement.length - 1 - suf);
    if (a !== r) break;
    // Never split a surrogate pair.
    if (a >= 0xdc00 && a <= 0xdfff) {
      if (actual.charCodeAt(actual.length - 2 - suf) !== replacement.charCodeAt(replacement.length - 2 - suf)) break;
      if (suf + 2 > actual.length - pre || suf + 2 > replacement.length - pre) break;
      suf += 2;
      continue;
    }
    suf++;
  }
  const a = ps + pre;
  const b = pe - suf;
  const text = replacement.slice(pre, replacement.length - suf);
  if (a === b) {
    if (text === '') return undefined;
    const at = a < pe ? (prose.docStart[a] ?? 0) : (prose.docEnd[a - 1] ?? 0);
    return { start: at, end: at, text };
  }
  const start = prose.docStart[a] ?? 0;
  const end = prose.docEnd[b - 1] ?? start;
  if (docText.slice(start, end) !== prose.text.slice(a, b)) return undefined;
  return { start, end, text };
}

export function makeFinding(
  doc: DocContext,
  rule: CompiledRule,
  seg: SegmentState,
  c: Candidate,
  expected: string[],
  options: { fixable: boolean; message?: string; suggest?: boolean },
): Finding {
  const { prose } = seg;
  const start = prose.docStart[c.ps] ?? 0;
  const end = prose.docEnd[c.pe - 1] ?? start;
  const from = doc.lines.position(start);
  const to = doc.lines.position(end);
  const actual = prose.text.slice(c.ps, c.pe);
  const finding: Finding = {
    ruleId: rule.info.id,
    severity: rule.severity,
    message: fillMessage(options.message ?? rule.info.message, actual, expected),
    start,
    end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    actual,
    expected,
  };
  const suggestions: Edit[] = [];
  for (const e of options.suggest === false ? [] : expected) {
    const edit = suggestionFor(doc.text, prose, c, e);
    if (edit) suggestions.push(edit);
  }
  if (suggestions.length > 0) {
    finding.suggestions = suggestions;
    if (options.fixable && suggestions[0] && expected.length > 0) finding.fix = suggestions[0];
  }
  if (rule.info.note !== undefined) finding.note = rule.info.note;
  if (rule.info.url !== undefined) finding.url = rule.info.url;
  if (rule.audiences !== undefined && Object.keys(rule.audiences).length > 0) finding.audiences = rule.audiences;
  return finding;
}

/** The edit realising one expected text, widened over a Korean particle whose form must change. */
function suggestionFor(docText: string, prose: Prose, c: Candidate, expected: string): Edit | undefined {
  const first = c.particles[0];
  if (first !== undefined) {
    const next = reselectParticles(expected, c.particles)[0] ?? first;
    if (next !== first) {
      return minimalEdit(docText, prose, c.ps, c.pe + first.length, expected + next);
    }
  }
  return minimalEdit(docText, prose, c.ps, c.pe, expected);
}

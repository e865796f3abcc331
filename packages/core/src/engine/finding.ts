// Builds the one Finding shape (DESIGN: Findings), including the minimal edits. Adapters never
// compute edits; they convert these.
import { reselectParticles } from '../lang/ko-particles.js';
import type { LineIndex } from '../text/lines.js';
import type { ContextLicense, Edit, Finding, Prose, Severity } from '../types.js';
import type { Candidate, SegmentState } from './candidates.js';

export interface DocContext {
  text: string;
  lines: LineIndex;
  /** Every segment of the lint, in document order (SegmentState.index). */
  segments: readonly SegmentState[];
  /**
   * Whether the document reads as Simplified (`hans`) or Traditional (`hant`) Chinese: by its
   * characters, else by the configured audience (zh-TW, zh-HK, zh-Hant read Traditional), else
   * Simplified, as for PRC readers.
   */
  inScript(script: 'hans' | 'hant', audience: readonly string[] | undefined): boolean;
}

/** What every finding of a rule carries from it, as compiled (severity and audiences per config). */
export interface FindingRule {
  id: string;
  severity: Severity;
  message: string;
  note?: string;
  url?: string;
  /** The readings kept after the audience filter. */
  audiences?: Record<string, string>;
  /** The config sets the rule's severity: it wins over a term's own. */
  configuredSeverity?: boolean;
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

function codePointLengthBefore(s: string, end: number): number {
  const c = s.charCodeAt(end - 1);
  return c >= 0xdc00 && c <= 0xdfff && end >= 2 ? 2 : 1;
}

// Units the match view drops or folds (line breaks, spaces, zero-width characters): an edit keeps
// them where they are rather than rewriting them, so a term wrapped over two lines keeps its wrap.
const IGNORABLE = /^(?:\s|[\u200b-\u200d\u2060\u00ad\ufeff]|\p{Variation_Selector})$/u;
const SPACE = /^\s$/u;

type Step = 'both' | 'actual' | 'stop';

function step(a: string, r: string | undefined): Step {
  if (r !== undefined && (a === r || (SPACE.test(a) && SPACE.test(r)))) return 'both';
  return IGNORABLE.test(a) ? 'actual' : 'stop';
}

/**
 * The minimal document edit turning prose[ps, pe) into `replacement`: common prefix and suffix
 * trimmed per code point, where whitespace and invisibles of the original that the replacement
 * lacks stay untouched. Undefined when the edit would cover markup (the document text of the
 * changed range differs from its prose).
 */
function minimalEdit(
  docText: string,
  prose: Prose,
  ps: number,
  pe: number,
  replacement: string,
): Edit | undefined {
  const actual = prose.text.slice(ps, pe);
  let a0 = 0;
  let r0 = 0;
  while (a0 < actual.length) {
    const n = codePointLength(actual, a0);
    const m = r0 < replacement.length ? codePointLength(replacement, r0) : 0;
    const s = step(actual.slice(a0, a0 + n), m ? replacement.slice(r0, r0 + m) : undefined);
    if (s === 'stop') break;
    a0 += n;
    if (s === 'both') r0 += m;
  }
  let a1 = actual.length;
  let r1 = replacement.length;
  while (a1 > a0) {
    const n = codePointLengthBefore(actual, a1);
    const m = r1 > r0 ? codePointLengthBefore(replacement, r1) : 0;
    const s = step(actual.slice(a1 - n, a1), m ? replacement.slice(r1 - m, r1) : undefined);
    if (s === 'stop') break;
    a1 -= n;
    if (s === 'both') r1 -= m;
  }
  const a = ps + a0;
  const b = ps + a1;
  const text = replacement.slice(r0, r1);
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
  rule: FindingRule,
  seg: SegmentState,
  c: Candidate,
  expected: string[],
  options: {
    fixable: boolean;
    message?: string;
    suggest?: boolean;
    /** A term's own severity, when the config does not set the rule's. */
    severity?: Severity;
    /** What licensed the match (its rule's or term's context condition). */
    context?: ContextLicense[] | undefined;
  },
): Finding {
  const { prose } = seg;
  const start = prose.docStart[c.ps] ?? 0;
  const end = prose.docEnd[c.pe - 1] ?? start;
  const from = doc.lines.position(start);
  const to = doc.lines.position(end);
  const actual = prose.text.slice(c.ps, c.pe);
  const finding: Finding = {
    ruleId: rule.id,
    severity: rule.configuredSeverity ? rule.severity : (options.severity ?? rule.severity),
    message: fillMessage(options.message ?? rule.message, actual, expected),
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
  if (rule.note !== undefined) finding.note = rule.note;
  if (rule.url !== undefined) finding.url = rule.url;
  if (rule.audiences !== undefined && Object.keys(rule.audiences).length > 0)
    finding.audiences = rule.audiences;
  if (options.context !== undefined && options.context.length > 0) finding.context = options.context;
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

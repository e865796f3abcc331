// Builds the one Finding shape (DESIGN: Findings), including the minimal edits. Adapters never
// compute edits; they convert these.
import type { Locale } from '../i18n/locale.js';
import { fillMessage } from '../i18n/message.js';
import { type RuleLocales, textsIn } from '../i18n/rule-texts.js';
import { hanInKoreanProse } from '../lang/han.js';
import { reselectParticles } from '../lang/ko-particles.js';
import { hasHangul, isHanCodePoint } from '../lang/script.js';
import { detached } from '../text/detach.js';
import type { LineIndex } from '../text/lines.js';
import type { ContextLicense, Edit, Finding, Prose, Severity } from '../types.js';
import { type Candidate, type SegmentState, sentenceOf, sentenceSpans } from './candidates.js';

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
  /** The locale of the document's messages, notes, readings and offered wording (i18n/locale.ts). */
  readonly locale: Locale;
}

/** A message in English and, where translated, in other locales. */
export type LocalizedMessage = { en: string } & Partial<Record<Locale, string>>;

/** What every finding of a rule carries from it, as compiled (severity and audiences per config). */
export interface FindingRule {
  id: string;
  severity: Severity;
  message: string;
  note?: string;
  url?: string;
  /** The readings kept after the audience filter. */
  audiences?: Record<string, string>;
  /** The texts in other locales (textsIn falls back to English per text). */
  locales?: RuleLocales;
  /** The config sets the rule's severity: it wins over a term's own. */
  configuredSeverity?: boolean;
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
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
// What may sit in the document between two lines of one segment: the line break, the indentation
// and the blockquote markers of the next line. Anything else there is markup an edit must not move.
const LINE_GAP = /^[\s>]*$/u;

type Step = 'both' | 'actual' | 'stop';

function step(a: string, r: string | undefined): Step {
  if (r !== undefined && (a === r || (SPACE.test(a) && SPACE.test(r)))) return 'both';
  return IGNORABLE.test(a) ? 'actual' : 'stop';
}

/** A whitespace run of the prose that holds a line break: [start, end) in prose units. */
interface Wrap {
  start: number;
  end: number;
}

/** The whitespace runs of prose[a, b) that hold a line break. */
function wrapsIn(prose: string, a: number, b: number): Wrap[] {
  const wraps: Wrap[] = [];
  for (let i = a; i < b; ) {
    if (!SPACE.test(prose[i] ?? '')) {
      i++;
      continue;
    }
    let j = i;
    while (j < b && SPACE.test(prose[j] ?? '')) j++;
    if (LINE_BREAK.test(prose.slice(i, j))) wraps.push({ start: i, end: j });
    i = j;
  }
  return wraps;
}

/** Code points of s[from, to). */
function codePointCount(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += codePointLength(s, i)) n++;
  return n;
}

/** UTF-16 offset of the code point numbered `n` in s (its length when s is shorter). */
function offsetOfCodePoint(s: string, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) i += codePointLength(s, i);
  return i;
}

/**
 * `text`, the replacement of prose[a, b), with every line break of prose[a, b) kept (--fix never
 * joins lines): each wrap goes after as many code points of `text` as the original has before it
 * (outside wraps), in place of the spaces of `text` it meets, written as the document has it (the
 * break plus the next line's indentation or `>` markers). Undefined when anything but that sits
 * between the lines, or markup inside the rest (the document text differs from the prose).
 */
function keepWraps(docText: string, prose: Prose, a: number, b: number, text: string): string | undefined {
  let out = '';
  let taken = 0; // offset in `text`
  let visible = 0; // code points of prose[a, b) outside wraps, up to the current wrap
  let from = a;
  for (const w of wrapsIn(prose.text, a, b)) {
    if (!sameText(docText, prose, from, w.start)) return undefined;
    const gap = docText.slice(prose.endAt(w.start - 1) ?? 0, prose.startAt(w.end) ?? 0);
    if (!LINE_GAP.test(gap)) return undefined;
    visible += codePointCount(prose.text, from, w.start);
    let cut = Math.max(offsetOfCodePoint(text, visible), taken);
    let resume = cut;
    while (cut > taken && SPACE.test(text[cut - 1] ?? '')) cut--;
    while (resume < text.length && SPACE.test(text[resume] ?? '')) resume++;
    out += text.slice(taken, cut) + gap;
    taken = resume;
    from = w.end;
  }
  if (!sameText(docText, prose, from, b)) return undefined;
  return out + text.slice(taken);
}

/** The document text of prose[a, b) is that prose, unit for unit: no markup inside it. */
function sameText(docText: string, prose: Prose, a: number, b: number): boolean {
  if (a >= b) return true;
  const start = prose.startAt(a) ?? 0;
  const end = prose.endAt(b - 1) ?? start;
  return docText.slice(start, end) === prose.text.slice(a, b);
}

/**
 * The minimal document edit turning prose[ps, pe) into `replacement`: common prefix and suffix
 * trimmed per code point, where whitespace and invisibles of the original that the replacement
 * lacks stay untouched, and a line break inside the changed part is kept (keepWraps). Undefined
 * when the edit would cover markup (the document text of the changed range differs from its prose
 * other than at a kept line break).
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
    const at = a < pe ? (prose.startAt(a) ?? 0) : (prose.endAt(a - 1) ?? 0);
    return { start: at, end: at, text };
  }
  const kept = keepWraps(docText, prose, a, b, text);
  if (kept === undefined) return undefined;
  const start = prose.startAt(a) ?? 0;
  const end = prose.endAt(b - 1) ?? start;
  return { start, end, text: kept };
}

/** Where the prose range [ps, pe) is in the document: UTF-16 offsets, 1-based lines and columns. */
export function placeOf(
  doc: DocContext,
  prose: Prose,
  ps: number,
  pe: number,
): Pick<Finding, 'start' | 'end' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  return setPlace({ start: 0, end: 0, line: 0, column: 0, endLine: 0, endColumn: 0 }, doc, prose, ps, pe);
}

/** `placeOf` into `into`'s own keys. */
function setPlace<T extends Pick<Finding, 'start' | 'end' | 'line' | 'column' | 'endLine' | 'endColumn'>>(
  into: T,
  doc: DocContext,
  prose: Prose,
  ps: number,
  pe: number,
): T {
  const start = prose.startAt(ps) ?? 0;
  const end = prose.endAt(pe - 1) ?? start;
  const from = doc.lines.position(start);
  const to = doc.lines.position(end);
  into.start = start;
  into.end = end;
  into.line = from.line;
  into.column = from.column;
  into.endLine = to.line;
  into.endColumn = to.column;
  return into;
}

type Texts = ReturnType<typeof textsIn>;
const textsOf = new WeakMap<FindingRule, Partial<Record<Locale, Texts>>>();

/** A compiled rule's texts in a locale, made once: a dense draft gives a rule many findings. */
function ruleTexts(rule: FindingRule, locale: Locale): Texts {
  let byLocale = textsOf.get(rule);
  if (!byLocale) {
    byLocale = {};
    textsOf.set(rule, byLocale);
  }
  byLocale[locale] ??= textsIn(rule, locale);
  return byLocale[locale];
}

export function makeFinding(
  doc: DocContext,
  rule: FindingRule,
  seg: SegmentState,
  c: Candidate,
  expected: string[],
  options: {
    fixable: boolean;
    /** Instead of the rule's message (a caution's escalated one, the tool's own). */
    message?: LocalizedMessage;
    suggest?: boolean;
    /** A term's own severity, when the config does not set the rule's. */
    severity?: Severity;
    /** What licensed the match (its rule's or term's context condition). */
    context?: ContextLicense[] | undefined;
  },
): Finding {
  const { prose } = seg;
  // Kept with the finding (an editor's findings outlive the document version they were made of).
  const actual = detached(prose.text.slice(c.ps, c.pe));
  const locale = doc.locale;
  const texts = ruleTexts(rule, locale);
  // A plural through the `ie` stem is a finding on the stem (`policie`), which the fix replaces;
  // the message names whole words: `defence policies`.
  const suffix = c.ref.ies === true && c.tail > c.pe ? prose.text.slice(c.pe, c.tail) : '';
  const template = options.message ? (options.message[locale] ?? options.message.en) : texts.message;
  const finding: Finding = {
    ruleId: rule.id,
    severity: rule.configuredSeverity ? rule.severity : (options.severity ?? rule.severity),
    message: fillMessage(
      template,
      actual + suffix,
      suffix ? expected.map((e) => e + suffix) : expected,
      locale,
    ),
    start: 0,
    end: 0,
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
    actual,
    expected,
  };
  // Set here, not spread into the literal: a spread followed by keys is a slow path of V8's.
  setPlace(finding, doc, prose, c.ps, c.pe);
  const suggestions: Edit[] = [];
  for (let k = 0; options.suggest !== false && k < expected.length; k++) {
    const edit = suggestionFor(doc.text, prose, c, expected[k] as string);
    if (edit) suggestions.push(edit);
  }
  if (suggestions.length > 0) {
    finding.suggestions = suggestions;
    if (options.fixable && suggestions[0] && expected.length > 0 && !discussedInKorean(seg, c))
      finding.fix = suggestions[0];
  }
  if (texts.note !== undefined) finding.note = texts.note;
  if (rule.url !== undefined) finding.url = rule.url;
  if (texts.audiences !== undefined && Object.keys(texts.audiences).length > 0)
    finding.audiences = texts.audiences;
  finding.locale = locale;
  if (options.context !== undefined && options.context.length > 0) finding.context = options.context;
  return finding;
}

/**
 * `f` moved `delta` units with the text (an editor's kept finding, finding-memo.ts): new offsets,
 * its lines and columns read again, or, with `lineShift`, its lines moved by that many and its
 * columns kept (it lies on lines the edit left as they were); `context` as given. Written out in
 * makeFinding's key order, not spread: a copy of a copy spread with new offsets took a microsecond
 * each (V8's generic clone), half of an edit's time in a dense draft.
 */
export function movedFinding(
  f: Finding,
  delta: number,
  lines: LineIndex,
  context: ContextLicense[] | undefined,
  lineShift?: number,
): Finding {
  const start = f.start + delta;
  const end = f.end + delta;
  let line = f.line + (lineShift ?? 0);
  let column = f.column;
  let endLine = f.endLine + (lineShift ?? 0);
  let endColumn = f.endColumn;
  if (lineShift === undefined) {
    const at = lines.position(start);
    const to = lines.position(end);
    line = at.line;
    column = at.column;
    endLine = to.line;
    endColumn = to.column;
  }
  const out: Finding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    start,
    end,
    line,
    column,
    endLine,
    endColumn,
    actual: f.actual,
    expected: f.expected,
  };
  if (f.suggestions !== undefined) out.suggestions = f.suggestions.map((e) => movedEdit(e, delta));
  if (f.fix !== undefined) {
    // The fix is its finding's first suggestion, one object: so it stays.
    const first = out.suggestions?.[0];
    out.fix = first !== undefined && f.fix === f.suggestions?.[0] ? first : movedEdit(f.fix, delta);
  }
  if (f.note !== undefined) out.note = f.note;
  if (f.url !== undefined) out.url = f.url;
  if (f.audiences !== undefined) out.audiences = f.audiences;
  if (f.locale !== undefined) out.locale = f.locale;
  if (context !== undefined) out.context = context;
  return out;
}

function movedEdit(e: Edit, delta: number): Edit {
  return { start: e.start + delta, end: e.end + delta, text: e.text };
}

/** A Han term in a Korean sentence: the sentence talks about the term, so no automatic fix. */
function discussedInKorean(seg: SegmentState, c: Candidate): boolean {
  const text = seg.prose.text;
  if (!isHanCodePoint(text.codePointAt(c.ps) ?? 0)) return false;
  // Everything hanInKoreanProse reads (the unit after the match, its sentence's Hangul) is in this
  // prose: with no Hangul in it, the answer is no, and its sentences need not be found. A Chinese
  // document's findings are all Han: splitting each of their paragraphs into sentences was 1 % of
  // the instructions of a run with 10,000 terms over the bench corpus.
  seg.scan.hangul ??= hasHangul(text);
  if (!seg.scan.hangul) return false;
  const sentence = sentenceSpans(seg)[sentenceOf(seg, c.ps)] ?? { start: 0, end: text.length };
  return hanInKoreanProse(text, c.ps, c.pe, sentence);
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

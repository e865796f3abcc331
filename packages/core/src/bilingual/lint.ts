// Linting a translation against its source (DESIGN: bilingual files; README "Bilingual checks").
// One pass over the target side, with the source segments of each unit added as `context`
// segments of the target's paragraph context: every monolingual rule runs on the target in its
// language, and a source mention licenses a target's context condition. The bilingual checks then
// read the same scans: the concepts (`term` rules) and numbers found on each side of each unit.
import type { SegmentState } from '../engine/candidates.js';
import { byPlace, type LintRun, runLint } from '../engine/lint.js';
import type { RuleSet } from '../engine/rule-set.js';
import { audienceMatches } from '../text/language-tag.js';
import { createLineIndex, type LineIndex } from '../text/lines.js';
import type { Finding, FindingSource, Segment } from '../types.js';
import type { BilingualInput, BilingualRun, BilingualSide, UnitScans } from './bilingual-types.js';
import { conceptFindings } from './concepts.js';
import { numberFindings } from './number-check.js';

/**
 * The findings on the target side: every rule on the target segments (with each unit's source as
 * context) and the bilingual checks, each target finding of a unit carrying `source`. Offsets,
 * lines and columns are the target text's.
 */
export function lintBilingual(input: BilingualInput, ruleSet: RuleSet): Finding[] {
  const { source, target } = input;
  const shared = source.text === target.text;
  // Another file's source goes after the target text: target offsets and lines stay as they are.
  const offset = shared ? 0 : target.text.length + 1;
  const text = shared ? target.text : `${target.text}\n${source.text}`;
  const base = target.segments.length;
  // Each unit's source segments as the lint's segments (after the target's).
  const ids = input.units.map((unit) => unit.source.map((s) => s + base));
  const unitOf = new Map<number, number>();
  input.units.forEach((unit, u) => {
    for (const t of unit.target) unitOf.set(t, u);
  });
  const segments: Segment[] = target.segments.map((segment, index) => {
    const sources = ids[unitOf.get(index) ?? -1];
    if (!sources || sources.length === 0) return segment;
    return { ...segment, context: [...(segment.context ?? []), ...sources] };
  });
  for (const segment of source.segments) {
    segments.push({ pieces: segment.pieces, offset: (segment.offset ?? 0) + offset, role: 'context' });
  }
  const lint = runLint(
    {
      text,
      segments,
      topic: topicOf(input, ruleSet),
      ...(target.lang === undefined ? {} : { lang: target.lang }),
      ...(input.cache === undefined ? {} : { cache: input.cache }),
    },
    ruleSet,
  );
  const places = new SourcePlaces(lint, offset, shared, source);
  const units: UnitScans[] = input.units.map((unit, u) => new Unit(ids[u] ?? [], unit.target, places));
  const run: BilingualRun = { ...lint, units, sourceLang: source.lang, targetLang: target.lang };
  const findings = lint.findings.map((f) => withoutSourcePlaces(f, shared ? Infinity : target.text.length));
  // The rules' findings get their unit's source; the checks' come with theirs.
  attachSources(findings, lint, units);
  for (const f of conceptFindings(run)) findings.push(f);
  for (const f of numberFindings(run)) findings.push(f);
  return findings.sort(byPlace);
}

// A context set that names the source's language holds for its target too (a Korean release's
// Chinese version is still ROK-voiced).
function topicOf(input: BilingualInput, ruleSet: RuleSet): string[] {
  const topic = new Set(input.target.topic ?? []);
  for (const t of input.source.topic ?? []) topic.add(t);
  const lang = input.source.lang;
  const sets = (ruleSet as Partial<LintRun['rs']>).contextSets ?? [];
  if (lang !== undefined) for (const set of sets) if (audienceMatches(lang, set.lang)) topic.add(set.name);
  return [...topic];
}

/** Where units' sources are, for `Finding.source`: the side's lines indexed once per lint. */
class SourcePlaces {
  private lines: LineIndex | undefined;

  constructor(
    private readonly lint: LintRun,
    private readonly offset: number,
    private readonly shared: boolean,
    private readonly side: BilingualSide,
  ) {}

  of(ids: readonly number[]): FindingSource {
    this.lines ??= this.shared ? this.lint.doc.lines : createLineIndex(this.side.text);
    return sourceOf(this.lint, ids, this.offset, this.lines, this.side);
  }
}

/** A unit of a lint: a class, not an object with a getter of its own (a closure per unit per lint). */
class Unit implements UnitScans {
  private place: FindingSource | undefined;

  constructor(
    readonly source: readonly number[],
    readonly target: readonly number[],
    private readonly places: SourcePlaces,
  ) {}

  // Made when a finding of the unit asks for it: most units of a long release have none, and an
  // editor lints the release again at every edit.
  get where(): FindingSource {
    this.place ??= this.places.of(this.source);
    return this.place;
  }
}

function sourceOf(
  lint: LintRun,
  ids: readonly number[],
  offset: number,
  lines: LineIndex,
  side: BilingualSide,
): FindingSource {
  const states = ids.map((i) => lint.doc.segments[i]).filter((s) => s !== undefined);
  const text = states.map(oneLine).join(' ');
  const first = states[0]?.prose;
  const last = states.at(-1)?.prose;
  const start = (first?.startAt(0) ?? offset) - offset;
  const end = (last?.endAt(last.text.length - 1) ?? offset) - offset;
  const from = lines.position(start);
  const to = lines.position(end);
  const where: FindingSource = {
    text,
    start,
    end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
  if (side.lang !== undefined) where.lang = side.lang;
  if (side.path !== undefined) where.path = side.path;
  return where;
}

/** A segment's prose on one line, kept with its scan: the same source shows under every edit of its translation. */
function oneLine(state: SegmentState): string {
  state.scan.oneLine ??= state.prose.text.replace(/\s+/gu, ' ').trim();
  return state.scan.oneLine;
}

// A license by a mention in another file's source has no place in the target file: its text says it.
function withoutSourcePlaces(f: Finding, targetEnd: number): Finding {
  if (!f.context?.some((c) => (c.start ?? 0) >= targetEnd)) return f;
  return {
    ...f,
    context: f.context.map((c) => {
      if ((c.start ?? 0) < targetEnd) return c;
      const { start: _s, end: _e, line: _l, column: _c, endLine: _el, endColumn: _ec, ...rest } = c;
      return rest;
    }),
  };
}

function attachSources(findings: Finding[], lint: LintRun, units: readonly UnitScans[]): void {
  const bySegment: Span[] = [];
  for (const unit of units) {
    for (const t of unit.target) {
      const prose = lint.doc.segments[t]?.prose;
      if (!prose || prose.text.length === 0) continue;
      bySegment.push({
        start: prose.startAt(0) ?? 0,
        end: prose.endAt(prose.text.length - 1) ?? 0,
        unit,
      });
    }
  }
  // Findings come in document order (runLint sorts them) and a document's segments lie apart:
  // one pass over both finds each finding's segment, the first that holds its start. A long
  // release's translation has a thousand segments, and an editor attaches sources at every edit.
  const spans = [...bySegment].sort((a, b) => a.start - b.start);
  const apart = spans.every((span, k) => k === 0 || span.start > (spans[k - 1] as Span).end);
  let k = 0;
  for (const f of findings) {
    let hit: Span | undefined;
    if (apart) {
      while (k < spans.length && (spans[k] as Span).end < f.start) k++;
      const span = spans[k];
      if (span !== undefined && span.start <= f.start) hit = span;
    } else hit = bySegment.find((s) => f.start >= s.start && f.start <= s.end);
    // Set at every lint, not only when absent: with a cache, a finding of the last lint may be
    // given again (finding-memo.ts), and its unit's source may have changed since.
    if (hit) f.source = { ...hit.unit.where };
    else if (f.source) delete f.source;
  }
}

/** A target segment's range in the document, with its unit. */
interface Span {
  start: number;
  end: number;
  unit: UnitScans;
}

// Linting a translation against its source (DESIGN: bilingual files; README "Bilingual checks").
// One pass over the target side, with the source segments of each unit as the external context of
// the unit's target segments (ContextIndex): every monolingual rule runs on the target in its
// language, and a source mention licenses a target's context condition where the target itself
// names the set nowhere in the place. The bilingual checks then read the same scans: the concepts
// (`term` rules) and numbers found on each side of each unit. The source is scanned in its own text
// and its scans are kept while it is unchanged: an editor lints a translation again at each edit,
// and the source's segments were scanned again, in a copy of both texts joined, at every one.
import type { SegmentState } from '../engine/candidates.js';
import type { ExternalContext } from '../engine/context.js';
import { byPlace, type LintRun, runLint, type ScanCache, scanSegments } from '../engine/lint.js';
import type { RuleSet } from '../engine/rule-set.js';
import { audienceMatches } from '../text/language-tag.js';
import { createLineIndex, type LineIndex } from '../text/lines.js';
import type { Finding, FindingSource, Segment } from '../types.js';
import type {
  BilingualInput,
  BilingualRun,
  BilingualSide,
  BilingualUnit,
  UnitScans,
} from './bilingual-types.js';
import { conceptFindings } from './concepts.js';
import { numberFindings } from './number-check.js';

/**
 * The findings on the target side: every rule on the target segments (with each unit's source as
 * context) and the bilingual checks, each target finding of a unit carrying `source`. Offsets,
 * lines and columns are the target text's.
 */
export function lintBilingual(input: BilingualInput, ruleSet: RuleSet): Finding[] {
  const { source, target } = input;
  const side = scannedSide(source, ruleSet, input.sourceCache);
  // Per target segment, the source segments of its unit.
  const sourcesOf: (readonly number[] | undefined)[] = new Array(target.segments.length);
  for (const unit of input.units) {
    if (unit.source.length === 0) continue;
    for (const t of unit.target) sourcesOf[t] = unit.source;
  }
  const external: ExternalContext = {
    states: side.states,
    of: (index) => sourcesOf[index] ?? NONE,
    placed: source.text === target.text,
  };
  const lint = runLint(
    {
      text: target.text,
      segments: target.segments,
      topic: topicOf(input, ruleSet),
      ...(target.lang === undefined ? {} : { lang: target.lang }),
      ...(input.cache === undefined ? {} : { cache: input.cache }),
      external,
    },
    ruleSet,
  );
  const units = unitScans(side, source, input.units);
  const run: BilingualRun = {
    ...lint,
    units,
    sourceStates: side.states,
    sourceLang: source.lang,
    targetLang: target.lang,
  };
  const findings = lint.findings;
  // The rules' findings get their unit's source; the checks' come with theirs.
  attachSources(findings, lint, units);
  for (const f of conceptFindings(run)) findings.push(f);
  for (const f of numberFindings(run)) findings.push(f);
  return findings.sort(byPlace);
}

const NONE: readonly number[] = [];

/** A source side scanned in its own text, and its lines once a finding's `source` asks. */
interface ScannedSide {
  text: string;
  ruleSet: RuleSet;
  states: SegmentState[];
  lines?: LineIndex;
  /** Units' places (`Finding.source`), by their segments: the same while the source is. */
  places?: Map<string, FindingSource>;
  /** The units of the last lint with this source, each with its place once asked. */
  units?: { of: readonly BilingualUnit[]; side: BilingualSide; scans: UnitScans[] };
}

// Per list of source segments (a caller that keeps a source's parse while its text is unchanged,
// as release-set.ts does, gives the same list): its scans, made again only for another text or
// rule set. A parallel TSV's source column is the source of every other column, scanned once.
const scanned = new WeakMap<readonly Segment[], ScannedSide>();

function scannedSide(side: BilingualSide, ruleSet: RuleSet, cache: ScanCache | undefined): ScannedSide {
  const known = scanned.get(side.segments);
  if (known && known.ruleSet === ruleSet && known.text === side.text) return known;
  const states = scanSegments(ruleSet, side.text, side.segments, cache);
  const made: ScannedSide = { text: side.text, ruleSet, states };
  scanned.set(side.segments, made);
  return made;
}

/**
 * The units' scans, those of the last lint when its units are the same list with this source: a
 * caller that keeps an alignment gives it again at every edit (release-set.ts), and a long
 * release's units were made again, with their places looked up, at each one.
 */
function unitScans(scanned: ScannedSide, side: BilingualSide, units: readonly BilingualUnit[]): UnitScans[] {
  const kept = scanned.units;
  if (kept && kept.of === units && kept.side.path === side.path && kept.side.lang === side.lang)
    return kept.scans;
  const places = new SourcePlaces(scanned, side);
  const scans = units.map((unit) => new Unit(unit.source, unit.target, places));
  scanned.units = { of: units, side, scans };
  return scans;
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

/** Where units' sources are, for `Finding.source`: the side's lines indexed once per source text. */
class SourcePlaces {
  constructor(
    private readonly scannedSide: ScannedSide,
    private readonly side: BilingualSide,
  ) {}

  /** Never changed by a caller: every finding of the unit gets a copy. */
  of(ids: readonly number[]): FindingSource {
    const side = this.scannedSide;
    side.places ??= new Map();
    const key = ids.length === 1 ? String(ids[0]) : ids.join(',');
    let where = side.places.get(key);
    if (where === undefined || where.path !== this.side.path || where.lang !== this.side.lang) {
      side.lines ??= createLineIndex(side.text);
      where = sourceOf(side.states, ids, side.lines, this.side);
      side.places.set(key, where);
    }
    return where;
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
  all: readonly SegmentState[],
  ids: readonly number[],
  lines: LineIndex,
  side: BilingualSide,
): FindingSource {
  const states = ids.map((i) => all[i]).filter((s) => s !== undefined);
  const text = states.map(oneLine).join(' ');
  const first = states[0]?.prose;
  const last = states.at(-1)?.prose;
  const start = first?.startAt(0) ?? 0;
  const end = last?.endAt(last.text.length - 1) ?? 0;
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

function attachSources(findings: Finding[], lint: LintRun, units: readonly UnitScans[]): void {
  // Each target segment's range and unit, in the units' order (a release's: the document's).
  let count = 0;
  for (const unit of units) count += unit.target.length;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const of: UnitScans[] = new Array(count);
  let n = 0;
  for (const unit of units) {
    for (const t of unit.target) {
      const prose = lint.doc.segments[t]?.prose;
      if (!prose || prose.text.length === 0) continue;
      starts[n] = prose.startAt(0) ?? 0;
      ends[n] = prose.endAt(prose.text.length - 1) ?? 0;
      of[n++] = unit;
    }
  }
  // Findings come in document order (runLint sorts them) and a document's segments lie apart:
  // one pass over both finds each finding's segment, the first that holds its start. A long
  // release's translation has thousands of segments, and an editor attaches sources at every edit.
  let apart = true;
  for (let k = 1; k < n && apart; k++) apart = (starts[k] as number) > (ends[k - 1] as number);
  let k = 0;
  for (const f of findings) {
    let hit = -1;
    if (apart) {
      while (k < n && (ends[k] as number) < f.start) k++;
      if (k < n && (starts[k] as number) <= f.start) hit = k;
    } else {
      for (let i = 0; i < n && hit < 0; i++)
        if (f.start >= (starts[i] as number) && f.start <= (ends[i] as number)) hit = i;
    }
    // Set at every lint, not only when absent: with a cache, a finding of the last lint may be
    // given again (finding-memo.ts), and its unit's source may have changed since.
    if (hit >= 0) f.source = { ...(of[hit] as UnitScans).where };
    else if (f.source) delete f.source;
  }
}

// XLIFF 1.2 and 2.x (DESIGN: bilingual files; README). Units are `trans-unit` (1.2) and `unit`
// (2.x); their segments are the `mrk mtype="seg"` of `seg-source` and `target` paired by `mid`, else
// `source` and `target` (1.2), and each `segment`'s `source` and `target` (2.x). Languages come from
// `file` `source-language`/`target-language` (1.2) or `xliff` `srcLang`/`trgLang` (2.x).
import type { Segment, SegmentPiece } from '@nuance/core';
import type { BilingualFile, BilingualProblem, BilingualSideSegments, LanguagePair } from './types.js';
import { textPieces } from './xml-text.js';
import { childrenNamed, descendantsNamed, isElement, parseXml, type XmlElement } from './xml-tree.js';

// Inline codes (README, "Inline codes"): paired codes and markers are zero width (a term may run
// across them); placeholders stand for content that is not prose, so nothing matches across them.
const TRANSPARENT_CONTENT = new Set(['g', 'pc', 'mrk']);
const ZERO_WIDTH = new Set(['bx', 'ex', 'sc', 'ec', 'sm', 'em', 'bpt', 'ept', 'it']);

interface Languages {
  at: number;
  source?: string | undefined;
  target?: string | undefined;
}

interface RawUnit {
  langs: Languages;
  pairs: { source: Segment; target?: Segment | undefined }[];
}

const UNIT_SPAN = /<((?:[\w.-]+:)?(?:trans-unit|unit))[\s/>][\s\S]*?<\/\1\s*>/gu;

/** Reads an XLIFF file. A unit that is not well-formed is a problem and is left out; the rest is read. */
export function readXliff(text: string): BilingualFile {
  const tree = parseXml(text);
  const declared = languagesOf(tree.root);
  const problems: BilingualProblem[] = [];
  let units: RawUnit[];
  if (tree.errors.length === 0) {
    units = unitElements(tree.root).map((el) => readUnit(text, el, langsAt(declared, el.start)));
  } else {
    units = [];
    const spans: [number, number][] = [];
    UNIT_SPAN.lastIndex = 0;
    for (let m = UNIT_SPAN.exec(text); m; m = UNIT_SPAN.exec(text))
      spans.push([m.index, m.index + m[0].length]);
    for (const [from, to] of spans) {
      const part = parseXml(text, from, to);
      const error = part.errors[0];
      if (error)
        problems.push(problemAt(text, `Broken unit, not checked: ${error.message}`, from, error.offset));
      else units.push(...unitElements(part.root).map((el) => readUnit(text, el, langsAt(declared, from))));
    }
    const outside = tree.errors.find((e) => !spans.some(([a, b]) => e.offset >= a && e.offset <= b));
    if (outside || spans.length === 0) {
      const e = outside ?? tree.errors[0]!;
      problems.push(problemAt(text, `Not well-formed XML: ${e.message}`, e.offset, e.offset));
    }
  }
  return { text, ...sidesOf(units), problems };
}

function problemAt(text: string, message: string, from: number, at: number): BilingualProblem {
  // The problem points at the unit's start tag, or at the offending place outside a unit (saxes
  // may report the end of the text as one past it).
  const start = Math.min(from, text.length);
  const end = Math.min(text.length, Math.max(start, text.indexOf('>', start) + 1));
  return at === from ? { message, start, end: start } : { message, start, end };
}

function unitElements(root: XmlElement): XmlElement[] {
  return [...descendantsNamed(root, 'trans-unit'), ...descendantsNamed(root, 'unit')].sort(
    (a, b) => a.start - b.start,
  );
}

function languagesOf(root: XmlElement): Languages[] {
  const out: Languages[] = [];
  const visit = (el: XmlElement) => {
    const source = el.attrs['source-language'] ?? el.attrs.srcLang;
    const target = el.attrs['target-language'] ?? el.attrs.trgLang;
    if ((el.name === 'file' || el.name === 'xliff') && (source !== undefined || target !== undefined)) {
      out.push({ at: el.start, source, target });
    }
    for (const child of el.children)
      if (isElement(child) && child.name !== 'unit' && child.name !== 'trans-unit') visit(child);
  };
  visit(root);
  return out;
}

function langsAt(declared: readonly Languages[], offset: number): Languages {
  let found: Languages = { at: 0 };
  for (const d of declared) {
    if (d.at > offset) break;
    // A 2.x `file` inherits the root's languages.
    found = { at: d.at, source: d.source ?? found.source, target: d.target ?? found.target };
  }
  return found;
}

function readUnit(text: string, unit: XmlElement, langs: Languages): RawUnit {
  if (unit.name === 'unit') {
    return {
      langs,
      pairs: childrenNamed(unit, 'segment').flatMap((seg) => {
        const source = childrenNamed(seg, 'source')[0];
        const target = childrenNamed(seg, 'target')[0];
        return source ? [{ source: segmentOf(text, source), target: target && segmentOf(text, target) }] : [];
      }),
    };
  }
  const source = childrenNamed(unit, 'source')[0];
  const target = childrenNamed(unit, 'target')[0];
  const segSource = childrenNamed(unit, 'seg-source')[0];
  const marks = segSource ? segmentMarks(segSource) : [];
  if (marks.length > 0) {
    const targetMarks = new Map(target ? segmentMarks(target).map((m) => [m.attrs.mid, m] as const) : []);
    return {
      langs,
      pairs: marks.map((mark) => {
        const t = targetMarks.get(mark.attrs.mid);
        return { source: segmentOf(text, mark), target: t && segmentOf(text, t) };
      }),
    };
  }
  return {
    langs,
    pairs: source ? [{ source: segmentOf(text, source), target: target && segmentOf(text, target) }] : [],
  };
}

function segmentMarks(el: XmlElement): XmlElement[] {
  return descendantsNamed(el, 'mrk').filter((m) => m.attrs.mtype === 'seg');
}

function segmentOf(text: string, el: XmlElement): Segment {
  return { pieces: contentPieces(text, el) };
}

function contentPieces(text: string, el: XmlElement): SegmentPiece[] {
  const out: SegmentPiece[] = [];
  let at = el.openEnd;
  for (const child of el.children) {
    if (child.start > at) out.push(...textPieces(text, at, child.start));
    if (child.name === '#cdata') {
      // `<![CDATA[` is 9 characters, `]]>` 3.
      if (child.end - 3 > child.start + 9) out.push({ start: child.start + 9, end: child.end - 3 });
    } else if (isElement(child)) {
      if (TRANSPARENT_CONTENT.has(child.name)) out.push(...contentPieces(text, child));
      else if (!ZERO_WIDTH.has(child.name)) out.push({ start: child.start, end: child.end, separator: true });
    }
    at = child.end;
  }
  if (el.closeStart > at) out.push(...textPieces(text, at, el.closeStart));
  return out;
}

function sidesOf(units: readonly RawUnit[]): Pick<BilingualFile, 'sides' | 'pairs'> {
  const sides: BilingualSideSegments[] = [];
  const byLangs = new Map<string, LanguagePair>();
  for (const unit of units) {
    const key = `${unit.langs.source ?? ''}\u0000${unit.langs.target ?? ''}`;
    let pair = byLangs.get(key);
    if (!pair) {
      pair = { source: sides.length, target: sides.length + 1, units: [] };
      sides.push({ lang: unit.langs.source, segments: [] }, { lang: unit.langs.target, segments: [] });
      byLangs.set(key, pair);
    }
    const src = sides[pair.source]!.segments;
    const tgt = sides[pair.target]!.segments;
    const source: number[] = [];
    const target: number[] = [];
    for (const p of unit.pairs) {
      source.push(src.push(p.source) - 1);
      if (p.target) target.push(tgt.push(p.target) - 1);
    }
    // Segments pair up when each has its target; otherwise the unit is checked as a whole.
    if (unit.pairs.every((p) => p.target)) {
      for (const [i, s] of source.entries()) pair.units.push({ source: [s], target: [target[i]!] });
    } else pair.units.push({ source, target });
  }
  return { sides, pairs: [...byLangs.values()] };
}

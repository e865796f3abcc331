// Context conditions (DESIGN: context conditions): whether the parties a rule is about are named
// where a match is, and which mention says so. A condition names context sets and places; a set is
// satisfied by the document's declared `topic`, by the document's language (a set may say that a
// Korean document is in it), or by a mention in one of the places, the nearest first.
import type { Within } from '../pack/context-parts.js';
import { detached } from '../text/detach.js';
import { audienceMatches } from '../text/language-tag.js';
import type { ContextLicense, Segment } from '../types.js';
import { type RuleMatch, type SegmentState, sentenceOf } from './candidates.js';
import { type DocContext, placeOf } from './finding.js';
import { isMention } from './phrase-ref.js';

export interface CompiledContextSet {
  name: string;
  /** A document in one of these languages is in this context. */
  lang: readonly string[];
}

export interface CompiledCondition {
  /** Indices into CompiledRuleSet.contextSets. */
  sets: readonly number[];
  within: readonly Within[];
}

interface Mention {
  seg: SegmentState;
  ps: number;
  pe: number;
  /** In an `ExternalContext`'s segments. */
  external?: true;
  /** What it licenses, described once per lint: in a dense draft many matches share a mention. */
  license?: ContextLicense;
}

/**
 * Segments of another text that count as context of the document's segments (DESIGN: bilingual
 * files): a translation's source, each unit's source segments the context of its target segments,
 * scanned in their own text. A caller that lints a translation again at each edit keeps them while
 * the source is unchanged: they are not scanned, nor their text joined to the translation's, again.
 */
export interface ExternalContext {
  /** The other text's segments, scanned (`scanSegment`) in that text. */
  states: readonly SegmentState[];
  /** The indices, into `states`, of the segments that count as context of the document's segment `index`. */
  of(index: number): readonly number[];
  /**
   * The other text is the document's own (an XLIFF or TSV file holds both sides): a mention in it
   * is cited with its place. Else it is cited by its text alone.
   */
  placed: boolean;
}

export interface DocumentFacts {
  segments: readonly Segment[];
  /** Declared context set names (front matter or config `topic`). */
  topic: ReadonlySet<string>;
  /** The document language (declared, else detected), if known. */
  lang?: string | undefined;
  /** Segments of another text that count as context (a translation's source). */
  external?: ExternalContext | undefined;
}

const NO_MENTIONS: Mention[] = [];

/** The mentions of one document, by set, and the evaluation of conditions against them. */
export class ContextIndex {
  /**
   * Per set, its mentions by segment index (in document order within a segment), gathered the
   * first time a match asks about that segment: a keystroke's lint asks about a few segments of
   * a long draft, not all of them.
   */
  private readonly bySegment: Map<number, Mention[]>[];
  /** Per set, its mentions in the document head, in document order, once asked. */
  private readonly inHead: (Mention[] | undefined)[];
  /** Per set, place and segment, the mentions by sentence (-1: the whole segment). */
  private readonly memo = new Map<number, Map<Within, Map<number, Map<number, Mention[]>>>>();

  constructor(
    private readonly doc: DocContext,
    private readonly facts: DocumentFacts,
    private readonly sets: readonly CompiledContextSet[],
  ) {
    this.bySegment = sets.map(() => new Map());
    this.inHead = sets.map(() => undefined);
  }

  /** The set's mentions in segment `index`, in document order. */
  private mentionsIn(set: number, index: number): Mention[] {
    const bySegment = this.bySegment[set];
    let found = bySegment?.get(index);
    if (found) return found;
    found = [];
    const seg = this.doc.segments[index];
    for (const c of seg?.candidates ?? []) {
      if (seg && c.ref.set === set && isMention(c.ref)) found.push({ seg, ps: c.ps, pe: c.pe });
    }
    bySegment?.set(index, found);
    return found;
  }

  private headMentions(set: number): Mention[] {
    let found = this.inHead[set];
    if (!found) {
      found = [];
      for (const seg of this.doc.segments) {
        if (this.facts.segments[seg.index]?.head === true) found.push(...this.mentionsIn(set, seg.index));
      }
      this.inHead[set] = found;
    }
    return found;
  }

  /** What licenses `m` under every condition, one entry per set; undefined when one fails. */
  license(m: RuleMatch, conditions: readonly CompiledCondition[]): ContextLicense[] | undefined {
    const out: ContextLicense[] = [];
    // The sets licensed so far: a dense draft asks this of every match, so no Set per match.
    const done: number[] = [];
    for (const condition of conditions) {
      for (const set of condition.sets) {
        if (done.includes(set)) continue;
        const found = this.licenseSet(m, set, condition.within);
        if (!found) return undefined;
        done.push(set);
        out.push(found);
      }
    }
    return out;
  }

  private licenseSet(m: RuleMatch, set: number, within: readonly Within[]): ContextLicense | undefined {
    const def = this.sets[set];
    if (!def) return undefined;
    if (this.facts.topic.has(def.name)) return { set: def.name, via: 'topic' };
    // The language is read only for a set that names languages: detecting it reads the whole text.
    const lang = def.lang.length > 0 ? this.facts.lang : undefined;
    if (lang !== undefined && audienceMatches(lang, def.lang)) {
      return { set: def.name, via: 'language', lang };
    }
    for (const place of within) {
      const mention = this.nearest(m, this.candidates(m, set, place));
      if (mention) return this.described(def.name, mention);
    }
    return undefined;
  }

  /** The set's mentions in one place around `m`, in document order: read from the indexes, so a
   *  match costs what its own segment and its structure hold, not what the document holds. */
  private candidates(m: RuleMatch, set: number, place: Within): Mention[] {
    if (place === 'document') return this.headMentions(set);
    // A sentence or a window of sentences lies in the match's own paragraph: one without a mention
    // of the set has none, and its sentences need not be found.
    if (!readsBeyondSegment(place) && this.mentionsIn(set, m.seg.index).length === 0) {
      return NO_MENTIONS;
    }
    // Matches of one sentence share their candidates: a dense paragraph asks many times.
    const local = place === 'structure' || place === 'paragraph' ? -1 : sentenceOf(m.seg, m.c.ps);
    const bySegment = at(at(this.memo, set), place);
    const bySentence = at(bySegment, m.seg.index);
    let found = bySentence.get(local);
    if (!found) {
      found = this.gather(m, set, place);
      bySentence.set(local, found);
    }
    return found;
  }

  private gather(m: RuleMatch, set: number, place: Exclude<Within, 'document'>): Mention[] {
    // The mentions of the segments `indices` and `own`, in document order.
    const fromSegments = (indices: readonly number[], own?: number) => {
      const out: Mention[] = [];
      const add = (i: number) => {
        for (const x of this.mentionsIn(set, i)) out.push(x);
      };
      let pending = own;
      for (const i of ascending(indices)) {
        if (pending !== undefined && pending <= i) {
          add(pending);
          pending = undefined;
        }
        add(i);
      }
      if (pending !== undefined) add(pending);
      return out;
    };
    const structure = this.facts.segments[m.seg.index]?.context ?? [];
    if (place === 'structure' || place === 'paragraph') {
      const own = fromSegments(structure, place === 'paragraph' ? m.seg.index : undefined);
      return own.length > 0 ? own : this.externalMention(set, m.seg.index);
    }
    if (this.facts.segments[m.seg.index]?.role === 'context') return [];
    const sentence = sentenceOf(m.seg, m.c.ps);
    return this.mentionsIn(set, m.seg.index).filter((x) => {
      const distance = Math.abs(sentenceOf(x.seg, x.ps) - sentence);
      return place === 'sentence' ? distance === 0 : distance <= place;
    });
  }

  /**
   * The first mention of the set in the external segments that count as context of segment
   * `index` (a translation unit's source), as the one candidate: it licenses only where the
   * document itself names the set nowhere in the place, and its distance from the match in another
   * text means nothing, so the first in the source's order is the one cited.
   */
  private externalMention(set: number, index: number): Mention[] {
    const external = this.facts.external;
    if (!external) return NO_MENTIONS;
    const ids = external.of(index);
    for (let i = 0; i < ids.length; i++) {
      const seg = external.states[ids[i] as number];
      if (!seg) continue;
      for (const c of seg.candidates) {
        if (c.ref.set === set && isMention(c.ref)) return [{ seg, ps: c.ps, pe: c.pe, external: true }];
      }
    }
    return NO_MENTIONS;
  }

  /**
   * In the match's own segment the closest by offset; else the closest in the document, by
   * document offset, the first in document order on a tie. Not by segment index: a caller that
   * gives only some segments (unified's blocks) numbers them otherwise than a full parse, and the
   * cited mention must not depend on that. (By index, with a large constant added to rank other
   * segments after the match's own, two distances a segment apart could also round to one double,
   * and the tie went to the first.)
   */
  private nearest(m: RuleMatch, candidates: Mention[]): Mention | undefined {
    let best: Mention | undefined;
    let bestOwn = false;
    let bestDistance = Number.POSITIVE_INFINITY;
    let at: number | undefined;
    for (const x of candidates) {
      const own = x.seg === m.seg;
      if (bestOwn && !own) continue;
      let distance: number;
      if (own) distance = Math.abs(x.ps - m.c.ps);
      else {
        at ??= m.seg.prose.startAt(m.c.ps) ?? 0;
        distance = Math.abs((x.seg.prose.startAt(x.ps) ?? 0) - at);
      }
      if ((own && !bestOwn) || distance < bestDistance) {
        best = x;
        bestOwn = own;
        bestDistance = distance;
      }
    }
    return best;
  }

  private described(set: string, x: Mention): ContextLicense {
    if (x.license) return x.license;
    const { prose } = x.seg;
    const text = detached(prose.text.slice(x.ps, x.pe));
    // A mention in another file has no place in this one: its text says it.
    x.license =
      x.external && !this.facts.external?.placed
        ? { set, via: 'mention', text }
        : { set, via: 'mention', text, ...placeOf(this.doc, prose, x.ps, x.pe) };
    return x.license;
  }
}

/**
 * Whether a place reads beyond the match's own segment (`paragraph`: its structure too; the
 * `structure`; the `document` head), so that a mention elsewhere in the document may license
 * there; a `sentence` or a window of sentences lies in the segment.
 */
export function readsBeyondSegment(place: Within): boolean {
  return place === 'paragraph' || place === 'structure' || place === 'document';
}

/** The indices in ascending order: as given when they are (a segment's context mostly is). */
function ascending(indices: readonly number[]): readonly number[] {
  for (let i = 1; i < indices.length; i++) {
    if ((indices[i] as number) < (indices[i - 1] as number)) return [...indices].sort((a, b) => a - b);
  }
  return indices;
}

/** The map under `key`, made empty on first use. */
function at<K, V extends Map<unknown, unknown>>(map: Map<K, V>, key: K): V {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map() as V;
    map.set(key, inner);
  }
  return inner;
}

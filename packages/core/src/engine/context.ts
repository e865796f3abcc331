// Context conditions (DESIGN: context conditions): whether the parties a rule is about are named
// where a match is, and which mention says so. A condition names context sets and places; a set is
// satisfied by the document's declared `topic`, by the document's language (a set may say that a
// Korean document is in it), or by a mention in one of the places, the nearest first.
import type { Within } from '../pack/context-parts.js';
import { audienceMatches } from '../text/language-tag.js';
import type { ContextLicense, Segment } from '../types.js';
import { type RuleMatch, type SegmentState, sentenceOf } from './candidates.js';
import { type DocContext, placeOf } from './finding.js';

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
}

export interface DocumentFacts {
  segments: readonly Segment[];
  /** Declared context set names (front matter or config `topic`). */
  topic: ReadonlySet<string>;
  /** The document language (declared, else detected), if known. */
  lang?: string | undefined;
}

/** The mentions of one document, by set, and the evaluation of conditions against them. */
export class ContextIndex {
  private readonly mentions: Mention[][];

  constructor(
    private readonly doc: DocContext,
    private readonly facts: DocumentFacts,
    private readonly sets: readonly CompiledContextSet[],
  ) {
    this.mentions = sets.map(() => []);
    for (const seg of doc.segments) {
      for (const c of seg.candidates) {
        if (c.ref.set !== undefined && c.ref.effect === 'context') {
          this.mentions[c.ref.set]?.push({ seg, ps: c.ps, pe: c.pe });
        }
      }
    }
  }

  /** What licenses `m` under every condition, one entry per set; undefined when one fails. */
  license(m: RuleMatch, conditions: readonly CompiledCondition[]): ContextLicense[] | undefined {
    const out: ContextLicense[] = [];
    const done = new Set<number>();
    for (const condition of conditions) {
      for (const set of condition.sets) {
        if (done.has(set)) continue;
        const found = this.licenseSet(m, set, condition.within);
        if (!found) return undefined;
        done.add(set);
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
    const mentions = this.mentions[set] ?? [];
    for (const place of within) {
      const mention = this.nearest(
        m,
        mentions.filter((x) => this.inPlace(m, x, place)),
      );
      if (mention) return this.described(def.name, mention);
    }
    return undefined;
  }

  private inPlace(m: RuleMatch, x: Mention, place: Within): boolean {
    const segment = this.facts.segments[x.seg.index];
    if (place === 'document') return segment?.head === true;
    if (segment?.role === 'context') return false;
    const structural = (this.facts.segments[m.seg.index]?.context ?? []).includes(x.seg.index);
    if (place === 'structure') return structural;
    if (place === 'paragraph') return x.seg === m.seg || structural;
    if (x.seg !== m.seg) return false;
    const distance = Math.abs(sentenceOf(x.seg, x.ps) - sentenceOf(m.seg, m.c.ps));
    return place === 'sentence' ? distance === 0 : distance <= place;
  }

  /** In the match's own segment the closest by offset, else the first in document order. */
  private nearest(m: RuleMatch, candidates: Mention[]): Mention | undefined {
    let best: Mention | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const x of candidates) {
      const distance =
        x.seg === m.seg
          ? Math.abs(x.ps - m.c.ps)
          : Number.MAX_SAFE_INTEGER / 2 + Math.abs(x.seg.index - m.seg.index);
      if (distance < bestDistance) {
        best = x;
        bestDistance = distance;
      }
    }
    return best;
  }

  private described(set: string, x: Mention): ContextLicense {
    const { prose } = x.seg;
    return {
      set,
      via: 'mention',
      text: prose.text.slice(x.ps, x.pe),
      ...placeOf(this.doc, prose, x.ps, x.pe),
    };
  }
}

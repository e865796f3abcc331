// The shapes of a bilingual lint, shared by lint.ts and the checks.
import type { SegmentState } from '../engine/candidates.js';
import type { LintRun, ScanCache } from '../engine/lint.js';
import type { FindingSource, Segment } from '../types.js';

/** One side of a bilingual input: a document text and its prose segments. */
export interface BilingualSide {
  /** The document text (no BOM). For XLIFF and TSV, both sides are the same file text. */
  text: string;
  segments: readonly Segment[];
  /** BCP 47; when absent, bilingual checks that need it (missing terms) are skipped. */
  lang?: string | undefined;
  /** Context sets the side declares itself about (front matter, config `topic`). */
  topic?: readonly string[] | undefined;
  /** Where the source is when it is another file (a release set), for `Finding.source.path`. */
  path?: string | undefined;
}

/** A unit: indices of its source segments and of its target segments. */
export interface BilingualUnit {
  source: readonly number[];
  target: readonly number[];
}

export interface BilingualInput {
  source: BilingualSide;
  target: BilingualSide;
  units: readonly BilingualUnit[];
  /**
   * Reuse the scans and findings of unchanged segments between lints of one target and its
   * source (an editor's document, linted again at each edit), as `LintInput.cache` does.
   */
  cache?: ScanCache | undefined;
  /**
   * The same for the source's scans, which are kept while its text is unchanged: when it changes
   * (its document edited in the editor), only its segments whose text changed are scanned again.
   */
  sourceCache?: ScanCache | undefined;
}

/** What the checks know about a unit of a lint. */
export interface UnitScans {
  /** Indices into `BilingualRun.sourceStates`. */
  source: readonly number[];
  /** Indices into the lint's `doc.segments` (the target's). */
  target: readonly number[];
  /** `Finding.source` for the target findings of this unit. */
  where: FindingSource;
}

export interface BilingualRun extends LintRun {
  units: UnitScans[];
  /** The source's segments, scanned in the source text. */
  sourceStates: readonly SegmentState[];
  sourceLang?: string | undefined;
  targetLang?: string | undefined;
}

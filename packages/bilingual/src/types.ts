import type { BilingualUnit, Segment } from '@nuance/core';

/** The segments of one language of a bilingual file (a column, the sources of an XLIFF `file`). */
export interface BilingualSideSegments {
  lang?: string | undefined;
  segments: Segment[];
}

/** A source side and a target side (indices into `BilingualFile.sides`) and their units. */
export interface LanguagePair {
  source: number;
  target: number;
  units: BilingualUnit[];
}

/** A part of a bilingual file that could not be read (a broken unit): it is not checked. */
export interface BilingualProblem {
  message: string;
  /** Offset in the file text (no BOM). */
  start: number;
  end: number;
}

export interface BilingualFile {
  /** The file text, without a BOM: every segment's pieces are offsets into it. */
  text: string;
  sides: BilingualSideSegments[];
  /** Each side is the target of at most one pair; a side that is no target is a source only. */
  pairs: LanguagePair[];
  problems: BilingualProblem[];
}

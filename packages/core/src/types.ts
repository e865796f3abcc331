// The contracts shared by every part of nuance. Adapters convert these; they never re-decide them.
import type { Locale } from './i18n/locale.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * One piece of a prose segment: a range of the document text.
 * - A plain piece contributes `text.slice(start, end)` to the segment's prose.
 * - A piece with `text` contributes that text instead (a character reference `&#29992;` -> `用`,
 *   an escape `\*` -> `*`): every unit of it maps to the whole `[start, end)`.
 * - A `separator` piece (inline code, an autolink, an image...) contributes one U+FFFC:
 *   nothing is matched across it or inside it.
 * Transparent markup (emphasis delimiters, link brackets, inline HTML) is simply left out
 * between two pieces, so `**实用**外交` is the pieces `实用` and `外交`.
 */
export interface SegmentPiece {
  start: number;
  end: number;
  text?: string;
  separator?: boolean;
}

/**
 * What a segment is in its document's structure. `context` is text that is never checked but
 * counts as context for the segments around it (front matter).
 */
export type SegmentRole = 'heading' | 'paragraph' | 'cell' | 'context';

/** One prose block (paragraph, heading, table cell...): its pieces in document order. */
export interface Segment {
  pieces: SegmentPiece[];
  /**
   * Where the pieces' offsets count from (default 0): a piece's document range is its own plus
   * `offset`. A caller that keeps a block's segments relative to the block (unified's Markdown
   * documents, whose blocks move at every edit above them) places them without copying pieces.
   */
  offset?: number;
  /** Default `paragraph`. A `context` segment gives no finding: its mentions only license others. */
  role?: SegmentRole;
  /**
   * Indices, into the same list of segments, of the segments that count as this one's paragraph
   * context (DESIGN's context conditions): the nearest heading above it (the title too, when no
   * other heading comes between), the lead-in of the list it is an item of, and for a table cell
   * the header row's cells and the cells of its own row. Set by the segment builder (unified).
   */
  context?: number[];
  /** Part of the document head: its front matter, its title (a first heading) and its first paragraph. */
  head?: boolean;
}

/**
 * Where a finding's context condition was met (DESIGN: context conditions), one per context set
 * the condition names: a mention in the text, the document's declared `topic` (front matter or
 * config), or the document's language.
 */
export interface ContextLicense {
  /** The context set's name (`korea`). */
  set: string;
  via: 'mention' | 'topic' | 'language';
  /** For a mention: the mention as written (markup removed) and where it is. */
  text?: string;
  start?: number;
  end?: number;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** For `language`: the document language that satisfied it. */
  lang?: string;
}

/** The prose of one segment with a map back to document offsets, one entry per UTF-16 unit. */
export interface Prose {
  text: string;
  /** startAt(i), endAt(i): the document range that prose unit i came from (undefined past the end). */
  startAt(i: number): number | undefined;
  endAt(i: number): number | undefined;
}

/**
 * The normalized match view of a prose string (DESIGN, Matching, steps 1-8).
 * View unit i came from prose units [start[i], end[i]).
 */
export interface MatchView {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  actual: string;
  expected: string[];
  suggestions?: Edit[];
  fix?: Edit;
  note?: string;
  url?: string;
  audiences?: Record<string, string>;
  /**
   * The locale `message`, `note` and `audiences` are written in (the document's, unless configured):
   * `en`, `zh-Hans`, `zh-Hant` or `ko`. `message` marks terms as Markdown code spans;
   * `plainText(message, locale)` quotes them the locale's way for plain-text surfaces.
   */
  locale?: Locale;
  /** Which mentions (or declarations) licensed a finding of a rule with a context condition. */
  context?: ContextLicense[];
  /** A finding on the target of a bilingual unit (XLIFF, release set, parallel TSV): its source. */
  source?: FindingSource;
}

/** The bilingual checks (core `src/bilingual/`); a monolingual rule's finding on a target has none. */
export type BilingualCheck = 'missing-term' | 'shifted-concept' | 'inconsistent' | 'number';

/**
 * The source of the unit a target finding is in: its prose (markup and inline codes removed) and
 * where it is, in the same file (XLIFF, TSV) or in `path` (a release set's source document).
 */
export interface FindingSource {
  /** The bilingual check that gave the finding; absent for a monolingual rule. */
  check?: BilingualCheck;
  lang?: string;
  path?: string;
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The source term or value the check is about, as written. */
  term?: string;
}

/** A problem in the user's setup (a pack or a config file). */
export type ProblemCode =
  | 'yaml-syntax'
  | 'unknown-key'
  | 'invalid-value'
  | 'missing-key'
  | 'duplicate-id'
  | 'unknown-rule'
  | 'bad-pattern'
  | 'unsafe-pattern'
  | 'unreadable-pack'
  | 'unreadable-config'
  | 'bad-phrase'
  | 'bad-example'
  | 'xml-syntax'
  | 'csv-syntax';

export interface Problem {
  code: ProblemCode;
  message: string;
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
}

// The document a lint reads (DocContext) and what context conditions read of it (DocumentFacts),
// each fact read at most once and only when a finding or a condition asks.
import { documentLocale, type Locale } from '../i18n/locale.js';
import {
  addLetters,
  countLetters,
  hanScriptOfLetters,
  hanScriptSettled,
  type LetterCounts,
  type LettersEnough,
  languageOfLetters,
  languageSettled,
  noLetters,
} from '../lang/document-script.js';
import { createLineIndex, type LineIndex } from '../text/lines.js';
import type { Segment } from '../types.js';
import type { SegmentState } from './candidates.js';
import type { CompiledRuleSet } from './compiled.js';
import type { DocumentFacts, ExternalContext } from './context.js';
import type { DocContext } from './finding.js';

/** What of a lint's input (LintInput) its document reads. */
export interface DocumentInput {
  text: string;
  segments: readonly Segment[];
  lang?: string;
  topic?: readonly string[];
  lines?: LineIndex;
  textLetters?: (enough?: LettersEnough) => LetterCounts;
  external?: ExternalContext;
}

/**
 * The document a lint reads (DocContext), each fact read at most once and only when a finding or
 * a condition asks. A class, not an object literal with getters: V8 gives such a literal's getters
 * (closures over the lint) a place in its hidden class, and a scavenge then keeps every lint's
 * segments alive and promotes them (an editor's lint after each keystroke: 10 MB promoted per
 * scavenge, 8-15 ms pauses).
 */
export class LintDocument implements DocContext {
  readonly text: string;
  private lineIndex: LineIndex | undefined;
  private counted: LetterCounts | undefined;
  private messageLocale: Locale | undefined;
  private language: string | undefined;

  constructor(
    private readonly input: DocumentInput,
    private readonly rs: CompiledRuleSet,
    readonly segments: readonly SegmentState[],
  ) {
    this.text = input.text;
    this.language = input.lang;
  }

  // Only findings and licenses need lines: most documents linted have neither.
  get lines(): LineIndex {
    this.lineIndex ??= this.input.lines ?? createLineIndex(this.input.text);
    return this.lineIndex;
  }

  // Only findings need it; the document text is read once, and only when no language is given.
  get locale(): Locale {
    this.messageLocale ??= documentLocale({
      override: this.rs.locale,
      lang: this.input.lang,
      text: this.input.text,
      textLanguage: () => languageOfLetters(this.lettersUntil(languageSettled)),
      traditional: () => readsAs(this.lettersUntil(hanScriptSettled), this.rs.audience) === 'hant',
      fallback: this.rs.fallbackLocale,
    });
    return this.messageLocale;
  }

  inScript(script: 'hans' | 'hant', audience: readonly string[] | undefined): boolean {
    return readsAs(this.letters(), audience) === script;
  }

  /** The document's language: given, else read from its letters (a Korean text). */
  lang(): string | undefined {
    this.language ??= languageOfLetters(this.letters());
    return this.language;
  }

  /** What every finding may read of the whole document, as one key (finding-memo.ts). */
  factsKey(): string {
    const script = hanScriptOfLetters(this.letters()) ?? '';
    return [this.locale, script, this.lang() ?? '', ...(this.input.topic ?? [])].join('\u0000');
  }

  private letters(): LetterCounts {
    this.counted ??= this.input.textLetters?.() ?? proseLetters(this.segments);
    return this.counted;
  }

  /**
   * The letters of the text, or of as much of it as `enough` needs, when the caller sums its parts
   * (the text's letters: 1,078 of the bench corpus's 1,246 documents have a finding with 10,000
   * terms, and most need half of their letters for their language). Only the whole counts are kept.
   */
  private lettersUntil(enough: LettersEnough): LetterCounts {
    if (this.counted || !this.input.textLetters) return this.letters();
    return this.input.textLetters(enough);
  }
}

/** What context conditions read of the document (a class for the reason LintDocument is one). */
export class LintFacts implements DocumentFacts {
  readonly segments: readonly Segment[];
  readonly topic: ReadonlySet<string>;
  readonly external: ExternalContext | undefined;

  constructor(
    input: DocumentInput,
    private readonly doc: LintDocument,
  ) {
    this.segments = input.segments;
    this.topic = new Set(input.topic ?? []);
    this.external = input.external;
  }

  // A document that does not say its language is read from its text, when a condition asks.
  get lang(): string | undefined {
    return this.doc.lang();
  }
}

const TRADITIONAL_AUDIENCE = /^zh-(?:tw|hk|mo|hant)(?:-|$)/i;

/** The script a Chinese reader of the document reads: see DocContext.inScript. */
function proseLetters(segments: readonly SegmentState[]): LetterCounts {
  const counts = noLetters();
  // Each prose's own, kept with its scan: an editor's lint after an edit counts only new prose.
  for (const seg of segments) {
    seg.scan.letters ??= countLetters(noLetters(), seg.prose.text);
    addLetters(counts, seg.scan.letters);
  }
  return counts;
}

function readsAs(letters: LetterCounts, audience: readonly string[] | undefined): 'hans' | 'hant' {
  // The configured readers decide first: Simplified text for a Taiwan audience is read as there.
  if (audience !== undefined && audience.length > 0 && audience.every((a) => TRADITIONAL_AUDIENCE.test(a))) {
    return 'hant';
  }
  return hanScriptOfLetters(letters) ?? 'hans';
}

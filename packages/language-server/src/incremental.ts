// One open document's linter. The block model (how the text splits into blocks that parse alone,
// and which blocks an edit makes it re-parse) is @nuance/unified's `MarkdownDocument`; this keeps
// one per document, with core's scans of the document's segments, so an edit rescans only the
// segments whose text changed. Findings are always those of `lintDocument`.
import { createScanCache, type Finding, type LineIndex, type RuleSet } from '@nuance/core';
import {
  type DocumentFormat,
  lintDocument,
  MarkdownDocument,
  type MarkdownDocumentStats,
} from '@nuance/unified';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class IncrementalLinter {
  private readonly document = new MarkdownDocument();
  private readonly scans = createScanCache();

  get stats(): MarkdownDocumentStats {
    return this.document.stats;
  }

  /** `lines`: the text's line index, when the caller keeps one (`documentLines`). */
  lint(text: string, ruleSet: RuleSet, facts: DocumentFacts, lines?: LineIndex): Finding[] {
    const { format, lang, topic } = facts;
    if (format !== 'markdown') return lintDocument({ text, ruleSet, lang, format, topic }).findings;
    this.document.update(text);
    return this.document.lint(ruleSet, { lang, cache: this.scans, topic, lines });
  }
}

/**
 * core's line index over an editor's document, whose line offsets the document keeps up to date
 * edit by edit: building one over a long draft at every keystroke cost more than linting it. Lines
 * end where core's do (\n, \r\n, a lone \r); 1-based lines and columns.
 */
export function documentLines(document: TextDocument): LineIndex {
  return new DocumentLines(document);
}

// A class, not an object literal with a getter: V8 keeps a literal's getters (closures made at each
// keystroke) in its hidden class, and scavenges then keep what they reach alive (core's lint.ts).
class DocumentLines implements LineIndex {
  constructor(private readonly document: TextDocument) {}

  get lineCount(): number {
    return this.document.lineCount;
  }

  position(offset: number): { line: number; column: number } {
    // The document puts an offset between \r and \n before the \r; core counts it as a column.
    const text = this.document.getText();
    const inCrLf = text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
    const { line, character } = this.document.positionAt(inCrLf ? offset - 1 : offset);
    return { line: line + 1, column: character + (inCrLf ? 2 : 1) };
  }

  lineStart(line: number): number {
    const clamped = Math.min(Math.max(line, 1), this.document.lineCount);
    return this.document.offsetAt({ line: clamped - 1, character: 0 });
  }
}

/** How a document is linted: its format, and its language and topic (declared or configured). */
export interface DocumentFacts {
  format: DocumentFormat;
  lang: string | undefined;
  topic: string[];
}

// One open document's linter. The block model (how the text splits into blocks that parse alone,
// and which blocks an edit makes it re-parse) is @nuance/unified's `MarkdownDocument`; this keeps
// one per document, with core's scans of the document's segments, so an edit rescans only the
// segments whose text changed. Findings are always those of `lintDocument`.
import { createScanCache, type Finding, type RuleSet } from '@nuance/core';
import {
  type DocumentFormat,
  lintDocument,
  MarkdownDocument,
  type MarkdownDocumentStats,
} from '@nuance/unified';

export class IncrementalLinter {
  private readonly document = new MarkdownDocument();
  private readonly scans = createScanCache();

  get stats(): MarkdownDocumentStats {
    return this.document.stats;
  }

  lint(text: string, ruleSet: RuleSet, facts: DocumentFacts): Finding[] {
    const { format, lang, topic } = facts;
    if (format !== 'markdown') return lintDocument({ text, ruleSet, lang, format, topic }).findings;
    this.document.update(text);
    return this.document.lint(ruleSet, lang, this.scans, topic);
  }
}

/** How a document is linted: its format, and its language and topic (declared or configured). */
export interface DocumentFacts {
  format: DocumentFormat;
  lang: string | undefined;
  topic: string[];
}

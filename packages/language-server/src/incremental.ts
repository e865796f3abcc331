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

  lint(text: string, ruleSet: RuleSet, lang: string | undefined, format: DocumentFormat): Finding[] {
    if (format !== 'markdown') return lintDocument({ text, ruleSet, lang, format }).findings;
    this.document.update(text);
    return this.document.lint(ruleSet, lang, this.scans);
  }
}

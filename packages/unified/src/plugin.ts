// The unified plugin: findings become vfile messages. It converts; it never re-decides.
import { type Finding, plainText, type RuleSet, stripBom } from '@nuance/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { documentLanguage } from './language.js';
import { lintTree } from './lint-parsed.js';
import { documentTopic } from './topic.js';

export interface NuanceOptions {
  ruleSet: RuleSet;
  /** The language to assume when the document does not say. */
  lang?: string | undefined;
  /** Context sets every document is about, with those its front matter declares (`documentTopic`). */
  topic?: readonly string[] | undefined;
  /** The voice every document is written in: `rok` declares the topic `rok-voice`. */
  voice?: string | undefined;
}

/** DESIGN, Findings: error is fatal, warning is not, info and hint leave `fatal` unset. */
const FATAL = { error: true, warning: false, info: undefined, hint: undefined } as const;

/** Report one finding on `file` with the structured fields editors use for quick fixes. */
export function reportFinding(file: VFile, finding: Finding): void {
  // vfile reporters print the reason in a terminal: text, the terms in the locale's quotation marks.
  const message = file.message(plainText(finding.message, finding.locale), {
    place: {
      start: { line: finding.line, column: finding.column, offset: finding.start },
      end: { line: finding.endLine, column: finding.endColumn, offset: finding.end },
    },
    ruleId: finding.ruleId,
    source: 'nuance',
  });
  message.actual = finding.actual;
  message.expected = finding.expected;
  if (finding.note !== undefined) message.note = finding.note;
  if (finding.url !== undefined) message.url = finding.url;
  message.fatal = FATAL[finding.severity];
}

/**
 * `unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(nuance, {ruleSet})`:
 * one `file.message()` per finding, never `file.fail()`.
 */
export default function nuance(options: NuanceOptions): (tree: Root, file: VFile) => void {
  if (!options?.ruleSet) throw new TypeError('Missing `ruleSet` in options');
  const { ruleSet } = options;
  return (tree, file) => {
    // remark's positions count from after a BOM, like the findings' offsets.
    const text = stripBom(String(file.value ?? ''));
    const path = file.path || undefined;
    const format = 'markdown';
    const lang = documentLanguage({ text, path, lang: options.lang, format });
    const topic = documentTopic({ text, format, topic: options.topic, voice: options.voice });
    for (const finding of lintTree(tree, text, ruleSet, lang, topic)) reportFinding(file, finding);
  };
}

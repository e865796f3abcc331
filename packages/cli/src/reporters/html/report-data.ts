// The shape of the data the report embeds as JSON: written by data.ts, read by the page's script
// (packages/cli/client), which is type-checked against these same types.
import type { Severity } from '@nuance/core';

/** A rule, once however many findings it has. */
export interface ReportRule {
  id: string;
  severity: Severity;
  note?: string;
  source?: string;
  url?: string;
  audiences?: Record<string, string>;
}

/** One finding, with short keys: the page holds thousands of them. */
export interface ReportFinding {
  /** File index. */
  f: number;
  /** Rule index. */
  r: number;
  s: Severity;
  /** Line and column (1-based). */
  l: number;
  c: number;
  /** Message. */
  m: string;
  /** The locale of the message, note and readings, when not English (the draft's). */
  o?: 'zh-Hans' | 'zh-Hant' | 'ko';
  /** The matched text (`actual`). */
  a: string;
  /** The preferred wordings (`expected`), when there are any. */
  e?: string[];
  /** The sentence: before, match, after (absent when the text is not known). */
  b?: string;
  x?: string;
  t?: string;
  /** The finding's note, only when it differs from its rule's. */
  n?: string;
  /** The finding's readings, only when they differ from its rule's. */
  u?: Record<string, string>;
  /** Why it applies (its context condition): per context set, the mention (text, line, column),
   *  or `topic` / the document language when those licensed it. */
  k?: { set: string; via: 'mention' | 'topic' | 'language'; text?: string; l?: number; c?: number }[];
  /** On a translation: its source segment (text, line, language, file when another, the check). */
  q?: { t: string; l: number; g?: string; p?: string; k?: string };
}

export interface ReportData {
  rules: ReportRule[];
  files: string[];
  findings: ReportFinding[];
}

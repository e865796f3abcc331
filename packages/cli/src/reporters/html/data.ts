// The report's data: what the page's script renders, embedded once as JSON. Rule metadata (note,
// readings, source) is stored once per rule, and per finding only where the finding differs
// (an audience filter can trim its readings), so 10,000 findings stay a few megabytes.
import { type Finding, type RuleSet, type Severity, toolRule } from '@nuance/core';
import { formatOf } from '@nuance/unified';
import type { FileResult } from '../../results.js';
import { contextOf, WINDOW } from './context.js';
import { MarkdownProse } from './prose.js';
import type { ReportData, ReportFinding, ReportRule } from './report-data.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Totals the page shows before any script runs (and that a test compares with `--format json`). */
export interface ReportTotals {
  findings: number;
  perSeverity: Record<Severity, number>;
  /** Rule index -> count, for rules with at least one finding. */
  perRule: Map<number, number>;
  /** Per file (input order), its counts by severity. */
  perFile: Record<Severity, number>[];
}

export function buildReportData(results: readonly FileResult[], ruleSet: RuleSet): ReportData {
  const rules: ReportRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleOf = (finding: Finding): number => {
    const known = ruleIndex.get(finding.ruleId);
    if (known !== undefined) return known;
    const info = ruleSet.get(finding.ruleId);
    // A finding the tool makes itself (nuance/unreadable-file) has no pack rule: the tool rule's
    // help is its note, and the finding's own fields stand in for the rest.
    const tool = info ? undefined : toolRule(finding.ruleId);
    const severity = info?.severity ?? tool?.severity ?? finding.severity;
    const rule: ReportRule = { id: finding.ruleId, severity };
    const note = info ? info.note : (finding.note ?? tool?.help);
    const url = info ? info.url : finding.url;
    const audiences = info ? info.audiences : finding.audiences;
    if (note !== undefined) rule.note = note;
    if (info?.source !== undefined) rule.source = info.source;
    if (url !== undefined) rule.url = url;
    if (audiences !== undefined) rule.audiences = audiences;
    ruleIndex.set(finding.ruleId, rules.length);
    rules.push(rule);
    return rules.length - 1;
  };
  const findings: ReportFinding[] = [];
  results.forEach((result, f) => {
    // Parsed once per Markdown file with a finding to quote: its sentences are shown as prose.
    let prose: MarkdownProse | undefined;
    const proseOf = (text: string) => {
      if (formatOf(result.path) !== 'markdown') return undefined;
      prose ??= new MarkdownProse(text, WINDOW);
      return prose;
    };
    for (const finding of result.messages) {
      const r = ruleOf(finding);
      const rule = rules[r];
      const item: ReportFinding = {
        f,
        r,
        s: finding.severity,
        l: finding.line,
        c: finding.column,
        m: finding.message,
        a: finding.actual,
      };
      if (finding.expected.length > 0) item.e = finding.expected;
      if (finding.locale !== undefined && finding.locale !== 'en') item.o = finding.locale;
      if (result.text !== undefined && finding.end > finding.start) {
        const context = contextOf(result.text, finding.start, finding.end, proseOf(result.text));
        item.b = context.before;
        item.x = context.match;
        item.t = context.after;
      }
      if (finding.note !== undefined && finding.note !== rule?.note) item.n = finding.note;
      if (finding.audiences !== undefined && !sameReadings(finding.audiences, rule?.audiences)) {
        item.u = finding.audiences;
      }
      if (finding.context) {
        item.k = finding.context.map((c) => ({
          set: c.set,
          via: c.via,
          ...(c.via === 'mention' ? { text: c.text ?? '', l: c.line ?? 1, c: c.column ?? 1 } : {}),
          ...(c.via === 'language' ? { text: c.lang ?? '' } : {}),
        }));
      }
      if (finding.source) {
        const { text, line, lang, path, check } = finding.source;
        item.q = { t: text, l: line };
        if (lang !== undefined) item.q.g = lang;
        if (path !== undefined) item.q.p = path;
        if (check !== undefined) item.q.k = check;
      }
      findings.push(item);
    }
  });
  return { rules, files: results.map((r) => r.path), findings };
}

function sameReadings(a: Record<string, string>, b: Record<string, string> | undefined): boolean {
  if (!b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export function totalsOf(data: ReportData): ReportTotals {
  const perSeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const perRule = new Map<number, number>();
  const perFile = data.files.map(() => ({ error: 0, warning: 0, info: 0, hint: 0 }));
  for (const finding of data.findings) {
    perSeverity[finding.s]++;
    perRule.set(finding.r, (perRule.get(finding.r) ?? 0) + 1);
    const file = perFile[finding.f];
    if (file) file[finding.s]++;
  }
  return { findings: data.findings.length, perSeverity, perRule, perFile };
}

/**
 * JSON safe inside `<script type="application/json">`: no `<` (so no `</script>` or `<!--`), no
 * `>` or `&`, and no U+2028/U+2029 (line terminators to older JavaScript parsers).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

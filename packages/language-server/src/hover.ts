// Hover text for a flagged span: rule, message, preferred wording, note, readings per audience,
// source and documentation link, in the finding's locale (the document's). The same text explains
// a rule on request.
import type { Finding, RuleInfo, RuleSet } from '@nuance/core';
import { UI_TEXTS, type UiTexts } from './ui-texts.js';

function section(title: string, body: string | undefined): string[] {
  return body ? [`**${title}**: ${body.trim().replace(/\s*\n\s*/g, ' ')}`] : [];
}

export function explainFinding(finding: Finding, ruleSet: RuleSet | undefined): string {
  const rule = ruleSet?.get(finding.ruleId);
  const labels = UI_TEXTS[finding.locale ?? 'en'];
  const lines = [`**${finding.ruleId}** (${finding.severity})`, '', finding.message, ''];
  if (finding.expected.length > 0) {
    lines.push(`**${labels.preferred}**: ${finding.expected.map((e) => `\`${e}\``).join(', ')}`, '');
  }
  if (finding.context && finding.context.length > 0) {
    lines.push(`**${labels.because}**: ${finding.context.map(labels.license).join('; ')}`, '');
  }
  const note = finding.note ?? rule?.note;
  lines.push(
    ...body(labels, note, rule?.source, finding.audiences ?? rule?.audiences, finding.url ?? rule?.url),
  );
  return lines.join('\n').trim();
}

export function explainRule(rule: RuleInfo): string {
  const lines = [`**${rule.id}** (${rule.severity}, ${rule.kind})`, '', rule.message, ''];
  lines.push(...body(UI_TEXTS.en, rule.note, rule.source, rule.audiences, rule.url));
  return lines.join('\n').trim();
}

function body(
  labels: UiTexts,
  note: string | undefined,
  source: string | undefined,
  audiences: Record<string, string> | undefined,
  url?: string,
): string[] {
  const lines: string[] = [];
  if (note) lines.push(note.trim(), '');
  const readings = Object.entries(audiences ?? {});
  if (readings.length > 0) {
    lines.push(
      `**${labels.readings}**:`,
      '',
      ...readings.map(([tag, reading]) => `- \`${tag}\`: ${reading}`),
      '',
    );
  }
  lines.push(...section(labels.source, source));
  if (url) lines.push('', `[${labels.docs}](${url})`);
  return lines;
}

/** Findings covering `offset`, the innermost first. */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings
    .filter((f) => f.start <= offset && offset <= f.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

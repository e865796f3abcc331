// Hover text for a flagged span: rule (linked to its documentation), preferred wording, note,
// readings per audience, source and documentation link, in the finding's locale (the document's);
// not the message, which the editor already shows above a hover on a diagnostic. Explain shows the
// same text with the message.
import { type Finding, type RuleInfo, type RuleSet, toolRule } from '@nuance/core';
import { UI_TEXTS, type UiTexts } from './ui-texts.js';

function section(title: string, body: string | undefined): string[] {
  return body ? [`**${title}**: ${body.trim().replace(/\s*\n\s*/g, ' ')}`] : [];
}

export interface ExplainOptions {
  /** The rule's documentation (rule-docs.ts); without it the rule id is not a link. */
  href?: string | undefined;
  /** Include the finding's message (Explain does; a hover does not repeat the diagnostic's). */
  message?: boolean;
}

/** `**id**`, linked to the rule's documentation when there is one. */
function title(id: string, href: string | undefined): string {
  return href ? `[**${id}**](${href})` : `**${id}**`;
}

export function explainFinding(
  finding: Finding,
  ruleSet: RuleSet | undefined,
  options: ExplainOptions = {},
): string {
  const rule = ruleSet?.get(finding.ruleId);
  const labels = UI_TEXTS[finding.locale ?? 'en'];
  const lines = [`${title(finding.ruleId, options.href)} (${finding.severity})`, ''];
  if (options.message !== false) lines.push(finding.message, '');
  if (finding.expected.length > 0) {
    lines.push(`**${labels.preferred}**: ${finding.expected.map((e) => `\`${e}\``).join(', ')}`, '');
  }
  if (finding.context && finding.context.length > 0) {
    lines.push(`**${labels.because}**: ${finding.context.map(labels.license).join('; ')}`, '');
  }
  // A tool finding (nuance/unknown-rule-in-directive...) has no pack rule: its help is the note.
  const note = rule ? (finding.note ?? rule.note) : toolRule(finding.ruleId)?.help;
  lines.push(...sourceLines(finding));
  lines.push(...body(labels, note, rule?.source, finding.audiences ?? rule?.audiences, options.href));
  return lines.join('\n').trim();
}

const CHECKS: Record<string, string> = {
  'missing-term': 'missing term',
  'shifted-concept': 'shifted concept',
  inconsistent: 'inconsistent rendering',
  number: 'number',
};

/** For a finding on a translation: the source segment, and the concept the check is about. */
function sourceLines(finding: Finding): string[] {
  const source = finding.source;
  if (!source) return [];
  const where = [source.lang && `\`${source.lang}\``, source.path, `line ${source.line}`]
    .filter(Boolean)
    .join(', ');
  const lines = [`**Source segment** (${where}): ${source.text}`, ''];
  if (source.check !== undefined) {
    const concept =
      source.check === 'number'
        ? ''
        : source.check === 'shifted-concept'
          ? `; confusable set \`${finding.ruleId}\``
          : `; concept \`${finding.ruleId}\``;
    const term = source.term === undefined ? '' : `; source \`${source.term}\``;
    lines.push(`**Bilingual check**: ${CHECKS[source.check] ?? source.check}${term}${concept}`, '');
  }
  return lines;
}

export function explainRule(rule: RuleInfo, href: string | undefined): string {
  const lines = [`${title(rule.id, href)} (${rule.severity}, ${rule.kind})`, '', rule.message, ''];
  lines.push(...body(UI_TEXTS.en, rule.note, rule.source, rule.audiences, href));
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

// Hover text for a flagged span: rule, message, preferred wording, note, readings per audience,
// source and documentation link. The same text explains a rule on request.
import type { ContextLicense, Finding, RuleInfo, RuleSet } from '@nuance/core';

function section(title: string, body: string | undefined): string[] {
  return body ? [`**${title}**: ${body.trim().replace(/\s*\n\s*/g, ' ')}`] : [];
}

export function explainFinding(finding: Finding, ruleSet: RuleSet | undefined): string {
  const rule = ruleSet?.get(finding.ruleId);
  const lines = [`**${finding.ruleId}** (${finding.severity})`, '', finding.message, ''];
  if (finding.expected.length > 0) {
    lines.push(`**Preferred**: ${finding.expected.map((e) => `\`${e}\``).join(', ')}`, '');
  }
  if (finding.context && finding.context.length > 0) {
    lines.push(`**Applies because**: ${finding.context.map(license).join('; ')}`, '');
  }
  lines.push(...sourceLines(finding));
  lines.push(...body(rule, finding.audiences ?? rule?.audiences, finding.url ?? rule?.url));
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

function license(c: ContextLicense): string {
  if (c.via === 'mention') return `\`${c.text ?? ''}\` (${c.set}, line ${c.line})`;
  if (c.via === 'topic') return `the document's topic is ${c.set}`;
  return `a \`${c.lang ?? ''}\` document is ${c.set}`;
}

export function explainRule(rule: RuleInfo): string {
  const lines = [`**${rule.id}** (${rule.severity}, ${rule.kind})`, '', rule.message, ''];
  lines.push(...body(rule, rule.audiences, rule.url));
  return lines.join('\n').trim();
}

function body(
  rule: RuleInfo | undefined,
  audiences: Record<string, string> | undefined,
  url?: string,
): string[] {
  const lines: string[] = [];
  if (rule?.note) lines.push(rule.note.trim(), '');
  const readings = Object.entries(audiences ?? {});
  if (readings.length > 0) {
    lines.push('**Readings**:', '', ...readings.map(([tag, reading]) => `- \`${tag}\`: ${reading}`), '');
  }
  lines.push(...section('Source', rule?.source));
  if (url) lines.push('', `[Rule documentation](${url})`);
  return lines;
}

/** Findings covering `offset`, the innermost first. */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings
    .filter((f) => f.start <= offset && offset <= f.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

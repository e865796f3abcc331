import {
  describeRule,
  type Locale,
  type ParsedPack,
  type RuleDefinition,
  type RuleDescription,
  TOOL_RULES,
  type ToolRule,
  textsIn,
  toolRule,
} from '@nuance/core';
import type { CliIo } from '../io.js';
import { type CatalogRule, didYouMean, fixableWord, loadCatalog } from './rule-catalog.js';

export interface ExplainOptions {
  rule: string;
  config?: string;
  audience?: string[];
  /** The locale of the message, note and readings (`--locale`); default English. */
  locale?: Locale;
  allowPacksOutside?: true;
}

/**
 * `nuance explain RULE`: everything a writer needs to decide about a finding, for a pack's rule or
 * one of the tool's own (`nuance/...`). Exit 2 for an unknown rule.
 */
export async function runExplain(options: ExplainOptions, io: CliIo): Promise<number> {
  const tool = toolRule(options.rule);
  if (tool) {
    io.stdout.write(formatToolRule(tool));
    return 0;
  }
  const catalog = await loadCatalog(options, io);
  const found = catalog.rules.find((r) => r.info.id === options.rule);
  if (!found) {
    const suggestion = didYouMean(options.rule, [
      ...catalog.rules.map((r) => r.info.id),
      ...TOOL_RULES.map((r) => r.id),
    ]);
    io.stderr.write(
      `nuance: Unknown rule \`${options.rule}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}\n` +
        'Run `nuance rules list` for the rules in effect.\n',
    );
    return 2;
  }
  io.stdout.write(formatExplain(found, options.locale, definitionOf(catalog.loaded.packs, found.info.id)));
  return catalog.failed ? 2 : 0;
}

/** A rule's definition in the config's packs (parsed now: explain is the one reader here). */
function definitionOf(packs: readonly ParsedPack[], id: string): RuleDefinition | undefined {
  for (const pack of packs) {
    const rule = pack.definition.rules.find((r) => r.id === id);
    if (rule) return rule;
  }
  return undefined;
}

export function formatExplain(
  { info, severity }: CatalogRule,
  locale: Locale = 'en',
  definition?: RuleDefinition,
): string {
  const texts = textsIn(info, locale);
  const lines: string[] = [info.id, ''];
  lines.push(`  kind      ${info.kind}`);
  lines.push(`  severity  ${severity}${severity === 'off' ? ' (turned off by the config)' : ''}`);
  lines.push(`  fixable   ${fixableWord(info)}`);
  if (info.glossary) {
    lines.push(
      '            (preferred and admitted terms only: no finding on its own; data for bilingual checks)',
    );
  }
  lines.push(`  pack      ${info.pack}`);
  if (texts.description) lines.push(`  summary   ${texts.description}`);
  lines.push(`  message   ${texts.message}`);
  if (texts.note) lines.push('', 'Why', ...indent(texts.note));
  const readings = Object.entries(texts.audiences ?? {});
  if (readings.length > 0) {
    lines.push('', 'Readings by audience');
    for (const [tag, reading] of readings) lines.push(`  ${tag}: ${reading}`);
  }
  if (definition) lines.push(...whatItMatches(describeRule(definition)));
  if (info.source) lines.push('', 'Source', ...indent(info.source));
  if (info.url) lines.push('', `More: ${info.url}`);
  const { valid, invalid } = info.examples;
  if (valid.length > 0 || invalid.length > 0) {
    lines.push('', 'Examples');
    for (const text of valid) lines.push(`  ✓ ${oneLine(text)}`);
    for (const example of invalid) {
      lines.push(`  ✗ ${oneLine(example.text)}`);
      if (example.output !== undefined) lines.push(`    → ${oneLine(example.output)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The kind's own account of the rule (the pack README's): its terms or phrases, its context. */
function whatItMatches(description: RuleDescription): string[] {
  const lines: string[] = [];
  if (description.context) lines.push('', 'Where it applies', ...indent(description.context));
  for (const section of description.sections) {
    lines.push('', section.title);
    for (const line of section.lines) {
      lines.push(`  ${line.map((p) => (typeof p === 'string' ? p : `\`${p.code}\``)).join('')}`);
    }
    if (section.footer) lines.push(...indent(section.footer));
  }
  return lines;
}

/** A rule of the tool itself, from core's registry: no pack, no config setting, no examples. */
function formatToolRule(rule: ToolRule): string {
  return [
    rule.id,
    '',
    '  kind      tool (nuance reports it about the run; no pack or config sets it)',
    `  severity  ${rule.severity}`,
    '  fixable   no',
    `  message   ${rule.description}`,
    '',
    'What to do',
    `  ${rule.help}`,
    '',
  ].join('\n');
}

function indent(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `  ${line}`));
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, '⏎');
}

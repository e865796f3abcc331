/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { isBuiltinPackName, type LoadedConfig, loadPack } from '@nuance/config';
import {
  describeRule,
  type Locale,
  type ParsedPack,
  packWithRule,
  parsePack,
  type RuleDefinition,
  type RuleDescription,
  type RuleInfo,
  TOOL_RULES,
  type ToolRule,
  textsIn,
  toolRule,
} from '@nuance/core';
import type { CliIo } from '../io.js';
import { type CatalogRule, catalogRule, didYouMean, fixableWord, loadRulesConfig } from './rule-catalog.js';

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
  const { loaded, failed } = await loadRulesConfig(options, io);
  const info = loaded.ruleSet.get(options.rule);
  if (!info) {
    const suggestion = didYouMean(options.rule, [
      ...loaded.ruleSet.rules.map((r) => r.id),
      ...TOOL_RULES.map((r) => r.id),
    ]);
    io.stderr.write(
      `nuance: Unknown rule \`${options.rule}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}\n` +
        'Run `nuance rules list` for the rules in effect.\n',
    );
    return 2;
  }
  const definition = await definitionOf(loaded, info, io.cwd);
  io.stdout.write(formatExplain(catalogRule(info, loaded), options.locale, definition));
  return failed ? 2 : 0;
}

/**
 * A rule's definition in the config's packs (parsed now: explain is the one reader here). Of a
 * YAML pack in the form packs are written in, only the rule is parsed, with the rest of its pack
 * (core's `packWithRule`): a 10,000-rule termbase took 0.5 s of a 0.8 s explain to parse whole.
 */
async function definitionOf(
  loaded: LoadedConfig,
  info: RuleInfo,
  cwd: string,
): Promise<RuleDefinition | undefined> {
  const whole = () => ruleIn(loaded.packs, info.id);
  for (const file of loaded.rulePackFiles) {
    const alone = /\.ya?ml$/i.test(file) ? readAlone(file, info.id) : undefined;
    if (alone === null) continue;
    if (alone === undefined) return whole();
    const definition = parsePack(alone, file).pack?.definition;
    const rule = definition?.rules[0];
    if (rule?.id !== info.id) return whole();
    // The rule set's rule of that id is another pack's (a duplicate id, reported as a problem).
    if (definition?.pack === info.pack) return rule;
  }
  // In none of the pack files: a built-in pack's rule, read from that pack alone.
  if (isBuiltinPackName(info.pack)) {
    const rule = ruleIn(
      [(await loadPack(info.pack, cwd)).pack].filter((p) => p !== undefined),
      info.id,
    );
    if (rule) return rule;
  }
  return whole();
}

/** `packWithRule` of a pack file; undefined when it cannot be read. */
function readAlone(file: string, id: string): string | null | undefined {
  try {
    return packWithRule(readFileSync(file, 'utf8'), id);
  } catch {
    return undefined;
  }
}

function ruleIn(packs: readonly ParsedPack[], id: string): RuleDefinition | undefined {
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

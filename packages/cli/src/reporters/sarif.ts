// SARIF 2.1.0 (OASIS), the format GitHub code scanning and most CI dashboards read. One run; the
// rules carry the note as help and the rule's url; results carry fixes and fingerprints that
// survive edits elsewhere in the file (fingerprint.ts: they do not depend on line numbers).
import { pathToFileURL } from 'node:url';
import {
  createLineIndex,
  type Finding,
  plainText,
  type RuleInfo,
  type RuleSet,
  type Severity,
  type ToolRule,
  toolRule,
} from '@nuance/core';
import { fileFingerprints } from '../fingerprint.js';
import type { FileResult } from '../results.js';
import { VERSION } from '../version.js';

export interface SarifOptions {
  ruleSet: RuleSet;
  /** The folder result paths are relative to; becomes the `%SRCROOT%` base URI. */
  cwd: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties?: Record<string, unknown>;
}

function ruleName(id: string): string {
  const name = id.slice(id.indexOf('/') + 1);
  return name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function packRule(info: RuleInfo): SarifRule {
  const rule: SarifRule = {
    id: info.id,
    name: ruleName(info.id),
    shortDescription: {
      text: plainText(info.description ?? info.message.replace(/\{(actual|expected)\}/g, '…')),
    },
    defaultConfiguration: { level: LEVEL[info.severity] },
    properties: { kind: info.kind, pack: info.pack, tags: ['terminology', info.pack] },
  };
  if (info.note) {
    rule.fullDescription = { text: info.note };
    const readings = Object.entries(info.audiences ?? {}).map(([tag, reading]) => `- ${tag}: ${reading}`);
    const markdown = [
      info.note,
      readings.length ? `\nReadings:\n${readings.join('\n')}` : '',
      info.source ? `\nSource: ${info.source}` : '',
    ]
      .join('')
      .trim();
    rule.help = { text: markdown.replace(/`/g, ''), markdown };
  }
  if (info.url) rule.helpUri = info.url;
  if (info.audiences && rule.properties) rule.properties.audiences = info.audiences;
  return rule;
}

/** A rule of the tool itself (core's TOOL_RULES), listed once a finding uses it. */
function sarifToolRule(rule: ToolRule): SarifRule {
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    help: { text: rule.help.replace(/`/g, ''), markdown: rule.help },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

/** A finding whose rule neither a pack nor the tool has (a report made elsewhere): its id only. */
function unknownRule(finding: Finding): SarifRule {
  return {
    id: finding.ruleId,
    name: ruleName(finding.ruleId),
    shortDescription: { text: finding.ruleId },
    defaultConfiguration: { level: LEVEL[finding.severity] },
  };
}

export function toSarif(results: readonly FileResult[], options: SarifOptions): object {
  const rules: SarifRule[] = options.ruleSet.rules.map(packRule);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndex = (finding: Finding): number => {
    let i = index.get(finding.ruleId);
    if (i === undefined) {
      const tool = toolRule(finding.ruleId);
      i = rules.push(tool ? sarifToolRule(tool) : unknownRule(finding)) - 1;
      index.set(finding.ruleId, i);
    }
    return i;
  };
  const sarifResults: object[] = [];
  for (const file of results) {
    const lines = file.text === undefined ? undefined : createLineIndex(file.text);
    const artifactLocation = { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' };
    const prints = fileFingerprints(file);
    for (const f of file.messages) {
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: ruleIndex(f),
        level: LEVEL[f.severity],
        message: { text: plainText(f.message, f.locale), markdown: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
                charOffset: f.start,
                charLength: f.end - f.start,
              },
            },
          },
        ],
        partialFingerprints: { 'nuanceFinding/v1': prints.get(f) },
      };
      if (f.expected.length > 0 || f.audiences || f.context || f.source) {
        const properties: Record<string, unknown> = { actual: f.actual, expected: f.expected };
        if (f.audiences) properties.audiences = f.audiences;
        if (f.context) properties.context = f.context;
        // A translation's finding: its source segment beside it (also a related location).
        if (f.source) properties.source = f.source;
        result.properties = properties;
      }
      const related = relatedLocations(f, artifactLocation);
      if (related.length > 0) result.relatedLocations = related;
      const fixes = (f.suggestions ?? []).map((edit, i) => {
        const deletedRegion: Record<string, number> = {
          charOffset: edit.start,
          charLength: edit.end - edit.start,
        };
        if (lines) {
          const from = lines.position(edit.start);
          const to = lines.position(edit.end);
          Object.assign(deletedRegion, {
            startLine: from.line,
            startColumn: from.column,
            endLine: to.line,
            endColumn: to.column,
          });
        }
        return {
          description: { text: `Replace with \`${f.expected[i] ?? edit.text}\`` },
          artifactChanges: [
            { artifactLocation, replacements: [{ deletedRegion, insertedContent: { text: edit.text } }] },
          ],
        };
      });
      if (fixes.length > 0) result.fixes = fixes;
      sarifResults.push(result);
    }
  }
  const base = pathToFileURL(options.cwd).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nuance',
            semanticVersion: VERSION,
            version: VERSION,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: base.endsWith('/') ? base : `${base}/` } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(results, options), null, 2)}\n`;
}

/**
 * The mentions that licensed a finding (its context condition), where a SARIF viewer shows why,
 * and for a translation's finding its source segment, in this file or in the source document.
 */
function relatedLocations(f: Finding, artifactLocation: { uri: string }): object[] {
  const out = licenseLocations(f, artifactLocation);
  const source = f.source;
  if (!source) return out;
  const dir = artifactLocation.uri.includes('/') ? artifactLocation.uri.replace(/[^/]*$/u, '') : '';
  out.push({
    id: out.length,
    message: { text: `Source${source.lang ? ` (${source.lang})` : ''}: ${source.text}` },
    physicalLocation: {
      artifactLocation:
        source.path === undefined
          ? artifactLocation
          : { ...artifactLocation, uri: `${dir}${encodeURI(source.path)}` },
      region: {
        startLine: source.line,
        startColumn: source.column,
        endLine: source.endLine,
        endColumn: source.endColumn,
        charOffset: source.start,
        charLength: source.end - source.start,
      },
    },
  });
  return out;
}

function licenseLocations(f: Finding, artifactLocation: object): object[] {
  return (f.context ?? []).flatMap((c, id) =>
    c.via === 'mention' && c.start !== undefined && c.end !== undefined
      ? [
          {
            id,
            message: { text: `\`${c.text ?? ''}\` names ${c.set}, so the rule applies here` },
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: c.line,
                startColumn: c.column,
                endLine: c.endLine,
                endColumn: c.endColumn,
                charOffset: c.start,
                charLength: c.end - c.start,
              },
            },
          },
        ]
      : [],
  );
}

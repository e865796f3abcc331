/// <reference types="node" />
// `nuance merge`: one report from the JSON or SARIF outputs of the shards of a `--shard i/n` CI
// matrix, equal to what one unsharded run over the same folder prints.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from '@nuance/config';
import { type Finding, isToolRule, stripBom } from '@nuance/core';
import type { MergeFormat } from './formats.js';
import type { CliIo } from './io.js';
import { writeReport } from './output.js';
import type { JsonFileResult } from './reporters/json.js';

export interface MergeOptions {
  /** The inputs' format; by default whichever they are (they must all be the same). */
  format?: MergeFormat;
  /** Write the merged report here (as `nuance check --output` does) instead of stdout. */
  output?: string;
}

/** A report that is not what `nuance --format json|sarif` writes; the message names the file. */
export class MergeInputError extends Error {}

/**
 * Concatenate JSON reports in the order an unsharded run lists a folder's files: by path, in
 * plain code-unit order (files.ts sorts a folder's files that way). `names` label the inputs in
 * errors. A file in two reports is an error: the shards overlapped, and its counts would double.
 */
export function mergeJson(reports: readonly unknown[], names: readonly string[] = []): JsonFileResult[] {
  const owner = new Map<string, string>();
  const all: JsonFileResult[] = [];
  reports.forEach((report, r) => {
    const name = names[r] ?? `report ${r + 1}`;
    if (!Array.isArray(report)) {
      throw new MergeInputError(
        `${name}: expected a \`nuance --format json\` report (an array of file results), got ${kind(report)}`,
      );
    }
    report.forEach((item: unknown, i) => {
      const result = jsonFileResult(item, `${name}: item ${i}`);
      const first = owner.get(result.path);
      if (first !== undefined) {
        throw new MergeInputError(
          `${name}: \`${result.path}\` is also in ${first}; were the shards given the same \`--shard\`?`,
        );
      }
      owner.set(result.path, name);
      all.push(result);
    });
  });
  return all.sort((a, b) => compareCodeUnits(a.path, b.path));
}

export function formatMergedJson(results: readonly JsonFileResult[]): string {
  return `${JSON.stringify(results)}\n`;
}

interface SarifRun {
  tool: { driver: { name: string; version?: string; rules?: SarifRule[] } & Record<string, unknown> };
  results?: SarifResult[];
  artifacts?: { location?: { uri?: string } }[];
  [key: string]: unknown;
}
type SarifRule = { id: string } & Record<string, unknown>;
type SarifResult = { ruleId?: string; ruleIndex?: number; locations?: SarifLocation[] } & Record<
  string,
  unknown
>;
type SarifLocation = { physicalLocation?: { artifactLocation?: { uri?: string; index?: number } } };

/**
 * Merge nuance SARIF logs (one run each) into one log with one run: the first log's header and
 * tool, the rules of every log by id (with each result's `ruleIndex` rewritten), the results
 * grouped by file in path order, and the artifacts (if any) by URI. Rules a pack declares keep
 * their order; the tool's own rules (core's `TOOL_RULES`), which a run adds when first used,
 * follow in the order the merged results first use them, as an unsharded run lists them.
 */
export function mergeSarif(logs: readonly unknown[], names: readonly string[] = []): object {
  const runs = logs.map((log, i) => sarifRun(log, names[i] ?? `log ${i + 1}`));
  const first = runs[0];
  if (!first) throw new MergeInputError('Nothing to merge: expected at least one SARIF log');
  const version = first.run.tool.driver.version;
  for (const { run, name } of runs) {
    if (run.tool.driver.version !== version) {
      throw new MergeInputError(
        `${name}: made by nuance ${run.tool.driver.version ?? '(no version)'}, but ${first.name} by nuance ${version ?? '(no version)'}; run every shard with the same version`,
      );
    }
  }

  const declared = new Map<string, SarifRule>();
  const added = new Map<string, SarifRule>();
  const groups: { path: string; results: SarifResult[]; run: SarifRun }[] = [];
  // By input position, not name: the same report given twice is two overlapping shards too.
  const owner = new Map<string, number>();
  for (const [position, { run, name }] of runs.entries()) {
    for (const rule of run.tool.driver.rules ?? []) {
      const into = isToolRule(rule.id) ? added : declared;
      if (!into.has(rule.id)) into.set(rule.id, rule);
    }
    let current: (typeof groups)[number] | undefined;
    for (const result of run.results ?? []) {
      const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      if (current?.path !== uri) {
        const seenIn = owner.get(uri);
        if (seenIn !== undefined && seenIn !== position) {
          throw new MergeInputError(
            `${name}: results for \`${uri}\` are also in ${runs[seenIn]!.name}; were the shards given the same \`--shard\`?`,
          );
        }
        owner.set(uri, position);
        current = { path: uri, results: [], run };
        groups.push(current);
      }
      current.results.push(result);
    }
  }
  // Groups of one file stay in their log's order (a stable sort); files sort by their decoded path.
  groups.sort((a, b) => compareCodeUnits(decodeUri(a.path), decodeUri(b.path)));

  const rules = [...declared.values()];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const artifacts: NonNullable<SarifRun['artifacts']> = [];
  const artifactIndex = new Map<string, number>();
  const results: SarifResult[] = [];
  for (const group of groups) {
    for (const result of group.results) {
      const id = result.ruleId ?? group.run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id;
      if (id !== undefined) {
        let i = index.get(id);
        const rule = added.get(id) ?? declared.get(id);
        if (i === undefined && rule) {
          i = rules.push(rule) - 1;
          index.set(id, i);
        }
        if (i !== undefined && result.ruleIndex !== undefined) result.ruleIndex = i;
      }
      for (const location of result.locations ?? []) {
        const artifact = location.physicalLocation?.artifactLocation;
        if (artifact?.index === undefined) continue;
        const entry = group.run.artifacts?.[artifact.index];
        const key = entry?.location?.uri ?? artifact.uri ?? '';
        let i = artifactIndex.get(key);
        if (i === undefined && entry) {
          i = artifacts.push(entry) - 1;
          artifactIndex.set(key, i);
        }
        if (i !== undefined) artifact.index = i;
      }
      results.push(result);
    }
  }
  // Rules a log declares but no result used (a tool rule only ever comes with a result).
  for (const rule of added.values()) if (!index.has(rule.id)) rules.push(rule);

  const merged = structuredClone(logs[0]) as { runs: SarifRun[] };
  const run = merged.runs[0]!;
  run.tool.driver.rules = rules;
  if (run.artifacts !== undefined || artifacts.length > 0) run.artifacts = artifacts;
  run.results = results;
  return merged;
}

export function formatMergedSarif(log: object): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * `nuance merge FILE... [--format json|sarif] [--output FILE]`: exit 0 with the merged report,
 * or 2 with a message naming the file when an input is missing, not JSON or not a nuance report.
 */
export async function runMerge(
  files: readonly string[],
  io: CliIo,
  options: MergeOptions = {},
): Promise<number> {
  if (files.length === 0) {
    io.stderr.write(
      'nuance: Nothing to merge: expected report files, as in `nuance merge shard-1.json shard-2.json`\n',
    );
    return 2;
  }
  let report: string;
  try {
    const inputs: unknown[] = [];
    for (const file of files) inputs.push(await readReport(path.resolve(io.cwd, file), file));
    const format = options.format ?? detectFormat(inputs, files);
    report =
      format === 'json'
        ? formatMergedJson(mergeJson(inputs, files))
        : formatMergedSarif(mergeSarif(inputs, files));
  } catch (error) {
    if (!(error instanceof MergeInputError)) throw error;
    io.stderr.write(`nuance: ${error.message}\n`);
    return 2;
  }
  if (options.output === undefined) {
    io.stdout.write(report);
    return 0;
  }
  return (await writeReport(options.output, report, io)) ? 0 : 2;
}

async function readReport(file: string, name: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MergeInputError(`${name}: cannot read the report (${describeFsError(error)})`);
  }
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    throw new MergeInputError(
      `${name}: not JSON (${error instanceof Error ? error.message : String(error)}); expected the output of \`nuance --format json\` or \`--format sarif\``,
    );
  }
}

function detectFormat(inputs: readonly unknown[], names: readonly string[]): MergeFormat {
  const formats = inputs.map((input): MergeFormat => (Array.isArray(input) ? 'json' : 'sarif'));
  const mixed = formats.findIndex((f) => f !== formats[0]);
  if (mixed !== -1) {
    throw new MergeInputError(
      `${names[mixed]}: a ${formats[mixed]} report, but ${names[0]} is ${formats[0]}; merge reports of one format`,
    );
  }
  return formats[0] ?? 'json';
}

function jsonFileResult(item: unknown, where: string): JsonFileResult {
  if (!isRecord(item))
    throw new MergeInputError(`${where}: expected a file result object, got ${kind(item)}`);
  const { path: file, messages, errorCount, warningCount } = item;
  if (typeof file !== 'string')
    throw new MergeInputError(`${where}: expected \`path\` to be a string, got ${kind(file)}`);
  if (!Array.isArray(messages) || !messages.every(isFinding)) {
    throw new MergeInputError(
      `${where} (\`${file}\`): expected \`messages\` to be an array of findings with \`ruleId\` and \`severity\``,
    );
  }
  for (const [key, value] of [
    ['errorCount', errorCount],
    ['warningCount', warningCount],
  ] as const) {
    if (!Number.isInteger(value))
      throw new MergeInputError(
        `${where} (\`${file}\`): expected \`${key}\` to be a whole number, got ${kind(value)}`,
      );
  }
  // Rebuilt in the reporter's key order, so the merged bytes match an unsharded run's.
  return {
    path: file,
    messages: messages as Finding[],
    errorCount: errorCount as number,
    warningCount: warningCount as number,
  };
}

function isFinding(value: unknown): boolean {
  return isRecord(value) && typeof value.ruleId === 'string' && typeof value.severity === 'string';
}

function sarifRun(log: unknown, name: string): { run: SarifRun; name: string } {
  const expected = 'expected a `nuance --format sarif` log';
  if (!isRecord(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) {
    throw new MergeInputError(
      `${name}: ${expected} (an object with \`version: "2.1.0"\` and \`runs\`), got ${kind(log)}`,
    );
  }
  if (log.runs.length !== 1)
    throw new MergeInputError(`${name}: ${expected} with one run, got ${log.runs.length} runs`);
  const run: unknown = log.runs[0];
  const driver =
    isRecord(run) && isRecord(run.tool) && isRecord(run.tool.driver) ? run.tool.driver : undefined;
  if (!isRecord(run) || driver?.name !== 'nuance') {
    throw new MergeInputError(`${name}: ${expected}; its run's \`tool.driver.name\` is not \`nuance\``);
  }
  if (
    driver.rules !== undefined &&
    !(Array.isArray(driver.rules) && driver.rules.every((r) => isRecord(r) && typeof r.id === 'string'))
  ) {
    throw new MergeInputError(
      `${name}: expected \`tool.driver.rules\` to be an array of rules with an \`id\``,
    );
  }
  if (run.results !== undefined && !(Array.isArray(run.results) && run.results.every(isRecord))) {
    throw new MergeInputError(`${name}: expected \`results\` to be an array of objects`);
  }
  // A copy: merging rewrites indexes, and the caller's logs stay as they were.
  return { run: structuredClone(run) as unknown as SarifRun, name };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} \`${String(value)}\``;
}

function decodeUri(uri: string): string {
  try {
    return decodeURI(uri);
  } catch {
    return uri;
  }
}

// The comparator of files.ts's sortPaths.
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/// <reference types="node" />
import { parseArgs } from 'node:util';
import { isLanguageTag, type Locale } from '@nuance/core';
import { readHistoryOptions, readRunOptions } from './args-run.js';
import {
  FORMATS,
  LIST_FORMATS,
  type ListFormat,
  MERGE_FORMATS,
  type MergeFormat,
  type OutputFormat,
} from './formats.js';
import { parseLocaleOption, withLocale } from './locale-option.js';
import type { Shard } from './shard.js';
import { parseSize } from './size-option.js';
import { UsageError } from './usage-error.js';

export interface CheckCommand {
  name: 'check';
  paths: string[];
  format: OutputFormat;
  config?: string;
  output?: string;
  quiet?: true;
  maxWarnings?: number;
  fix?: true;
  fixDryRun?: true;
  stdin?: true;
  stdinFilename?: string;
  lang?: string;
  audience?: string[];
  /** `--locale`: the locale of messages, notes and readings, over each document's own. */
  locale?: Locale;
  /** Worker threads; undefined: chosen from the number and size of the files. */
  jobs?: number;
  shard?: Shard;
  /** `--max-file-size`: a larger file (or stdin) is a finding, not linted; undefined: 16 MB. */
  maxFileBytes?: number;
  /** `--allow-packs-outside`: packs may be read from outside the config's repository. */
  allowPacksOutside?: true;
  /** `--changed-lines-from REF`, `--baseline FILE`, `--write-baseline FILE` (commands/check-filters). */
  changedLinesFrom?: string;
  baseline?: string;
  writeBaseline?: string;
  /** `--cache`: reuse the findings of files unchanged since the last run (cache/results-cache.ts). */
  cache?: true;
  /** `--cache-location PATH`: the cache file, or a folder for `.nuancecache`. */
  cacheLocation?: string;
}

export interface MergeCommand {
  name: 'merge';
  files: string[];
  format?: MergeFormat;
  output?: string;
}

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | CheckCommand
  | { name: 'init' }
  | {
      name: 'explain';
      rule: string;
      config?: string;
      audience?: string[];
      locale?: Locale;
      allowPacksOutside?: true;
    }
  | {
      name: 'rules-list';
      format: ListFormat;
      config?: string;
      audience?: string[];
      locale?: Locale;
      allowPacksOutside?: true;
    }
  | { name: 'rules-test'; pack?: string; config?: string; allowPacksOutside?: true }
  | { name: 'mcp'; config?: string; audience?: string[]; allowPacksOutside?: true }
  | { name: 'import'; file: string; output?: string; subjects?: string; keyTerms?: true }
  | { name: 'export'; pack: string; format: 'tbx' | 'csv' | 'tsv'; output?: string }
  | MergeCommand;

export { UsageError } from './usage-error.js';

const CHECK_ONLY = [
  'output',
  'quiet',
  'max-warnings',
  'fix',
  'fix-dry-run',
  'stdin',
  'stdin-filename',
  'lang',
  'jobs',
  'shard',
  'max-file-size',
  'changed-lines-from',
  'baseline',
  'write-baseline',
] as const;

export type ParsedValues = ReturnType<typeof parse>['values'];

/** Parse the command line; throws UsageError with a message meant for the user. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node:util messages mention internals ("parseArgs"); keep the first sentence only.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split('. ')[0] ?? message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const command = route(values, positionals);
  if (values.locale === undefined) return command;
  let locale: Locale;
  try {
    locale = parseLocaleOption(values.locale);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const localized = withLocale(command, locale);
  if (!localized) throw new UsageError(`\`--locale\` does not apply to \`nuance ${positionals.join(' ')}\``);
  return localized;
}

function route(values: ParsedValues, positionals: string[]): Command {
  const [first, ...rest] = positionals;
  const audience = values.audience === undefined ? undefined : parseAudience(values.audience);
  if (first === 'merge') return mergeCommand(rest, values);
  if (first === 'import' || first === 'export') return termbaseCommand(first, rest, values);
  if (first === 'rules' || first === 'explain' || first === 'init' || first === 'mcp') {
    const misplaced = CHECK_ONLY.find((name) => values[name] !== undefined);
    if (misplaced) throw new UsageError(`\`--${misplaced}\` applies to \`nuance check\` only`);
  }
  switch (first) {
    case 'init':
      return initCommand(rest, values);
    case 'explain':
      return explainCommand(rest, values, audience);
    case 'rules':
      return rulesCommand(rest, values, audience);
    case 'mcp':
      return mcpCommand(rest, values, audience);
    case 'check':
      return checkCommand(rest, values, audience);
    default:
      return checkCommand(positionals, values, audience);
  }
}

function initCommand(args: readonly string[], values: ParsedValues): Command {
  if (args.length > 0) throw new UsageError('`nuance init` takes no arguments');
  for (const name of ['config', 'format', 'audience', 'allow-packs-outside'] as const) {
    if (values[name] !== undefined) throw new UsageError(`\`--${name}\` does not apply to \`nuance init\``);
  }
  return { name: 'init' };
}

function mcpCommand(args: readonly string[], values: ParsedValues, audience: string[] | undefined): Command {
  if (args.length > 0) throw new UsageError('`nuance mcp` takes no arguments');
  if (values.format !== undefined) throw new UsageError('`--format` does not apply to `nuance mcp`');
  const command: Command = { name: 'mcp' };
  if (values.config !== undefined) command.config = values.config;
  if (audience) command.audience = audience;
  if (values['allow-packs-outside']) command.allowPacksOutside = true;
  return command;
}

function explainCommand(
  [rule, ...rest]: readonly string[],
  values: ParsedValues,
  audience: string[] | undefined,
): Command {
  if (rule === undefined) throw new UsageError('Missing rule: `nuance explain RULE`');
  if (rest.length > 0) throw new UsageError('`nuance explain` takes one rule');
  if (values.format !== undefined) throw new UsageError('`--format` does not apply to `nuance explain`');
  const command: Command = { name: 'explain', rule };
  if (values.config !== undefined) command.config = values.config;
  if (audience) command.audience = audience;
  if (values['allow-packs-outside']) command.allowPacksOutside = true;
  return command;
}

function rulesCommand(
  [subcommand, ...rest]: readonly string[],
  values: ParsedValues,
  audience: string[] | undefined,
): Command {
  if (subcommand === 'list') {
    if (rest.length > 0) throw new UsageError('`nuance rules list` takes no arguments');
    const format = oneOf(values.format ?? 'stylish', '--format', LIST_FORMATS);
    const command: Command = { name: 'rules-list', format };
    if (values.config !== undefined) command.config = values.config;
    if (audience) command.audience = audience;
    if (values['allow-packs-outside']) command.allowPacksOutside = true;
    return command;
  }
  if (subcommand !== 'test') {
    throw new UsageError(
      subcommand === undefined
        ? 'Missing subcommand: `nuance rules list` or `nuance rules test`'
        : `Unknown command \`rules ${subcommand}\``,
    );
  }
  if (rest.length > 1) throw new UsageError('`nuance rules test` takes at most one pack');
  const command: Command = { name: 'rules-test' };
  if (rest[0] !== undefined) command.pack = rest[0];
  if (values.config !== undefined) command.config = values.config;
  if (values['allow-packs-outside']) command.allowPacksOutside = true;
  return command;
}

/** `nuance import FILE [--subjects A,B] [--key-terms] [--output FILE]`, `nuance export --format tbx|csv|tsv PACK [--output FILE]`. */
function termbaseCommand(name: 'import' | 'export', args: readonly string[], values: ParsedValues): Command {
  const allowed = name === 'import' ? ['output', 'subjects', 'key-terms'] : ['output', 'format'];
  const misplaced = Object.keys(values).find((key) => !allowed.includes(key));
  if (misplaced) throw new UsageError(`\`--${misplaced}\` does not apply to \`nuance ${name}\``);
  const what = name === 'import' ? 'FILE' : 'PACK';
  if (args.length !== 1 || args[0] === undefined) {
    throw new UsageError(
      `\`nuance ${name}\` takes one ${what}: \`nuance ${name === 'import' ? 'import FILE' : 'export --format tbx PACK'}\``,
    );
  }
  const output = values.output === undefined ? {} : { output: values.output };
  if (name === 'import') {
    const { subjects, 'key-terms': keyTerms } = values;
    return { name, file: args[0], ...output, ...(subjects && { subjects }), ...(keyTerms && { keyTerms }) };
  }
  if (values.format === undefined)
    throw new UsageError('Missing `--format tbx`, `csv` or `tsv` for `nuance export`');
  return {
    name,
    pack: args[0],
    format: oneOf(values.format, '--format', ['tbx', 'csv', 'tsv'] as const),
    ...output,
  };
}

function mergeCommand(files: string[], values: ParsedValues): MergeCommand {
  const misplaced = [...CHECK_ONLY, 'config', 'audience', 'allow-packs-outside'].find(
    (name) => name !== 'output' && values[name as keyof ParsedValues] !== undefined,
  );
  if (misplaced) throw new UsageError(`\`--${misplaced}\` does not apply to \`nuance merge\``);
  if (files.length === 0) {
    throw new UsageError('Missing reports: `nuance merge shard-1.json shard-2.json ...`');
  }
  const command: MergeCommand = { name: 'merge', files };
  if (values.format !== undefined) command.format = oneOf(values.format, '--format', MERGE_FORMATS);
  if (values.output !== undefined) command.output = values.output;
  return command;
}

function checkCommand(paths: string[], values: ParsedValues, audience: string[] | undefined): CheckCommand {
  const format = oneOf(values.format ?? 'stylish', '--format', FORMATS);
  const command: CheckCommand = { name: 'check', paths, format };
  if (values.config !== undefined) command.config = values.config;
  if (values.output !== undefined) command.output = values.output;
  if (values.quiet) command.quiet = true;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^\d+$/.test(text)) {
      throw new UsageError(`Unexpected value \`${text}\` for \`--max-warnings\`, expected a whole number`);
    }
    command.maxWarnings = Number(text);
  }
  if (values.fix && values['fix-dry-run']) {
    throw new UsageError('`--fix` and `--fix-dry-run` cannot be used together');
  }
  if (values.fix) command.fix = true;
  if (values['fix-dry-run']) command.fixDryRun = true;
  readStdinOptions(command, values);
  if (values.lang !== undefined) {
    if (!isLanguageTag(values.lang)) throw badTag(values.lang, '--lang');
    command.lang = values.lang;
  }
  if (audience) command.audience = audience;
  if (values['allow-packs-outside']) command.allowPacksOutside = true;
  readRunOptions(command, values);
  if (values['max-file-size'] !== undefined) command.maxFileBytes = parseSize(values['max-file-size']);
  readHistoryOptions(command, values);
  return command;
}

function readStdinOptions(command: CheckCommand, values: ParsedValues): void {
  if (values.stdin) {
    if (command.paths.length > 0) throw new UsageError('`--stdin` lints standard input: give no paths');
    command.stdin = true;
  }
  if (values['stdin-filename'] !== undefined) {
    if (!values.stdin) throw new UsageError('`--stdin-filename` needs `--stdin`');
    if (values['stdin-filename'] === '') throw new UsageError('`--stdin-filename` needs a name');
    command.stdinFilename = values['stdin-filename'];
  }
}

function parseAudience(values: readonly string[]): string[] {
  const tags = values.flatMap((v) => v.split(',')).map((t) => t.trim());
  for (const tag of tags) if (!isLanguageTag(tag)) throw badTag(tag, '--audience');
  return tags;
}

function badTag(value: string, option: string): UsageError {
  return new UsageError(
    `Unexpected value \`${value}\` for \`${option}\`, expected a BCP 47 language tag such as \`zh\` or \`ko-KR\``,
  );
}

function oneOf<T extends string>(value: string, option: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((f) => `\`${f}\``);
  const expected = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : list.join('');
  throw new UsageError(`Unexpected value \`${value}\` for \`${option}\`, expected ${expected}`);
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', short: 'c' },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      lang: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      shard: { type: 'string' },
      'max-file-size': { type: 'string' },
      'allow-packs-outside': { type: 'boolean' },
      subjects: { type: 'string' },
      'key-terms': { type: 'boolean' },
      'changed-lines-from': { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      audience: { type: 'string', multiple: true },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

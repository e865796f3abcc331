/// <reference types="node" />
import { parseArgs } from 'node:util';
import type { MergeFormat } from './merge.js';
import { parseShard, type Shard, ShardError } from './shard.js';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'html';
export const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github', 'html'];
export type ListFormat = 'stylish' | 'json';
const LIST_FORMATS: readonly ListFormat[] = ['stylish', 'json'];
const MERGE_FORMATS: readonly MergeFormat[] = ['json', 'sarif'];

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
  /** Worker threads; undefined: chosen from the number and size of the files. */
  jobs?: number;
  shard?: Shard;
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
  | { name: 'explain'; rule: string; config?: string; audience?: string[] }
  | { name: 'rules-list'; format: ListFormat; config?: string; audience?: string[] }
  | { name: 'rules-test'; pack?: string; config?: string }
  | MergeCommand;

export class UsageError extends Error {}

export const HELP = `Usage: nuance [check] [paths...] [options]
       nuance check --stdin [--stdin-filename NAME] [options]
       nuance explain RULE
       nuance rules list [--format json]
       nuance rules test [pack]
       nuance merge FILE... [--format json|sarif] [--output FILE]
       nuance init

Lint Markdown (.md, .markdown) and text (.txt) drafts for terminology and translation nuance.
Paths are files, folders or globs (quote globs: 'drafts/**/*.md'). Folders are searched
recursively, skipping node_modules, dot-folders and what .gitignore or the config's \`ignore\`
excludes; no path means the current folder. Each file uses the nearest .nuancerc.yaml above it.

Options:
  -c, --config FILE          use this config for every file (no discovery)
  -f, --format NAME          stylish (default), json, sarif, github or html
  -o, --output FILE          write the report to FILE instead of stdout
      --lang TAG             document language when a file does not say (over the config's)
      --audience TAG[,TAG]   keep only the readings for these readers (over the config's)
      --fix                  apply safe fixes to the files, then report what is left
      --fix-dry-run          print the fixes as a unified diff; write nothing
  -q, --quiet                report errors only
      --max-warnings N       exit 1 when there are more than N warnings
  -j, --jobs N               lint on N worker threads (default: 1 below 50 files and 2 MB, else
                             2 or the cores if fewer); the report is the same whatever N
      --shard I/N            lint only shard I of N (a stable split by path), for a CI matrix;
                             join the shards' json or sarif reports with \`nuance merge\`
      --stdin                lint standard input (with --fix: print the fixed text)
      --stdin-filename NAME  the name of the stdin document (format, config, language)
  -h, --help                 show this help
  -v, --version              show the version

Commands:
  check [paths...]           lint files, folders and globs (the default command)
  explain RULE               show a rule: its note, readings per audience, source and examples
  rules list                 list the rules in effect (id, kind, severity, fixable)
  rules test [pack]          run the examples of the built-in packs, or of one pack (name or file)
  merge FILE...              join the json (or sarif) reports of --shard runs into the report
                             one unsharded run gives (--format and --output as for check)
  init                       write a commented starter .nuancerc.yaml here

Exit codes: 0 no errors (and warnings within --max-warnings), 1 error findings, too many
warnings or failed examples, 2 usage, config or pack problem, a path or glob that matches
nothing, or an internal error.
`;

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
] as const;

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

  const [first, second, ...rest] = positionals;
  const audience = values.audience === undefined ? undefined : parseAudience(values.audience);
  if (first === 'merge') return mergeCommand(positionals.slice(1), values);
  if (first === 'rules' || first === 'explain' || first === 'init') {
    const misplaced = CHECK_ONLY.find((name) => values[name] !== undefined);
    if (misplaced) throw new UsageError(`\`--${misplaced}\` applies to \`nuance check\` only`);
  }
  if (first === 'init') {
    if (positionals.length > 1) throw new UsageError('`nuance init` takes no arguments');
    for (const name of ['config', 'format', 'audience'] as const) {
      if (values[name] !== undefined) throw new UsageError(`\`--${name}\` does not apply to \`nuance init\``);
    }
    return { name: 'init' };
  }
  if (first === 'explain') {
    if (second === undefined) throw new UsageError('Missing rule: `nuance explain RULE`');
    if (rest.length > 0) throw new UsageError('`nuance explain` takes one rule');
    if (values.format !== undefined) throw new UsageError('`--format` does not apply to `nuance explain`');
    const command: Command = { name: 'explain', rule: second };
    if (values.config !== undefined) command.config = values.config;
    if (audience) command.audience = audience;
    return command;
  }
  if (first === 'rules') {
    if (second === 'list') {
      if (rest.length > 0) throw new UsageError('`nuance rules list` takes no arguments');
      const format = values.format ?? 'stylish';
      if (!LIST_FORMATS.includes(format as ListFormat)) throw badValue(format, '--format', LIST_FORMATS);
      const command: Command = { name: 'rules-list', format: format as ListFormat };
      if (values.config !== undefined) command.config = values.config;
      if (audience) command.audience = audience;
      return command;
    }
    if (second !== 'test') {
      throw new UsageError(
        second === undefined
          ? 'Missing subcommand: `nuance rules list` or `nuance rules test`'
          : `Unknown command \`rules ${second}\``,
      );
    }
    if (rest.length > 1) throw new UsageError('`nuance rules test` takes at most one pack');
    const command: Command = { name: 'rules-test' };
    if (rest[0] !== undefined) command.pack = rest[0];
    if (values.config !== undefined) command.config = values.config;
    return command;
  }

  const format = values.format ?? 'stylish';
  if (!FORMATS.includes(format as OutputFormat)) throw badValue(format, '--format', FORMATS);
  const paths = first === 'check' ? positionals.slice(1) : [...positionals];
  const command: CheckCommand = { name: 'check', paths, format: format as OutputFormat };
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
  if (values.stdin) {
    if (paths.length > 0) throw new UsageError('`--stdin` lints standard input: give no paths');
    command.stdin = true;
  }
  if (values['stdin-filename'] !== undefined) {
    if (!values.stdin) throw new UsageError('`--stdin-filename` needs `--stdin`');
    if (values['stdin-filename'] === '') throw new UsageError('`--stdin-filename` needs a name');
    command.stdinFilename = values['stdin-filename'];
  }
  if (values.lang !== undefined) {
    if (!LANGUAGE_TAG.test(values.lang)) throw badTag(values.lang, '--lang');
    command.lang = values.lang;
  }
  if (audience) command.audience = audience;
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) {
      throw new UsageError(
        `Unexpected value \`${values.jobs}\` for \`--jobs\`, expected a whole number from 1`,
      );
    }
    command.jobs = Number(values.jobs);
  }
  if (values.shard !== undefined) {
    if (command.stdin) throw new UsageError('`--shard` splits files and folders: not with `--stdin`');
    try {
      command.shard = parseShard(values.shard);
    } catch (error) {
      if (error instanceof ShardError) throw new UsageError(error.message);
      throw error;
    }
  }
  return command;
}

type ParsedValues = ReturnType<typeof parse>['values'];

function mergeCommand(files: string[], values: ParsedValues): MergeCommand {
  const misplaced = [...CHECK_ONLY, 'config', 'audience'].find(
    (name) => name !== 'output' && values[name as keyof ParsedValues] !== undefined,
  );
  if (misplaced) throw new UsageError(`\`--${misplaced}\` does not apply to \`nuance merge\``);
  if (files.length === 0) {
    throw new UsageError('Missing reports: `nuance merge shard-1.json shard-2.json ...`');
  }
  const command: MergeCommand = { name: 'merge', files };
  if (values.format !== undefined) {
    if (!MERGE_FORMATS.includes(values.format as MergeFormat)) {
      throw badValue(values.format, '--format', MERGE_FORMATS);
    }
    command.format = values.format as MergeFormat;
  }
  if (values.output !== undefined) command.output = values.output;
  return command;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

function parseAudience(values: readonly string[]): string[] {
  const tags = values.flatMap((v) => v.split(',')).map((t) => t.trim());
  for (const tag of tags) if (!LANGUAGE_TAG.test(tag)) throw badTag(tag, '--audience');
  return tags;
}

function badTag(value: string, option: string): UsageError {
  return new UsageError(
    `Unexpected value \`${value}\` for \`${option}\`, expected a BCP 47 language tag such as \`zh\` or \`ko-KR\``,
  );
}

function badValue(value: string, option: string, allowed: readonly string[]): UsageError {
  const list = allowed.map((f) => `\`${f}\``);
  const expected = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : list.join('');
  return new UsageError(`Unexpected value \`${value}\` for \`${option}\`, expected ${expected}`);
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
      audience: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/// <reference types="node" />
import { parseArgs } from 'node:util';

export type OutputFormat = 'stylish' | 'json';
export const FORMATS: readonly OutputFormat[] = ['stylish', 'json'];

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'check'; paths: string[]; config?: string; format: OutputFormat }
  | { name: 'rules-test'; pack?: string; config?: string };

export class UsageError extends Error {}

export const HELP = `Usage: nuance [check] [paths...] [options]
       nuance rules test [pack]

Lint Markdown (.md, .markdown) and text (.txt) drafts for terminology and translation nuance.
Folders are searched recursively, skipping node_modules and dot-folders; no path means the
current folder.

Options:
  --config FILE        use this .nuancerc.yaml
  --format NAME        stylish (default) or json
  -h, --help           show this help
  -v, --version        show the version

Commands:
  check [paths...]     lint files and folders (the default command)
  rules test [pack]    run the examples of the built-in packs, or of one pack (name or file)

Exit codes: 0 no errors, 1 error findings or failed examples, 2 usage, config or pack problem,
missing path or internal error.
`;

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

  const format = values.format ?? 'stylish';
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new UsageError(
      `Unexpected value \`${format}\` for \`--format\`, expected ${FORMATS.map((f) => `\`${f}\``).join(' or ')}`,
    );
  }

  const [first, second, ...rest] = positionals;
  if (first === 'rules') {
    if (second !== 'test') {
      throw new UsageError(
        second === undefined
          ? 'Missing subcommand: `nuance rules test`'
          : `Unknown command \`rules ${second}\``,
      );
    }
    if (rest.length > 1) throw new UsageError('`nuance rules test` takes at most one pack');
    const command: Command = { name: 'rules-test' };
    if (rest[0] !== undefined) command.pack = rest[0];
    if (values.config !== undefined) command.config = values.config;
    return command;
  }
  const paths = first === 'check' ? positionals.slice(1) : [...positionals];
  const command: Command = { name: 'check', paths, format: format as OutputFormat };
  if (values.config !== undefined) command.config = values.config;
  return command;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', short: 'c' },
      format: { type: 'string', short: 'f' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

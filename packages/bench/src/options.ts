// The bench's command line. Every choice has a default that reproduces the figures (the
// 10 MB corpus, three runs, the three vocabularies); `--quick` shrinks it all for a smoke test.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { MeterName } from './meter.js';
import { defaultCache, defaultResults, defaultShared } from './paths.js';

export const TOOL_IDS = [
  'nuance',
  'nuance-jobs-1',
  'nuance-cache',
  'remark-parse',
  'unified-nlcst',
  'textlint-prh',
  'grep',
] as const;
export type ToolId = (typeof TOOL_IDS)[number];

export const SUITES = ['table', 'engine', 'one-path', 'small-file', 'server', 'instructions'] as const;
export type Suite = (typeof SUITES)[number];
/** What runs when `--suites` is not given: every suite but `instructions`, which needs valgrind and minutes. */
export const DEFAULT_SUITES: readonly Suite[] = SUITES.filter((suite) => suite !== 'instructions');

export interface BenchOptions {
  /** Corpus size in MB (10^6 bytes). */
  sizeMb: number;
  runs: number;
  tools: ToolId[];
  /** `korea-china` (the built-in pack) or a number of terms (the seed list's size is the seed itself). */
  vocabularies: string[];
  suites: Suite[];
  smallFileRuns: number;
  serverRounds: number;
  shared: string;
  cache: string;
  /** Where the JSON results go; with `--json` and no `--out`, nowhere (they are printed). */
  out: string | undefined;
  json: boolean;
  meter: MeterName | undefined;
}

export const HELP = `Usage: pnpm bench [options]   (at the repository root: builds first)
       node packages/bench/dist/main.js [options]

Runs nuance and its peers side by side over a deterministic corpus built from ../shared/corpus,
then the engine alone, the fast path against a full parse, one small file and the language
server over stdio.

Options:
  --size MB            corpus size in MB (default 10; quick 1)
  --runs N             runs of each tool, median reported (default 3; quick 1)
  --tools LIST         comma-separated (default all): ${TOOL_IDS.join(', ')}
  --vocab LIST         comma-separated: a number of terms (24 is the seed list), N-unmatched
                       (N terms, only the seed's matchable: the termbase's size alone), korea-china
                       (default 24,korea-china,10000; quick 24,korea-china)
  --suites LIST        comma-separated: ${SUITES.join(', ')} (default all but
                       instructions: \`nuance --jobs 1\` under valgrind, instructions counted,
                       for comparing two builds when times are too noisy to)
  --small-runs N       runs of the one-small-file comparison (default 20; quick 3)
  --server-rounds N    edits timed per language-server draft (default 100; quick 10)
  --shared DIR         the shared folder with corpus/ and bench/ (default ../shared)
  --cache DIR          where corpora and vocabularies are generated (default ~/.cache/nuance-bench)
  --out FILE           the JSON results file (default packages/bench/results/<time>.json)
  --json               print the JSON results instead of the Markdown tables (and write
                       no file unless --out is given)
  --meter NAME         wait4 (python3) or time (/usr/bin/time); default the first available
  --quick              small defaults for a smoke test
  -h, --help           show this help
`;

function list<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value.split(',').map((item) => item.trim());
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      throw new Error(`Unexpected value \`${item}\` for \`${what}\`, expected one of ${allowed.join(', ')}`);
    }
  }
  return items as T[];
}

function positive(value: string, what: string, integer: boolean): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(
      `Unexpected value \`${value}\` for \`${what}\`, expected a positive ${integer ? 'integer' : 'number'}`,
    );
  }
  return n;
}

function vocabularies(value: string): string[] {
  return value.split(',').map((item) => {
    const v = item.trim();
    if (v === 'korea-china' || /^[1-9][0-9]*(-unmatched)?$/.test(v)) return v;
    throw new Error(
      `Unexpected value \`${v}\` for \`--vocab\`, expected a number of terms, N-unmatched or korea-china`,
    );
  });
}

/** The options, or undefined when help was asked for. Throws on a bad value. */
export function parseOptions(argv: string[], now = new Date()): BenchOptions | undefined {
  const { values } = parseArgs({
    // `pnpm bench -- --quick` hands the `--` on.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    strict: true,
    options: {
      size: { type: 'string' },
      runs: { type: 'string' },
      tools: { type: 'string' },
      vocab: { type: 'string' },
      suites: { type: 'string' },
      'small-runs': { type: 'string' },
      'server-rounds': { type: 'string' },
      shared: { type: 'string' },
      cache: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      meter: { type: 'string' },
      quick: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const quick = values.quick === true;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    sizeMb: positive(values.size ?? (quick ? '1' : '10'), '--size', false),
    runs: positive(values.runs ?? (quick ? '1' : '3'), '--runs', true),
    tools: values.tools ? list(values.tools, TOOL_IDS, '--tools') : [...TOOL_IDS],
    vocabularies: vocabularies(values.vocab ?? (quick ? '24,korea-china' : '24,korea-china,10000')),
    suites: values.suites ? list(values.suites, SUITES, '--suites') : [...DEFAULT_SUITES],
    smallFileRuns: positive(values['small-runs'] ?? (quick ? '3' : '20'), '--small-runs', true),
    serverRounds: positive(values['server-rounds'] ?? (quick ? '10' : '100'), '--server-rounds', true),
    shared: path.resolve(values.shared ?? defaultShared),
    cache: path.resolve(values.cache ?? defaultCache),
    out:
      values.out !== undefined || !values.json
        ? path.resolve(values.out ?? path.join(defaultResults, `${stamp}.json`))
        : undefined,
    json: values.json === true,
    meter:
      values.meter === undefined ? undefined : list(values.meter, ['wait4', 'time'] as const, '--meter')[0],
  };
}

// The tools side by side: how each is started on the corpus with a vocabulary, which exit codes
// mean it ran, and how its output tells the findings. Every tool is a fresh process timed from
// start to exit, start-up included, its report written to a file (not parsed while timed).
import path from 'node:path';
import type { ToolId } from './options.js';
import { cliBin, packageRoot, script, textlintBin } from './paths.js';
import type { Vocabulary } from './vocabulary.js';

export interface ToolCommand {
  argv: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** What a tool's output says: the files it went through and its findings (none for a parse alone). */
export interface ToolOutput {
  files: number;
  findings: number | null;
}

export interface Tool {
  id: ToolId;
  label: string;
  /** `nuance`: any vocabulary; `terms`: a term list only (not a built-in pack); `none`: no vocabulary. */
  takes: 'nuance' | 'terms' | 'none';
  okExit: readonly number[];
  /** `home`: a nuance case's own cache folder (`XDG_CACHE_HOME`), kept for its rounds. */
  command(corpus: string, vocabulary: Vocabulary | undefined, home?: string): ToolCommand;
  read(stdout: string): ToolOutput;
}

// nuance --format json and textlint --format json: one object per file, with its messages.
function perFileJson(stdout: string): ToolOutput {
  const files = JSON.parse(stdout) as { messages: unknown[] }[];
  return { files: files.length, findings: files.reduce((sum, f) => sum + f.messages.length, 0) };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Missing ${what}`);
  return value;
}

function nuance(id: ToolId, label: string, options: (home: string | undefined) => string[]): Tool {
  return {
    id,
    label,
    takes: 'nuance',
    // 1: error findings (the korea-china pack has error rules).
    okExit: [0, 1],
    command: (corpus, vocabulary, home) => ({
      argv: [
        process.execPath,
        cliBin,
        'check',
        corpus,
        '--config',
        required(vocabulary, 'vocabulary').nuanceConfig,
        '--format',
        'json',
        ...options(home),
      ],
      cwd: corpus,
    }),
    read: perFileJson,
  };
}

const terms = (vocabulary: Vocabulary | undefined) => required(vocabulary?.terms, 'term list');

export const TOOLS: readonly Tool[] = [
  nuance('nuance', 'nuance, default options', () => []),
  nuance('nuance-jobs-1', 'nuance `--jobs 1`', () => ['--jobs', '1']),
  // Its results cache filled by the case's first run (outside the medians): every round finds
  // every file unchanged, as a pre-commit hook or a watch loop over an archive mostly does.
  nuance('nuance-cache', 'nuance `--cache`, nothing changed', (home) => [
    '--cache-location',
    path.join(required(home, 'cache folder'), 'results.nuancecache'),
  ]),
  {
    id: 'remark-parse',
    label: 'remark-parse alone (no checks)',
    takes: 'none',
    okExit: [0],
    command: (corpus) => ({ argv: [process.execPath, script('peers/remark-parse.js'), corpus], cwd: corpus }),
    read: (stdout) => ({ files: (JSON.parse(stdout) as { files: number }).files, findings: null }),
  },
  {
    id: 'unified-nlcst',
    label: 'unified + remark-retext + nlcst-search',
    takes: 'terms',
    okExit: [0],
    command: (corpus, vocabulary) => ({
      argv: [process.execPath, script('peers/unified-nlcst.js'), corpus, terms(vocabulary).words],
      cwd: corpus,
    }),
    read: (stdout) => JSON.parse(stdout) as ToolOutput,
  },
  {
    id: 'textlint-prh',
    label: 'textlint + textlint-rule-prh',
    takes: 'terms',
    // 1: some file has a message.
    okExit: [0, 1],
    command: (corpus, vocabulary) => ({
      argv: [
        process.execPath,
        textlintBin(),
        '--config',
        terms(vocabulary).textlintConfig,
        '--rules-base-directory',
        path.join(packageRoot, 'node_modules'),
        '--format',
        'json',
        '--no-color',
        corpus,
      ],
      cwd: corpus,
    }),
    read: perFileJson,
  },
  {
    id: 'grep',
    label: '`grep -F -c -r -f` (lines with a match)',
    takes: 'terms',
    // 1: no line matched.
    okExit: [0, 1],
    command: (corpus, vocabulary) => ({
      argv: ['grep', '-F', '-c', '-r', '-f', terms(vocabulary).patterns, '.'],
      cwd: corpus,
      // Bytes, not characters: the patterns are exact UTF-8 strings and nothing is case-folded.
      env: { ...process.env, LC_ALL: 'C' },
    }),
    read: (stdout) => {
      const counts = stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => Number(line.slice(line.lastIndexOf(':') + 1)));
      return { files: counts.length, findings: counts.reduce((sum, n) => sum + n, 0) };
    },
  },
];

/** Whether a tool runs with a vocabulary (a peer cannot take a built-in pack). */
export function takesVocabulary(tool: Tool, vocabulary: Vocabulary): boolean {
  return tool.takes === 'nuance' || (tool.takes === 'terms' && vocabulary.terms !== undefined);
}

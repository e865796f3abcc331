// The instructions suite: `nuance --jobs 1` over the corpus under valgrind's cachegrind (no cache
// simulation), which counts the machine instructions the process executed, its threads included,
// with V8 on one thread (`--single-threaded`: no concurrent compiler or GC threads, whose share of
// the work shifts with their timing). On a shared 2-core VM wall times varied by 30 % between
// runs and twice over between hours; this count varies by about 0.1 % between runs of one build,
// so it tells whether a change added or removed work when times cannot. It compares builds on one
// machine, not tools: it counts no page faults and no cache misses, and it is no target of the
// issue. Opt-in (`--suites instructions`): each run takes 20-50 s under valgrind.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from './corpus.js';
import type { InstructionsResult, InstructionsRow } from './results.js';
import { median } from './stats.js';
import { TOOLS } from './tools.js';
import type { Vocabulary } from './vocabulary.js';

/** Valgrind's version, or undefined when it cannot be started. */
export function valgrindVersion(): string | undefined {
  const run = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** The instructions cachegrind counted, from its summary on stderr (`==123== I refs: 3,548,197,571`). */
export function instructionsOf(stderr: string): number {
  const match = /^==\d+== I\s+refs:\s+([\d,]+)\s*$/m.exec(stderr);
  if (!match) throw new Error(`No instruction count in valgrind's output:\n${stderr.slice(-2000)}`);
  return Number(match[1]!.replaceAll(',', ''));
}

export interface InstructionsInput {
  corpus: Corpus;
  vocabularies: Vocabulary[];
  runs: number;
  /** nuance's cache folders (`XDG_CACHE_HOME`), one per vocabulary, apart from the table's. */
  nuanceCache: string;
  log: (line: string) => void;
}

/** valgrind's options, before the command it runs. */
const VALGRIND = [
  '--tool=cachegrind',
  '--cache-sim=no',
  // V8 writes the code it compiles into memory it then runs.
  '--smc-check=all-non-file',
  '--cachegrind-out-file=/dev/null',
];

/** The median, least and most instructions of `runs` runs of `argv` under cachegrind, and its last stdout. */
function count(
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; okExit: readonly number[]; runs: number },
  log: (run: number) => void,
): { instructions: number; min: number; max: number; stdout: string } {
  const counts: number[] = [];
  let stdout = '';
  for (let run = 1; run <= options.runs; run++) {
    log(run);
    const done = spawnSync('valgrind', [...VALGRIND, ...argv], {
      cwd: options.cwd,
      env: options.env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (done.error) throw done.error;
    if (!options.okExit.includes(done.status ?? -1)) {
      throw new Error(
        `${argv.join(' ')} under valgrind exited with ${done.status}:\n${done.stderr.slice(-2000)}`,
      );
    }
    counts.push(instructionsOf(done.stderr));
    stdout = done.stdout;
  }
  return {
    instructions: Math.round(median(counts)),
    min: Math.min(...counts),
    max: Math.max(...counts),
    stdout,
  };
}

export function runInstructions(input: InstructionsInput): InstructionsResult {
  const valgrind = valgrindVersion();
  if (valgrind === undefined) {
    throw new Error('The instructions suite needs valgrind (apt-get install valgrind), which did not start');
  }
  const { runs, log } = input;
  const tool = TOOLS.find((t) => t.id === 'nuance-jobs-1')!;
  const rows: InstructionsRow[] = input.vocabularies.map((vocabulary) => {
    const { argv, cwd } = tool.command(input.corpus.dir, vocabulary);
    const [node, ...rest] = argv;
    // Its own cache folder: code cached under other V8 flags is refused and written again, so the
    // table's runs and these would undo each other's. (nuance makes its cache folder and that
    // folder's parent, no further up: the bench makes the rest.)
    const xdg = path.join(input.nuanceCache, vocabulary.id);
    mkdirSync(xdg, { recursive: true });
    const options = { cwd, env: { ...process.env, XDG_CACHE_HOME: xdg }, okExit: tool.okExit };
    const single = [node!, '--single-threaded', ...rest];
    // A first run fills the cache folder (the compiled pack, the code cache), as in the table.
    count(single, { ...options, runs: 1 }, () => log(`instructions, first run (${vocabulary.id})`));
    const counted = count(single, { ...options, runs }, (run) =>
      log(`instructions, run ${run}/${runs} (${vocabulary.id})`),
    );
    const { stdout, ...instructions } = counted;
    return { vocabulary: vocabulary.id, runs, ...instructions, findings: tool.read(stdout).findings };
  });
  // Node's own start, the part of every count that is not nuance's.
  const { stdout: _, ...node } = count(
    [process.execPath, '--single-threaded', '-e', '0'],
    { cwd: input.corpus.dir, env: process.env, okExit: [0], runs },
    (run) => log(`instructions, run ${run}/${runs} (node -e 0)`),
  );
  return { valgrind, rows, node: { runs, ...node } };
}

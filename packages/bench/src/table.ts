// The main table: every tool on the whole corpus, with every vocabulary it can take, run in rounds
// (one run of each case per round, so a change in the machine's load falls on all of them alike),
// each round in another order (roundOrder).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from './corpus.js';
import { type MeterName, measure } from './meter.js';
import type { Run, TableRow } from './results.js';
import { median } from './stats.js';
import { type Tool, takesVocabulary } from './tools.js';
import type { Vocabulary } from './vocabulary.js';

interface Case {
  tool: Tool;
  vocabulary: Vocabulary | undefined;
  runs: Run[];
  /** nuance's first run, with its cache folder empty: not one of the runs. */
  first?: Run;
}

export interface TableInput {
  corpus: Corpus;
  tools: readonly Tool[];
  vocabularies: readonly Vocabulary[];
  runs: number;
  meter: MeterName;
  /** Where each run's report goes (overwritten by the next run of the same case). */
  scratch: string;
  /**
   * Where nuance's cache folders (`XDG_CACHE_HOME`) go, one per nuance case: emptied before the
   * case's first run, which is timed apart (the packs compiled and the code cache written), and
   * kept for its rounds, so that they measure what every later run of the same setup costs. (One
   * folder for every case, emptied before each first run, left the earlier cases to compile their
   * packs again in the first round.)
   */
  nuanceCache: string;
  log: (line: string) => void;
}

function casesOf(tools: readonly Tool[], vocabularies: readonly Vocabulary[]): Case[] {
  return tools.flatMap((tool): Case[] =>
    tool.takes === 'none'
      ? [{ tool, vocabulary: undefined, runs: [] }]
      : vocabularies
          .filter((v) => takesVocabulary(tool, v))
          .map((vocabulary) => ({ tool, vocabulary, runs: [] })),
  );
}

/**
 * The order of the cases in round `round` (1-based): the first round in the given order, each
 * later one shuffled by a generator seeded with the round (so every run of the bench uses the same
 * orders). A case's place in a round, and the case run just before it, then change from round to
 * round: a run is not always the one after the same other tool (one that leaves the page cache or
 * the CPU's clock in another state), nor always first or last. (Turning the list each round, or
 * reversing it, kept each case's neighbours.)
 */
export function roundOrder<T>(cases: readonly T[], round: number): T[] {
  const out = [...cases];
  if (round <= 1) return out;
  let seed = Math.imul(round, 0x9e3779b9);
  // mulberry32
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').slice(-2000);
}

function nameOf(c: Case): string {
  return `${c.tool.id}.${c.vocabulary?.id ?? 'none'}`;
}

function cacheOf(input: TableInput, c: Case): string {
  return path.join(input.nuanceCache, nameOf(c));
}

async function runCase(input: TableInput, c: Case): Promise<Run> {
  const name = nameOf(c);
  const stdout = path.join(input.scratch, `${name}.out`);
  const stderr = path.join(input.scratch, `${name}.err`);
  const home = c.tool.takes === 'nuance' ? cacheOf(input, c) : undefined;
  const command = c.tool.command(input.corpus.dir, c.vocabulary, home);
  if (home !== undefined) command.env = { ...process.env, ...command.env, XDG_CACHE_HOME: home };
  const m = await measure(input.meter, { ...command, stdout, stderr });
  if (!c.tool.okExit.includes(m.exitCode)) {
    throw new Error(`${command.argv.join(' ')} exited with ${m.exitCode}:\n${tail(stderr)}`);
  }
  const output = c.tool.read(readFileSync(stdout, 'utf8'));
  return { wall: m.wall, cpu: m.cpu, maxRssMb: m.maxRssMb, ...output };
}

function rowOf(c: Case, bytes: number): TableRow {
  const wall = median(c.runs.map((r) => r.wall));
  const counts = c.runs.map((r) => r.findings);
  const agree = counts.every((n) => n === counts[0]);
  return {
    tool: c.tool.id,
    label: c.tool.label,
    vocabulary: c.vocabulary?.id,
    runs: c.runs,
    wall,
    cpu: median(c.runs.map((r) => r.cpu)),
    mbPerSecond: bytes / 1e6 / wall,
    maxRssMb: Math.max(...c.runs.map((r) => r.maxRssMb)),
    files: c.runs[0]?.files ?? 0,
    findings: agree ? (counts[0] ?? null) : null,
    ...(agree ? {} : { findingsPerRun: counts }),
    ...(c.first ? { first: c.first } : {}),
  };
}

export async function runTable(input: TableInput): Promise<TableRow[]> {
  mkdirSync(input.scratch, { recursive: true });
  const cases = casesOf(input.tools, input.vocabularies);
  for (const c of cases) {
    if (c.tool.takes !== 'nuance') continue;
    rmSync(cacheOf(input, c), { recursive: true, force: true });
    // nuance makes its cache folder and that folder's parent (`XDG_CACHE_HOME`), no further up: on
    // a machine that never ran the bench, a case's folder must be made here or nothing is cached.
    mkdirSync(cacheOf(input, c), { recursive: true });
    c.first = await runCase(input, c);
    input.log(
      `first run ${c.tool.id} (${c.vocabulary?.id}), cache empty: ` +
        `${c.first.wall.toFixed(2)} s wall, ${c.first.cpu.toFixed(2)} s CPU, ${c.first.maxRssMb.toFixed(0)} MB`,
    );
  }
  for (let round = 1; round <= input.runs; round++) {
    for (const c of roundOrder(cases, round)) {
      const run = await runCase(input, c);
      c.runs.push(run);
      const found = run.findings === null ? '' : `, ${run.findings} findings`;
      input.log(
        `run ${round}/${input.runs} ${c.tool.id} (${c.vocabulary?.id ?? 'no vocabulary'}): ` +
          `${run.wall.toFixed(2)} s wall, ${run.cpu.toFixed(2)} s CPU, ${run.maxRssMb.toFixed(0)} MB${found}`,
      );
    }
  }
  return cases.map((c) => rowOf(c, input.corpus.bytes));
}

// How many inputs a property test runs, and with which seed. A normal test run (and CI) uses the
// test's own count and a fixed seed, so every run checks the same inputs; `pnpm fuzz` (.ci/fuzz.mjs)
// sets NUANCE_FUZZ=long for the long counts and a fresh seed, and NUANCE_FUZZ_LOG to a file where
// each property writes how many inputs it ran, so the total printed is counted, not assumed.
import { appendFileSync } from 'node:fs';

const LONG = process.env.NUANCE_FUZZ === 'long';
const SEED = Number(process.env.NUANCE_FUZZ_SEED ?? 15);

/** fast-check parameters: the short count normally, the long one under `pnpm fuzz`. */
export function fuzzRuns(short: number, long: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: LONG ? long : short };
}

/** Counts the inputs a property ran (call once per input), written to NUANCE_FUZZ_LOG at `report`. */
export function fuzzCounter(name: string): { count: () => void; report: () => void } {
  let inputs = 0;
  return {
    count: () => {
      inputs++;
    },
    report: () => {
      const log = process.env.NUANCE_FUZZ_LOG;
      if (log) appendFileSync(log, `${JSON.stringify({ name, inputs })}\n`);
    },
  };
}

// `pnpm fuzz`: the property tests with their long counts and a fresh seed (or `--seed N` to
// replay one), then the number of inputs each property ran, read from what the tests wrote. The
// normal test run (and CI) runs the same properties with short counts and a fixed seed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const FILES = [
  'packages/unified/test/properties.test.ts',
  'packages/language-server/test/parity-property.test.ts',
  'packages/cli/test/properties.test.ts',
];

const { values } = parseArgs({ options: { seed: { type: 'string' } } });
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const dir = mkdtempSync(path.join(tmpdir(), 'nuance-fuzz-'));
const log = path.join(dir, 'inputs.jsonl');
console.log(`fuzz: seed ${seed} (replay with: pnpm fuzz --seed ${seed})`);
const run = spawnSync('npx', ['vitest', 'run', '--testTimeout=7200000', ...FILES], {
  stdio: 'inherit',
  env: { ...process.env, NUANCE_FUZZ: 'long', NUANCE_FUZZ_SEED: seed, NUANCE_FUZZ_LOG: log },
});
let total = 0;
try {
  for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const { name, inputs } = JSON.parse(line);
    total += inputs;
    console.log(`fuzz: ${String(inputs).padStart(7)} inputs  ${name}`);
  }
} catch {
  console.log('fuzz: no property reported its inputs');
}
rmSync(dir, { recursive: true, force: true });
console.log(`fuzz: ${total} inputs in all, seed ${seed}, ${run.status === 0 ? 'no failure' : 'FAILED'}`);
process.exit(run.status ?? 1);

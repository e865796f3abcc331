// A termbase as a user meets it: `nuance check` over one short draft with the termbase in
// `packs:`. The first run reads, compiles and caches it (a fresh cache folder); the runs after
// load it from the cache (config's RuleSetCache). A run with the built-in pack alone goes first,
// so that the bundle's own code cache is made and only the termbase is cold in the first run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chooseMeter, type Measurement, measure } from './meter.js';
import { cliBin } from './paths.js';
import { median } from './stats.js';

const DRAFT = '# 联合声明\n\n双方同意加强合作。The two sides agreed to deepen their cooperation.\n';
const CACHED_RUNS = 5;

const seconds = (s: number) => `${s.toFixed(2)} s`;
const mb = (m: number) => `${m.toFixed(0)} MB`;

export async function measureCommandLine(file: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nuance-termbase-cli-'));
  try {
    const meter = chooseMeter();
    writeFileSync(path.join(dir, 'draft.md'), DRAFT);
    writeFileSync(path.join(dir, 'builtin.yaml'), 'packs: [korea-china]\n');
    writeFileSync(path.join(dir, 'termbase.yaml'), `packs: [${JSON.stringify(file)}]\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') };
    delete env.NUANCE_NO_CACHE;
    const run = async (config: string): Promise<Measurement> => {
      const stderr = path.join(dir, 'stderr.txt');
      const argv = [
        process.execPath,
        cliBin,
        'check',
        'draft.md',
        '--config',
        config,
        '--allow-packs-outside',
      ];
      const result = await measure(meter, {
        argv,
        cwd: dir,
        env,
        stdout: path.join(dir, 'stdout.txt'),
        stderr,
      });
      // 0 or 1 (findings); 2 is a problem with the termbase or the config.
      if (result.exitCode > 1) {
        throw new Error(
          `nuance check with ${file} exited ${result.exitCode}:\n${readFileSync(stderr, 'utf8')}`,
        );
      }
      return result;
    };
    await run('builtin.yaml');
    const first = await run('termbase.yaml');
    const cached: Measurement[] = [];
    for (let i = 0; i < CACHED_RUNS; i++) cached.push(await run('termbase.yaml'));
    const wall = median(cached.map((m) => m.wall));
    const cpu = median(cached.map((m) => m.cpu));
    const rss = median(cached.map((m) => m.maxRssMb));
    return (
      `  nuance check of one short draft with it: first run ${seconds(first.wall)} wall, ${seconds(first.cpu)} CPU, ` +
      `${mb(first.maxRssMb)}; from the cache ${seconds(wall)} wall, ${seconds(cpu)} CPU, ${mb(rss)} (median of ${CACHED_RUNS})\n`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

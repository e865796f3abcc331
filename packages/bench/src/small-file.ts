// One small file: `nuance draft.md` against `node -e 0`, the cost of starting Node at all, run
// alternately many times (start-up times are short and noisy: medians). The draft has a
// `.nuancerc.yaml` beside it naming the built-in pack, as a user's project would. nuance runs with
// a cache folder of its own (`XDG_CACHE_HOME`), emptied, then filled by a first run that is not
// in the medians: until 4 December 2026 it used the user's, whose code cache was whatever the last
// run wrote (after a run over a folder it lacked the start's functions: 2.38x against 1.9-2.0x).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { draft } from './drafts.js';
import { type MeterName, measure } from './meter.js';
import { cliBin } from './paths.js';
import type { SmallFileResult, SmallFileRow } from './results.js';
import { median } from './stats.js';

const SIZE = 2_000;

export async function runSmallFile(cache: string, runs: number, meter: MeterName): Promise<SmallFileResult> {
  const dir = path.join(cache, 'small-file');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'draft.md');
  const text = draft(SIZE, false);
  writeFileSync(file, text);
  writeFileSync(path.join(dir, '.nuancerc.yaml'), 'packs: [korea-china]\n');
  const nuanceCache = path.join(cache, 'nuance-cache', 'small-file');
  rmSync(nuanceCache, { recursive: true, force: true });
  mkdirSync(nuanceCache, { recursive: true });
  const commands: { command: string; argv: string[]; okExit: number[]; env?: NodeJS.ProcessEnv }[] = [
    { command: 'node -e 0', argv: [process.execPath, '-e', '0'], okExit: [0] },
    // 1: the draft has an error finding, as a real one may.
    {
      command: 'nuance draft.md',
      argv: [process.execPath, cliBin, 'draft.md'],
      okExit: [0, 1],
      env: { ...process.env, XDG_CACHE_HOME: nuanceCache },
    },
  ];
  const run = async (c: (typeof commands)[number]) => {
    const stdout = path.join(dir, 'out.txt');
    const stderr = path.join(dir, 'err.txt');
    const m = await measure(meter, {
      argv: c.argv,
      cwd: dir,
      stdout,
      stderr,
      ...(c.env ? { env: c.env } : {}),
    });
    if (!c.okExit.includes(m.exitCode)) throw new Error(`${c.command} exited with ${m.exitCode}`);
    return m;
  };
  const first = await run(commands[1]!);
  const measured = commands.map(() => [] as { wall: number; cpu: number; maxRssMb: number }[]);
  for (let i = 0; i < runs; i++) {
    for (const [index, c] of commands.entries()) measured[index]!.push(await run(c));
  }
  const rows: SmallFileRow[] = commands.map((c, index) => {
    const ms = measured[index]!;
    return {
      command: c.command,
      runs,
      wallMs: median(ms.map((m) => m.wall * 1000)),
      cpuMs: median(ms.map((m) => m.cpu * 1000)),
      maxRssMb: median(ms.map((m) => m.maxRssMb)),
    };
  });
  return {
    file,
    bytes: Buffer.byteLength(text),
    rows,
    first: { wallMs: first.wall * 1000, cpuMs: first.cpu * 1000, maxRssMb: first.maxRssMb },
  };
}

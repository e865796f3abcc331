// One small file: `nuance draft.md` against `node -e 0`, the cost of starting Node at all, run
// alternately many times (start-up times are short and noisy: medians). The draft has a
// `.nuancerc.yaml` beside it naming the built-in pack, as a user's project would.
import { mkdirSync, writeFileSync } from 'node:fs';
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
  const commands = [
    { command: 'node -e 0', argv: [process.execPath, '-e', '0'], okExit: [0] },
    // 1: the draft has an error finding, as a real one may.
    { command: 'nuance draft.md', argv: [process.execPath, cliBin, 'draft.md'], okExit: [0, 1] },
  ];
  const measured = commands.map(() => [] as { wall: number; cpu: number; maxRssMb: number }[]);
  for (let i = 0; i < runs; i++) {
    for (const [index, c] of commands.entries()) {
      const stdout = path.join(dir, 'out.txt');
      const stderr = path.join(dir, 'err.txt');
      const m = await measure(meter, { argv: c.argv, cwd: dir, stdout, stderr });
      if (!c.okExit.includes(m.exitCode)) throw new Error(`${c.command} exited with ${m.exitCode}`);
      measured[index]!.push(m);
    }
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
  return { file, bytes: Buffer.byteLength(text), rows };
}

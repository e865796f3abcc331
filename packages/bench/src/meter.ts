// Wall time, CPU time and peak RSS of one child process. Node can time a child but cannot read
// its rusage (no wait4 binding, and `process.resourceUsage()` is the caller's own), so a meter
// process starts the command and reads the kernel's rusage for it alone when it ends:
// - `wait4`: a few lines of python3 (already needed to build the corpus): microsecond wall and
//   CPU times, peak RSS in KB, and the meter's own start-up outside the measured span;
// - `time`: GNU `/usr/bin/time -f`, the fallback when python3 is absent (10 ms resolution).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type MeterName = 'wait4' | 'time';

export interface Measurement {
  /** Seconds. */
  wall: number;
  /** User + system CPU seconds of the child (its threads included). */
  cpu: number;
  /** The child's peak resident set size, MB (10^6 bytes). */
  maxRssMb: number;
  exitCode: number;
}

export interface Command {
  argv: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Files that receive the child's stdout and stderr. */
  stdout: string;
  stderr: string;
}

const WAIT4 = `
import json, os, sys, time
out, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(out, 'w') as f:
    json.dump({'wall': wall, 'user': usage.ru_utime, 'sys': usage.ru_stime,
               'maxrss': usage.ru_maxrss, 'exit': os.waitstatus_to_exitcode(status)}, f)
`;

const GNU_TIME = '/usr/bin/time';

function hasWait4(): boolean {
  const probe = spawnSync('python3', ['-c', 'import os; os.wait4; os.posix_spawnp'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** The meter to use: the one asked for, else wait4 when python3 has it, else GNU time. */
export function chooseMeter(requested?: MeterName): MeterName {
  if (requested !== 'time' && hasWait4()) return 'wait4';
  if (requested !== 'wait4' && existsSync(GNU_TIME)) return 'time';
  throw new Error(
    requested === undefined
      ? `Neither python3 (with os.wait4) nor ${GNU_TIME} is available to measure CPU time and peak RSS`
      : `The \`${requested}\` meter is not available here`,
  );
}

function meterArgv(meter: MeterName, result: string, argv: string[]): string[] {
  return meter === 'wait4'
    ? ['python3', '-c', WAIT4, result, ...argv]
    : [GNU_TIME, '-o', result, '-f', '%e %U %S %M %x', ...argv];
}

function parseResult(meter: MeterName, text: string): Measurement {
  if (meter === 'wait4') {
    const r = JSON.parse(text) as { wall: number; user: number; sys: number; maxrss: number; exit: number };
    return { wall: r.wall, cpu: r.user + r.sys, maxRssMb: (r.maxrss * 1024) / 1e6, exitCode: r.exit };
  }
  // GNU time writes "Command exited with non-zero status N" before the format line.
  const last = text.trim().split('\n').at(-1) ?? '';
  const [wall, user, sys, maxrss, exit] = last.split(' ').map(Number);
  if ([wall, user, sys, maxrss, exit].some((n) => n === undefined || Number.isNaN(n))) {
    throw new Error(`Unexpected output from ${GNU_TIME}: ${text}`);
  }
  return { wall: wall!, cpu: user! + sys!, maxRssMb: (maxrss! * 1024) / 1e6, exitCode: exit! };
}

let counter = 0;

/** Runs the command once under the meter. Throws when the child cannot be started or measured. */
export async function measure(meter: MeterName, command: Command): Promise<Measurement> {
  const result = path.join(tmpdir(), `nuance-bench-${process.pid}-${counter++}.meter`);
  const stdout = openSync(command.stdout, 'w');
  const stderr = openSync(command.stderr, 'w');
  const [file, ...args] = meterArgv(meter, result, command.argv);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(file!, args, {
        cwd: command.cwd,
        env: command.env ?? process.env,
        stdio: ['ignore', stdout, stderr],
      });
      child.on('error', reject);
      child.on('close', () => resolve());
    });
  } finally {
    closeSync(stdout);
    closeSync(stderr);
  }
  if (!existsSync(result)) {
    throw new Error(`${command.argv.join(' ')} was not measured:\n${readFileSync(command.stderr, 'utf8')}`);
  }
  const text = readFileSync(result, 'utf8');
  rmSync(result);
  return parseResult(meter, text);
}

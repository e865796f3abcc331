// `pnpm bench:termbase [FILE...]`: how long a termbase takes to load as a pack (read, map to term
// rules, validate: @nuance/config's loadPack; then core's compilePacks). Without FILE: a synthetic
// TBX of 10,000 concepts (two English terms, one of them deprecated, and a Simplified, a
// Traditional and a Korean term each), and the CLDR termbase of ../shared/corpus when present.
// Each file is measured in fresh processes, so that the first run of each is cold (as `nuance
// check` pays it), not warmed by the file before: the median of COLD_PROCESSES first runs (one
// cold run on a shared 2-core machine varies by a fifth), then the median of the warm runs after.
// Then `nuance check` itself with the file in `packs:`, first and from its cache (termbase-cli.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack } from '@nuance/config';
import { compilePacks } from '@nuance/core';
import { median } from './stats.js';
import { measureCommandLine } from './termbase-cli.js';

const RUNS = 7;
const COLD_PROCESSES = 5;

/** What one process measured of one file (`--one`), as a JSON line. */
interface OneProcess {
  concepts: number;
  terms: number;
  firstWall: number;
  firstCpu: number;
  warmWall: number;
  warmCpu: number;
}

/**
 * `distinct: false` keeps the generator this bench first had, whose products lose precision in a
 * double: its 50,000 terms are 1,396 distinct ones (a small automaton), the figures reported so
 * far. `distinct: true` multiplies in 32 bits: 40,000 distinct terms, as a real termbase has.
 */
function synthetic(concepts: number, distinct: boolean): string {
  let seed = 1;
  const next = (n: number) => {
    if (!distinct) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    }
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return (seed >>> 8) % n;
  };
  const chars = (from: number, span: number, count: number) =>
    Array.from({ length: count }, () => String.fromCodePoint(from + next(span))).join('');
  const word = () => chars(0x61, 26, 4 + next(6));
  const tig = (term: string, status: string) =>
    `<tig><term>${term}</term><termNote type="administrativeStatus">${status}Term-admn-sts</termNote></tig>`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<martif type="TBX-Basic"><text><body>'];
  for (let i = 0; i < concepts; i++) {
    const zh = chars(0x4e00, 0x5000, 2 + next(3));
    out.push(
      `<termEntry id="c${i}"><descrip type="subjectField">synthetic</descrip>` +
        `<langSet xml:lang="en">${tig(`${word()} ${word()}`, 'preferred')}${tig(`${word()} ${word()}`, 'deprecated')}</langSet>` +
        `<langSet xml:lang="zh-Hans">${tig(zh, 'preferred')}</langSet>` +
        `<langSet xml:lang="zh-Hant">${tig(zh, 'preferred')}</langSet>` +
        `<langSet xml:lang="ko">${tig(chars(0xac00, 11172, 2 + next(3)), 'preferred')}</langSet></termEntry>`,
    );
  }
  out.push('</body></text></martif>', '');
  return out.join('\n');
}

async function measure(file: string): Promise<OneProcess> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const out: OneProcess = { concepts: 0, terms: 0, firstWall: 0, firstCpu: 0, warmWall: 0, warmCpu: 0 };
  for (let run = 0; run <= RUNS; run++) {
    const used = process.cpuUsage();
    const start = performance.now();
    const { pack, problems } = await loadPack(file, process.cwd());
    if (!pack) throw new Error(`${file}: ${problems[0]?.message ?? 'no pack'}`);
    compilePacks([pack]);
    const time = process.cpuUsage(used);
    const elapsed = performance.now() - start;
    if (run === 0) {
      const texts = pack.definition.rules.flatMap((r) =>
        r.kind === 'term' ? r.terms.map((t) => t.text) : [],
      );
      out.concepts = pack.definition.rules.length;
      out.terms = new Set(texts).size;
      out.firstWall = elapsed;
      out.firstCpu = (time.user + time.system) / 1000;
      continue;
    }
    wall.push(elapsed);
    cpu.push((time.user + time.system) / 1000);
  }
  out.warmWall = median(wall);
  out.warmCpu = median(cpu);
  return out;
}

/** COLD_PROCESSES fresh processes on `file`, summed up in one line. */
async function summary(file: string): Promise<string> {
  const runs: OneProcess[] = [];
  for (let i = 0; i < COLD_PROCESSES; i++) {
    const line = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    runs.push(JSON.parse(line) as OneProcess);
  }
  const first = runs.map((r) => r.firstWall);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const one = runs[0] as OneProcess;
  const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
  return (
    `${path.basename(file)}: ${one.concepts.toLocaleString('en')} concepts (${one.terms.toLocaleString('en')} distinct terms), ` +
    `load + compile first (cold) median ${ms(median(first))} wall (${ms(Math.min(...first))}-${ms(Math.max(...first))} over ${COLD_PROCESSES} fresh processes), ` +
    `${ms(median(runs.map((r) => r.firstCpu)))} CPU; warm median ${ms(median(runs.map((r) => r.warmWall)))} wall, ` +
    `${ms(median(runs.map((r) => r.warmCpu)))} CPU (${RUNS} runs after each first; load average ${load})\n`
  );
}

const args = process.argv.slice(2);
if (args[0] === '--one' && args[1] !== undefined) {
  process.stdout.write(`${JSON.stringify(await measure(args[1]))}\n`);
} else {
  const files = args.map((file) => path.resolve(file));
  let dir: string | undefined;
  if (files.length === 0) {
    dir = mkdtempSync(path.join(tmpdir(), 'nuance-termbase-'));
    for (const distinct of [false, true]) {
      const file = path.join(dir, distinct ? 'distinct-10000.tbx' : 'synthetic-10000.tbx');
      writeFileSync(file, synthetic(10_000, distinct));
      files.push(file);
    }
    const here = path.dirname(fileURLToPath(import.meta.url));
    const cldr = path.join(
      here,
      '..',
      '..',
      '..',
      '..',
      'shared',
      'corpus',
      'termbase',
      'cldr_names_en_zh_ko.tbx',
    );
    if (existsSync(cldr)) files.push(cldr, cldr.replace(/\.tbx$/, '.tsv'));
  }
  try {
    for (const file of files) {
      process.stdout.write(await summary(file));
      process.stdout.write(await measureCommandLine(file));
    }
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}

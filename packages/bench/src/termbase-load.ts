// `pnpm bench:termbase [FILE...]`: how long a termbase takes to load as a pack (read, map to term
// rules, validate: @nuance/config's loadPack; then core's compilePacks). Without FILE: a synthetic
// TBX of 10,000 concepts (two English terms, one of them deprecated, and a Simplified, a
// Traditional and a Korean term each), and the CLDR termbase of ../shared/corpus when present.
// Each file is measured in a process of its own, so that its first run is cold (as `nuance check`
// pays it), not warmed by the file before; then the median wall and CPU time of the runs after.
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

async function measure(file: string): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let rules = 0;
  let terms = 0;
  let first = '';
  for (let run = 0; run <= RUNS; run++) {
    const used = process.cpuUsage();
    const start = performance.now();
    const { pack, problems } = await loadPack(file, process.cwd());
    if (!pack) throw new Error(`${file}: ${problems[0]?.message ?? 'no pack'}`);
    compilePacks([pack]);
    const time = process.cpuUsage(used);
    const elapsed = performance.now() - start;
    rules = pack.definition.rules.length;
    if (run === 0) {
      const texts = pack.definition.rules.flatMap((r) =>
        r.kind === 'term' ? r.terms.map((t) => t.text) : [],
      );
      terms = new Set(texts).size;
      first = `first ${elapsed.toFixed(0)} ms wall, ${((time.user + time.system) / 1000).toFixed(0)} ms CPU`;
      continue;
    }
    wall.push(elapsed);
    cpu.push((time.user + time.system) / 1000);
  }
  const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
  process.stdout.write(
    `${path.basename(file)}: ${rules.toLocaleString('en')} concepts (${terms.toLocaleString('en')} distinct terms), load + compile ${first}; median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (${RUNS} warm runs; load average ${load})\n`,
  );
}

const args = process.argv.slice(2);
if (args[0] === '--one' && args[1] !== undefined) {
  await measure(args[1]);
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
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', file], { stdio: 'inherit' });
      process.stdout.write(await measureCommandLine(file));
    }
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}

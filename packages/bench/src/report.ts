// The Markdown report of one run: the environment (load included: the machine may be shared),
// then one table per suite, then the targets.
import type { BenchResults, TableRow } from './results.js';

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const fixed = (n: number, digits: number): string => n.toFixed(digits);
// grep takes milliseconds where the others take seconds: keep its digits.
const seconds = (n: number): string => n.toFixed(n < 0.1 ? 3 : 2);
const plural = (n: unknown, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const count = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : n.toLocaleString('en');

function findingsCell(r: TableRow): string {
  if (r.findingsPerRun) return `varies: ${r.findingsPerRun.map(count).join(', ')}`;
  return r.tool === 'remark-parse' ? '— (no checks)' : count(r.findings);
}

function sideBySide(results: BenchResults, table: readonly TableRow[]): string {
  const remark = table.find((r) => r.tool === 'remark-parse')?.wall;
  const rows = table.map((r) => [
    r.label,
    r.vocabulary ?? '—',
    seconds(r.wall),
    seconds(r.cpu),
    fixed(r.mbPerSecond, 2),
    fixed(r.maxRssMb, 0),
    count(r.files),
    findingsCell(r),
    remark === undefined ? '—' : `${fixed(r.wall / remark, 2)}x`,
    r.first ? `${seconds(r.first.wall)} s, ${fixed(r.first.maxRssMb, 0)} MB` : '—',
  ]);
  return [
    `### Side by side (median of ${plural(results.options.runs, 'run', 'runs')})`,
    '',
    markdownTable(
      [
        'tool',
        'vocabulary',
        'wall s',
        'CPU s',
        'MB/s',
        'peak RSS MB',
        'files',
        'findings',
        'wall / remark-parse',
        'first run, empty cache',
      ],
      rows,
    ),
    '',
    'nuance keeps compiled packs and V8 code in its cache folder: each nuance row ran once first with',
    'that folder empty (last column; not in the medians), so the runs measure a setup used again.',
  ].join('\n');
}

function header(results: BenchResults): string {
  const e = results.environment;
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(' ');
  const lines = [
    `## nuance bench, ${e.date}`,
    '',
    `Commit ${e.commit ?? 'unknown'}, Node ${e.node}, ${e.cores} x ${e.cpu}, meter ${e.meter}.`,
    `Load average (1, 5, 15 min): ${load(e.loadBefore)} before, ${load(e.loadAfter)} after.`,
  ];
  const c = results.corpus;
  if (c) lines.push(`Corpus: ${c.files} files, ${fixed(c.bytes / 1e6, 2)} MB (${c.dir}).`);
  lines.push(`Vocabularies: ${results.vocabularies.map((v) => v.label).join(', ')}.`);
  return lines.join('\n');
}

function sections(results: BenchResults): string[] {
  const out: string[] = [];
  if (results.table) out.push(sideBySide(results, results.table));
  if (results.engine) {
    const rows = results.engine.map((e) => [
      e.vocabulary,
      count(e.rules),
      fixed(e.compileMs, 0),
      fixed(e.wallMs, 0),
      fixed(e.mbPerSecond, 1),
      count(e.findings),
      fixed(e.rssMb, 0),
    ]);
    out.push(
      `### Engine alone (lintSegments on pre-split plain-text segments, median of ${plural(results.options.runs, 'pass', 'passes')})\n\n` +
        markdownTable(['vocabulary', 'rules', 'compile ms', 'pass ms', 'MB/s', 'findings', 'RSS MB'], rows),
    );
  }
  if (results.onePath) {
    const rows = results.onePath.map((p) => [
      p.vocabulary,
      count(p.files),
      count(p.findings),
      p.differing === 0 ? '0' : `${count(p.differing)}: ${p.examples.join(', ')}`,
      seconds(p.fastMs / 1000),
      seconds(p.fullMs / 1000),
    ]);
    out.push(
      '### One path (every corpus file by the fast path and by a full parse, findings compared key for key)\n\n' +
        markdownTable(
          ['vocabulary', 'files', 'findings', 'files that differ', 'fast path s', 'full parse s'],
          rows,
        ),
    );
  }
  if (results.smallFile) {
    const base = results.smallFile.rows.find((r) => r.command.startsWith('node'))?.wallMs;
    const rows = results.smallFile.rows.map((r) => [
      r.command,
      String(r.runs),
      fixed(r.wallMs, 0),
      fixed(r.cpuMs, 0),
      fixed(r.maxRssMb, 0),
      base === undefined ? '—' : `${fixed(r.wallMs / base, 2)}x`,
    ]);
    out.push(
      `### One small file (${results.smallFile.bytes} bytes, medians)\n\n` +
        markdownTable(['command', 'runs', 'wall ms', 'CPU ms', 'peak RSS MB', 'wall / node -e 0'], rows) +
        `\n\nnuance ran once first with its cache folder empty (not in the medians): ` +
        `${fixed(results.smallFile.first.wallMs, 0)} ms wall, ${fixed(results.smallFile.first.cpuMs, 0)} ms CPU.`,
    );
  }
  if (results.server) {
    const rows = results.server.map((s) => [
      s.unchanged === undefined ? s.mode : `${s.mode} (${s.unchanged} of ${s.rounds} unchanged)`,
      s.draft,
      count(s.diagnostics),
      String(s.rounds),
      fixed(s.p50, 1),
      fixed(s.p95, 1),
      fixed(s.max, 1),
      s.cpuPerEdit === null ? '—' : fixed(s.cpuPerEdit, 1),
      s.messageKb === undefined ? '—' : count(Math.round(s.messageKb)),
      s.clientParseMs === undefined ? '—' : fixed(s.clientParseMs, 1),
    ]);
    out.push(
      '### Language server (didChange to diagnostics, debounce 0)\n\n' +
        markdownTable(
          [
            'mode',
            'draft',
            'diagnostics',
            'edits',
            'p50 ms',
            'p95 ms',
            'max ms',
            'CPU ms/edit',
            'last message KB',
            'client parse ms',
          ],
          rows,
        ),
    );
  }
  if (results.serverStart) {
    const { runs, initializeMs, firstDiagnosticsMs } = results.serverStart;
    out.push(
      `### Language server start-up (from spawning it, medians of ${runs})\n\n` +
        markdownTable(
          ['runs', 'initialize ms', 'first diagnostics ms'],
          [[String(runs), fixed(initializeMs, 0), fixed(firstDiagnosticsMs, 0)]],
        ),
    );
  }
  if (results.termbaseSave) {
    const { terms, runs, keystrokeMs, keystrokeMaxMs, newFindingsMs } = results.termbaseSave;
    out.push(
      `### Language server, the termbase saved while its draft is open (${terms.toLocaleString('en-US')} terms, medians of ${runs})\n\n` +
        'A rule added to the pack on disk, `didChangeWatchedFiles`, then a keystroke at once: the ' +
        "keystroke's diagnostics (linted with the termbase as it was while the pack compiles on a " +
        "worker thread), and the diagnostics with the new rule's finding.\n\n" +
        markdownTable(
          ['runs', 'keystroke ms', 'keystroke max ms', 'new finding ms'],
          [[String(runs), fixed(keystrokeMs, 1), fixed(keystrokeMaxMs, 1), fixed(newFindingsMs, 0)]],
        ),
    );
  }
  if (results.instructions) {
    const { node } = results.instructions;
    const spread = (r: { runs: number; min: number; max: number; instructions: number }) =>
      r.runs > 1 ? `${fixed(((r.max - r.min) / r.instructions) * 100, 2)} %` : '—';
    const rows = results.instructions.rows.map((r) => [
      r.vocabulary,
      String(r.runs),
      count(r.instructions),
      spread(r),
      r.findings === null ? '—' : count(r.findings),
    ]);
    rows.push([
      "`node -e 0` (Node's start, in every row)",
      String(node.runs),
      count(node.instructions),
      spread(node),
      '—',
    ]);
    out.push(
      `### Instructions (nuance \`--jobs 1\` under cachegrind, V8 single-threaded; ${results.instructions.valgrind})\n\n` +
        markdownTable(
          ['vocabulary', 'runs', 'instructions (median)', 'spread (max - min)', 'findings'],
          rows,
        ),
    );
  }
  const targets = results.targets.map((t) => [
    t.target,
    t.measured,
    t.met === undefined ? '—' : t.met ? 'met' : 'missed',
  ]);
  out.push(`### Targets (issue 11)\n\n${markdownTable(['target', 'measured', 'met'], targets)}`);
  return out;
}

export function markdownReport(results: BenchResults): string {
  return `${[header(results), ...sections(results)].join('\n\n')}\n`;
}

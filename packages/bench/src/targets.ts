// Issue 11's targets, checked against one run. A target whose inputs this run did not measure
// (a tool, vocabulary or suite left out) says so instead of passing or failing.
import type { BenchResults, TableRow, Target } from './results.js';

type Measured = Pick<BenchResults, 'table' | 'engine' | 'smallFile' | 'server'>;

const x = (ratio: number): string => `${ratio.toFixed(2)}x`;

function row(
  table: readonly TableRow[] | undefined,
  tool: string,
  vocabulary?: string,
): TableRow | undefined {
  return table?.find((r) => r.tool === tool && r.vocabulary === vocabulary);
}

function ratioTarget(
  target: string,
  num: number | undefined,
  den: number | undefined,
  ok: (r: number) => boolean,
) {
  if (num === undefined || den === undefined) return { target, measured: 'not measured', met: undefined };
  const ratio = num / den;
  return { target, measured: x(ratio), met: ok(ratio) };
}

function termVocabularies(table: readonly TableRow[] | undefined): string[] {
  const ids = new Set(
    (table ?? []).map((r) => r.vocabulary).filter((v) => v?.endsWith('-terms')) as string[],
  );
  return [...ids].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
}

function parseTargets(table: readonly TableRow[] | undefined, small: string, large: string): Target[] {
  const remark = row(table, 'remark-parse')?.wall;
  const out: Target[] = [];
  for (const vocabulary of [small, 'korea-china']) {
    out.push(
      ratioTarget(
        `${vocabulary}: nuance default wall <= 0.2x remark-parse`,
        row(table, 'nuance', vocabulary)?.wall,
        remark,
        (r) => r <= 0.2,
      ),
      ratioTarget(
        `${vocabulary}: nuance --jobs 1 wall <= 0.3x remark-parse`,
        row(table, 'nuance-jobs-1', vocabulary)?.wall,
        remark,
        (r) => r <= 0.3,
      ),
    );
  }
  for (const tool of ['nuance', 'nuance-jobs-1']) {
    const big = row(table, tool, large);
    out.push(
      ratioTarget(
        `${large}: ${tool} wall <= 1.5x its ${small} wall`,
        big?.wall,
        row(table, tool, small)?.wall,
        (r) => r <= 1.5,
      ),
      big
        ? {
            target: `${large}: ${tool} peak RSS < 300 MB`,
            measured: `${big.maxRssMb.toFixed(0)} MB`,
            met: big.maxRssMb < 300,
          }
        : { target: `${large}: ${tool} peak RSS < 300 MB`, measured: 'not measured', met: undefined },
      ratioTarget(
        `${large}: textlint + prh wall >= 50x ${tool}'s`,
        row(table, 'textlint-prh', large)?.wall,
        big?.wall,
        (r) => r >= 50,
      ),
    );
  }
  for (const vocabulary of termVocabularies(table).concat('korea-china')) {
    const a = row(table, 'nuance', vocabulary);
    const b = row(table, 'nuance-jobs-1', vocabulary);
    out.push({
      target: `${vocabulary}: the same findings with and without --jobs 1`,
      measured: a && b ? `${a.findings ?? 'varying'} and ${b.findings ?? 'varying'}` : 'not measured',
      met: a && b ? a.findings !== null && a.findings === b.findings : undefined,
    });
  }
  return out;
}

function serverTarget(results: Measured, dense: boolean, budget: number): Target {
  const target = `server over stdio, ${dense ? 'dense' : 'typical'} 100 K draft: p95 <= ${budget} ms`;
  const r = results.server?.find((s) => s.mode === 'stdio' && s.dense === dense && s.chars >= 100_000);
  return r
    ? { target, measured: `${r.p95.toFixed(1)} ms`, met: r.p95 <= budget }
    : { target, measured: 'not measured', met: undefined };
}

export function checkTargets(results: Measured): Target[] {
  const terms = termVocabularies(results.table);
  const small = terms[0] ?? '24-terms';
  const large = terms.length > 1 ? terms[terms.length - 1]! : '10000-terms';
  const engine = results.engine?.find((e) => e.vocabulary === large);
  const grep = row(results.table, 'grep', large);
  const smallRows = results.smallFile?.rows;
  return [
    ...parseTargets(results.table, small, large),
    ratioTarget(
      `${large}: engine alone >= 1/3 of grep -F's MB/s`,
      engine?.mbPerSecond,
      grep?.mbPerSecond,
      (r) => r >= 1 / 3,
    ),
    ratioTarget(
      'one small file: nuance wall <= 2.5x node -e 0',
      smallRows?.find((r) => r.command.startsWith('nuance'))?.wallMs,
      smallRows?.find((r) => r.command.startsWith('node'))?.wallMs,
      (r) => r <= 2.5,
    ),
    serverTarget(results, false, 8),
    serverTarget(results, true, 20),
  ];
}

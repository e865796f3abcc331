// Issue 11's targets, checked against one run. A target whose inputs this run did not measure
// (a tool, vocabulary or suite left out) says so instead of passing or failing, and so does a
// timing target measured on other terms than the issue sets (`TargetScope`): `--quick`'s 1 MB
// corpus, one run and 10 edits are a smoke test, where start-up outweighs the corpus.
import type { BenchResults, SmallFileRow, TableRow, Target } from './results.js';

type Measured = Pick<BenchResults, 'table' | 'engine' | 'onePath' | 'smallFile' | 'server'>;

/** What a run measured with: the corpus's size, the runs of each tool, the edits per draft. */
export interface TargetScope {
  sizeMb: number;
  runs: number;
  serverRounds: number;
}

/**
 * The terms the issue's timing targets are set for: ratios "from one `pnpm bench` run on the 10 MB
 * corpus", "at least 3 runs each"; and a p95 of the bench's 100 edits (of 10 it is their largest).
 */
export const ISSUE_SCOPE: TargetScope = { sizeMb: 10, runs: 3, serverRounds: 100 };

/** `target` with its verdict left out, and why, when `why` is given. */
function noVerdict(target: Target, why: string | undefined): Target {
  if (why === undefined || target.met === undefined) return target;
  return { target: target.target, measured: `${target.measured}; ${why}`, met: undefined };
}

/** Why the corpus's timing targets get no verdict in a run of `scope`, if they do not. */
function corpusOutOfScope(scope: TargetScope | undefined): string | undefined {
  if (!scope || (scope.sizeMb === ISSUE_SCOPE.sizeMb && scope.runs >= ISSUE_SCOPE.runs)) return undefined;
  const runs = `${scope.runs} run${scope.runs === 1 ? '' : 's'}`;
  return `no verdict: set for the ${ISSUE_SCOPE.sizeMb} MB corpus and ${ISSUE_SCOPE.runs} runs or more, measured on ${scope.sizeMb} MB and ${runs}`;
}

/** Why the server's p95 targets get no verdict in a run of `scope`, if they do not. */
function serverOutOfScope(scope: TargetScope | undefined): string | undefined {
  if (!scope || scope.serverRounds >= ISSUE_SCOPE.serverRounds) return undefined;
  return `no verdict: set for ${ISSUE_SCOPE.serverRounds} edits or more, measured over ${scope.serverRounds}`;
}

/**
 * `value` with `digits` decimals, or more (up to `digits` + 4) when rounding would move it to the
 * other side of the target `ok` tests: korea-china's 0.2004 of remark-parse's time, missed, read
 * "0.20x" against "at most 0.2x".
 */
export function verdictDigits(value: number, digits: number, ok?: (v: number) => boolean): string {
  let shown = value.toFixed(digits);
  for (let more = digits + 1; ok && more <= digits + 4 && ok(Number(shown)) !== ok(value); more++) {
    shown = value.toFixed(more);
  }
  return shown;
}

const x = (ratio: number, ok?: (r: number) => boolean): string => `${verdictDigits(ratio, 2, ok)}x`;

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
  return { target, measured: x(ratio, ok), met: ok(ratio) };
}

function termVocabularies(table: readonly TableRow[] | undefined): string[] {
  const ids = new Set(
    (table ?? []).map((r) => r.vocabulary).filter((v) => v?.endsWith('-terms')) as string[],
  );
  return [...ids].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
}

/**
 * Each run of `a` over the median of `b`, as the range of those ratios and how many of them meet
 * the target: a verdict on the medians that a few runs would turn (korea-china's default run read
 * 0.19x at one hour and 0.21x at the next) shows as such. Empty with fewer than two runs.
 */
export function runSpread(a: TableRow, b: TableRow, ok: (r: number) => boolean): string {
  if (a.runs.length < 2 || b.wall <= 0) return '';
  const ratios = a.runs.map((run) => run.wall / b.wall);
  const low = Math.min(...ratios);
  const high = Math.max(...ratios);
  const met = ratios.filter(ok).length;
  return `; runs ${low.toFixed(2)}-${high.toFixed(2)}x, ${met} of ${ratios.length} met`;
}

/**
 * A wall-time ratio between two rows of the side-by-side table (their medians), with the CPU-time
 * ratio beside it (on a loaded machine wall times stretch and CPU times much less, so the second
 * tells how much of a miss is load) and the spread of `a`'s runs (`runSpread`).
 */
function rowRatio(
  target: string,
  a: TableRow | undefined,
  b: TableRow | undefined,
  ok: (r: number) => boolean,
): Target {
  if (!a || !b) return { target, measured: 'not measured', met: undefined };
  const ratio = a.wall / b.wall;
  return {
    target,
    measured: `${x(ratio, ok)} (CPU ${x(a.cpu / b.cpu)}${runSpread(a, b, ok)})`,
    met: ok(ratio),
  };
}

/**
 * The highest peak RSS of a row's runs and of its first run with an empty cache (its packs
 * compiled): a CI runner without a cache folder makes every run a first run.
 */
function rssTarget(target: string, r: TableRow | undefined): Target {
  if (!r) return { target, measured: 'not measured', met: undefined };
  const first = r.first?.maxRssMb;
  const highest = Math.max(r.maxRssMb, first ?? 0);
  const ok = (mb: number) => mb < 300;
  const mb = (value: number) => `${verdictDigits(value, 0, ok)} MB`;
  return {
    target,
    measured: `${mb(r.maxRssMb)}${first === undefined ? '' : ` (first run ${mb(first)})`}`,
    met: ok(highest),
  };
}

function parseTargets(
  table: readonly TableRow[] | undefined,
  small: string,
  large: string,
  why: string | undefined,
): Target[] {
  const remark = row(table, 'remark-parse');
  const out: Target[] = [];
  const timed: Target[] = [];
  for (const vocabulary of [small, 'korea-china']) {
    timed.push(
      rowRatio(
        `${vocabulary}: nuance default wall <= 0.2x remark-parse`,
        row(table, 'nuance', vocabulary),
        remark,
        (r) => r <= 0.2,
      ),
      rowRatio(
        `${vocabulary}: nuance --jobs 1 wall <= 0.3x remark-parse`,
        row(table, 'nuance-jobs-1', vocabulary),
        remark,
        (r) => r <= 0.3,
      ),
    );
  }
  for (const tool of ['nuance', 'nuance-jobs-1']) {
    const big = row(table, tool, large);
    timed.push(
      rowRatio(
        `${large}: ${tool} wall <= 1.5x its ${small} wall`,
        big,
        row(table, tool, small),
        (r) => r <= 1.5,
      ),
      rssTarget(`${large}: ${tool} peak RSS < 300 MB, first run with an empty cache included`, big),
      rowRatio(
        `${large}: textlint + prh wall >= 50x ${tool}'s`,
        row(table, 'textlint-prh', large),
        big,
        (r) => r >= 50,
      ),
    );
  }
  out.push(...timed.map((t) => noVerdict(t, why)));
  for (const vocabulary of termVocabularies(table).concat('korea-china')) {
    const a = row(table, 'nuance', vocabulary);
    const shown = (r: TableRow) => r.findings?.toLocaleString('en') ?? 'varying';
    for (const [other, how] of [
      ['nuance-jobs-1', 'with and without --jobs 1'],
      ['nuance-cache', 'with and without --cache'],
    ] as const) {
      const b = row(table, other, vocabulary);
      out.push({
        target: `${vocabulary}: the same findings ${how}`,
        measured: a && b ? `${shown(a)} and ${shown(b)}` : 'not measured',
        met: a && b ? a.findings !== null && a.findings === b.findings : undefined,
      });
    }
  }
  return out;
}

function serverTarget(results: Measured, dense: boolean, budget: number): Target {
  const target = `server over stdio, ${dense ? 'dense' : 'typical'} 100 K draft: p95 <= ${budget} ms`;
  // The built-in pack's untitled drafts (not those checked with terms of their own, a release
  // set's, or the saved one, each a row of its own).
  const r = results.server?.find(
    (s) =>
      s.mode === 'stdio' &&
      s.dense === dense &&
      s.chars >= 100_000 &&
      s.terms === undefined &&
      !s.releaseSet &&
      s.savedDepth === undefined,
  );
  const ok = (ms: number) => ms <= budget;
  return r
    ? { target, measured: `${verdictDigits(r.p95, 1, ok)} ms`, met: ok(r.p95) }
    : { target, measured: 'not measured', met: undefined };
}

/** Issue 11's "one path, proven": the whole corpus in the bench, per vocabulary. */
function onePathTargets(results: Measured): Target[] {
  return (results.onePath ?? []).map((p) => ({
    target: `${p.vocabulary}: the fast path gives a full parse's findings on every corpus file`,
    measured: `${p.differing.toLocaleString('en')} of ${p.files.toLocaleString('en')} files differ`,
    met: p.differing === 0,
  }));
}

function smallFileTarget(rows: SmallFileRow[] | undefined): Target {
  const target = 'one small file: nuance wall <= 2.5x node -e 0';
  const nuance = rows?.find((r) => r.command.startsWith('nuance'));
  const node = rows?.find((r) => r.command.startsWith('node'));
  if (!nuance || !node) return { target, measured: 'not measured', met: undefined };
  const ratio = nuance.wallMs / node.wallMs;
  const ok = (r: number) => r <= 2.5;
  return { target, measured: `${x(ratio, ok)} (CPU ${x(nuance.cpuMs / node.cpuMs)})`, met: ok(ratio) };
}

/**
 * Every target's verdict on `results`. With `scope` (what the run measured with), the timing
 * targets of a run on other terms than the issue's (ISSUE_SCOPE) are shown without a verdict; the
 * findings' targets (the same findings whatever the options, one path) hold at any size.
 */
export function checkTargets(results: Measured, scope?: TargetScope): Target[] {
  const terms = termVocabularies(results.table);
  const small = terms[0] ?? '24-terms';
  const large = terms.length > 1 ? terms[terms.length - 1]! : '10000-terms';
  const engine = results.engine?.find((e) => e.vocabulary === large);
  const grep = row(results.table, 'grep', large);
  const corpusWhy = corpusOutOfScope(scope);
  const serverWhy = serverOutOfScope(scope);
  return [
    ...parseTargets(results.table, small, large, corpusWhy),
    noVerdict(
      ratioTarget(
        `${large}: engine alone >= 1/3 of grep -F's MB/s`,
        engine?.mbPerSecond,
        grep?.mbPerSecond,
        (r) => r >= 1 / 3,
      ),
      corpusWhy,
    ),
    ...onePathTargets(results),
    smallFileTarget(results.smallFile?.rows),
    noVerdict(serverTarget(results, false, 8), serverWhy),
    noVerdict(serverTarget(results, true, 20), serverWhy),
  ];
}

// One bench run: build or reuse the inputs, run the suites asked for, check the targets.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Corpus, ensureCorpus } from './corpus.js';
import { runEngine } from './engine.js';
import { runInstructions } from './instructions.js';
import { chooseMeter } from './meter.js';
import { runOnePath } from './one-path.js';
import type { BenchOptions } from './options.js';
import { cliBin, repoRoot, script, serverBin } from './paths.js';
import type { BenchResults, Environment } from './results.js';
import { termbaseDrafts, termbaseSaves } from './server-termbase.js';
import { runSmallFile } from './small-file.js';
import { runTable } from './table.js';
import { checkTargets } from './targets.js';
import { TOOLS } from './tools.js';
import { ensureVocabulary } from './vocabulary.js';

function commit(): string | undefined {
  try {
    const head = execFileSync('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    });
    return dirty.trim() === '' ? head : `${head} (with uncommitted changes)`;
  } catch {
    return undefined;
  }
}

function environment(meter: string): Environment {
  return {
    date: new Date().toISOString(),
    commit: commit(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.availableParallelism(),
    loadBefore: os.loadavg(),
    loadAfter: [],
    meter,
  };
}

/** The built files the suites start: the bench times what `pnpm build` made, so it must be there. */
function checkBuilt(options: BenchOptions): void {
  const needed = [
    cliBin,
    script('peers/remark-parse.js'),
    script('engine-run.js'),
    script('one-path-run.js'),
  ];
  if (options.suites.includes('server')) needed.push(serverBin);
  const missing = needed.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Not built: ${missing.map((f) => path.relative(repoRoot, f)).join(', ')}; run \`pnpm -s build\``,
    );
  }
}

export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<BenchResults> {
  checkBuilt(options);
  const meterName = options.suites.some((s) => s === 'table' || s === 'small-file')
    ? chooseMeter(options.meter)
    : 'wait4';
  const results: BenchResults = {
    environment: environment(meterName),
    options: { ...options },
    vocabularies: [],
    targets: [],
  };
  let corpus: Corpus | undefined;
  if (
    options.suites.some((s) => s === 'table' || s === 'engine' || s === 'one-path' || s === 'instructions')
  ) {
    log(`corpus: ${options.sizeMb} MB in ${options.cache}`);
    corpus = ensureCorpus(options.shared, options.cache, options.sizeMb);
    results.corpus = {
      dir: corpus.dir,
      sizeMb: options.sizeMb,
      files: corpus.files.length,
      bytes: corpus.bytes,
    };
  }
  const vocabularies = options.vocabularies.map((spec) =>
    ensureVocabulary(spec, options.shared, options.cache),
  );
  results.vocabularies = vocabularies.map((v) => ({
    id: v.id,
    label: v.label,
    ...(v.terms ? { terms: v.terms.count } : {}),
  }));
  if (corpus && options.suites.includes('table')) {
    const tools = TOOLS.filter((t) => options.tools.includes(t.id));
    const scratch = path.join(options.cache, 'runs');
    results.table = await runTable({
      corpus,
      tools,
      vocabularies,
      runs: options.runs,
      meter: meterName,
      scratch,
      nuanceCache: path.join(options.cache, 'nuance-cache'),
      log,
    });
  }
  if (corpus && options.suites.includes('engine')) {
    log('engine alone');
    results.engine = runEngine(corpus, vocabularies, options.runs);
  }
  if (corpus && options.suites.includes('one-path')) {
    log('one path: the fast path against a full parse, every file');
    results.onePath = runOnePath(corpus, vocabularies);
  }
  if (options.suites.includes('small-file')) {
    log(`one small file, ${options.smallFileRuns} runs`);
    results.smallFile = await runSmallFile(options.cache, options.smallFileRuns, meterName);
  }
  if (options.suites.includes('server')) {
    log(`language server, ${options.serverRounds} edits per draft`);
    // Loaded only here: the in-process server brings the whole linter into this process.
    const { runServer, serverStartUp } = await import('./server.js');
    // Before runServer: the in-process server it ends with exits this process when its input
    // stream ends (vscode-languageserver's connection does), which once ended a start-up run
    // measured after it, with no report written; main.ts writes the report first.
    results.serverStart = await serverStartUp(options.serverRounds);
    // A draft checked with 24 terms and with a termbase, where ../shared/corpus is there to make one from.
    const termbase = termbaseDrafts(options.shared, options.cache, options.sizeMb);
    if (termbase.length === 0) log('language server: no termbase drafts (../shared/corpus is absent)');
    // Before runServer too (see above).
    const largest = termbase.at(-1);
    if (largest) {
      log(
        `language server: the ${largest.terms.toLocaleString('en-US')}-term termbase saved while its draft is open`,
      );
      results.termbaseSave = await termbaseSaves(largest, options.serverRounds);
    }
    results.server = await runServer(options.serverRounds, termbase);
  }
  if (corpus && options.suites.includes('instructions')) {
    results.instructions = runInstructions({
      corpus,
      vocabularies,
      runs: options.runs,
      nuanceCache: path.join(options.cache, 'nuance-cache-instructions'),
      log,
    });
  }
  results.environment.loadAfter = os.loadavg();
  results.targets = checkTargets(results, {
    sizeMb: options.sizeMb,
    runs: options.runs,
    serverRounds: options.serverRounds,
  });
  return results;
}

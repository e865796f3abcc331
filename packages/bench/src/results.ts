// The shape of one bench run, as written to the JSON file; the Markdown tables are made from it.

export interface Environment {
  date: string;
  commit: string | undefined;
  node: string;
  cpu: string;
  cores: number;
  /** 1, 5 and 15 minute load averages before and after the run: the machine is shared. */
  loadBefore: number[];
  loadAfter: number[];
  meter: string;
}

export interface CorpusInfo {
  dir: string;
  sizeMb: number;
  files: number;
  bytes: number;
}

export interface Run {
  wall: number;
  cpu: number;
  maxRssMb: number;
  files: number;
  findings: number | null;
}

export interface TableRow {
  tool: string;
  label: string;
  /** The vocabulary id; undefined for a tool that takes none (remark-parse). */
  vocabulary: string | undefined;
  runs: Run[];
  /** Medians of the runs, seconds. */
  wall: number;
  cpu: number;
  mbPerSecond: number;
  /** The highest peak RSS of the runs. */
  maxRssMb: number;
  files: number;
  /** The findings of the runs, when they all agree; null for a tool that checks nothing. */
  findings: number | null;
  /** Set when the runs disagree about the findings (they never should). */
  findingsPerRun?: (number | null)[];
  /** nuance's first run with an empty cache folder (packs compiled, code cache written): not in the medians. */
  first?: Run;
}

export interface EngineRun {
  files: number;
  bytes: number;
  segments: number;
  rules: number;
  /** Parsing and compiling the pack, ms. */
  compileMs: number;
  /** Each pass over the corpus: wall and CPU ms. */
  passes: { wallMs: number; cpuMs: number }[];
  findings: number;
  rssMb: number;
}

export interface EngineRow extends EngineRun {
  vocabulary: string;
  /** Median pass. */
  wallMs: number;
  mbPerSecond: number;
}

/** One path: every corpus file linted by the fast path and by a full parse (one-path-run.ts). */
export interface OnePathRun {
  files: number;
  /** The full parse's findings, all files. */
  findings: number;
  /** Files whose findings differ between the two, key for key. */
  differing: number;
  /** The first of them, relative to the corpus folder. */
  examples: string[];
  /** Time in `lintDocument`, all files: the fast path, then the full parse. */
  fastMs: number;
  fullMs: number;
}

export interface OnePathRow extends OnePathRun {
  vocabulary: string;
}

export interface SmallFileRow {
  command: string;
  runs: number;
  /** Medians, ms. */
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

export interface SmallFileResult {
  file: string;
  bytes: number;
  rows: SmallFileRow[];
  /** nuance's first run, its cache folder empty (not in the medians). */
  first: { wallMs: number; cpuMs: number; maxRssMb: number };
}

export interface ServerRow {
  /**
   * `stdio-pull`: over stdio, the client pulling each edit's report (as VS Code does); `ipc-pull`
   * the same over Node's IPC channel (`--node-ipc`, the VS Code extension's until 5 December 2026).
   */
  mode: 'stdio' | 'stdio-pull' | 'ipc-pull' | 'in-process';
  draft: string;
  chars: number;
  dense: boolean;
  /** The terms the draft is checked with (server-termbase.ts); absent: the built-in pack. */
  terms?: number;
  /** The draft is a release set's translation, checked against its source (the bilingual checks). */
  releaseSet?: true;
  /** The draft is a saved file this many folders below the bench's temporary folder (not untitled). */
  savedDepth?: number;
  diagnostics: number;
  rounds: number;
  p50: number;
  p95: number;
  max: number;
  /** The server's mean CPU ms per timed edit; null where it cannot be read (stdio off Linux). */
  cpuPerEdit: number | null;
  /** Pulled: the timed edits whose report was `unchanged`. */
  unchanged?: number;
  /** The size of the last message of diagnostics the client got (KB of UTF-8 JSON)... */
  messageKb?: number;
  /** ... and the median ms a client takes to decode and parse it: a floor of the round trip. */
  clientParseMs?: number;
}

/** The server's start (server.ts, serverStartUp): medians, in ms from spawning it. */
export interface ServerStartResult {
  runs: number;
  /** To the answer to `initialize`. */
  initializeMs: number;
  /** To the diagnostics of a one-paragraph draft opened right after. */
  firstDiagnosticsMs: number;
}

/**
 * A termbase saved while its draft is open (server-termbase.ts, termbaseSaves): from the save
 * (the file written, `didChangeWatchedFiles` sent, a keystroke right after) to that keystroke's
 * diagnostics, and to the diagnostics with the rule the save added. Medians of `runs` saves.
 */
export interface TermbaseSaveResult {
  terms: number;
  runs: number;
  keystrokeMs: number;
  keystrokeMaxMs: number;
  newFindingsMs: number;
}

/** One vocabulary's instruction count (instructions.ts): `nuance --jobs 1` under cachegrind. */
export interface InstructionsRow {
  vocabulary: string;
  runs: number;
  /** The median of the runs' counts, every thread's instructions. */
  instructions: number;
  min: number;
  max: number;
  findings: number | null;
}

export interface InstructionsResult {
  /** `valgrind --version`. */
  valgrind: string;
  rows: InstructionsRow[];
  /** `node --single-threaded -e 0` counted the same way: Node's own start, in every row. */
  node: Omit<InstructionsRow, 'vocabulary' | 'findings'>;
}

export interface Target {
  target: string;
  /** What was measured, in words. */
  measured: string;
  /** Undefined when the bench did not measure what the target needs. */
  met: boolean | undefined;
}

export interface BenchResults {
  environment: Environment;
  options: Record<string, unknown>;
  corpus?: CorpusInfo;
  vocabularies: { id: string; label: string; terms?: number }[];
  table?: TableRow[];
  engine?: EngineRow[];
  onePath?: OnePathRow[];
  smallFile?: SmallFileResult;
  server?: ServerRow[];
  serverStart?: ServerStartResult;
  termbaseSave?: TermbaseSaveResult;
  instructions?: InstructionsResult;
  targets: Target[];
}

// The language server, from sending `didChange` to receiving its diagnostics, debounce set to 0:
// over stdio against the built bin (what an editor sees: a real JSON-RPC client, pipes and a
// second process included), pushed (Neovim, most editors) and pulled with the id of the report
// the client holds (VS Code: `unchanged` when an edit moved no diagnostic), pulled over Node's IPC
// channel (`--node-ipc`: what the VS Code extension used before it started the server over stdio),
// and in process over a pair of streams (DESIGN's measure: JSON-RPC encoding both ways, no pipe,
// no second process). Each edit types a character in a paragraph in
// the middle of the draft, then deletes it; the first edits (ten, or as many as are timed when
// fewer) warm up and are not counted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createServer, messageBytes } from '@nuance/language-server';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { ServerRow, ServerStartResult } from './results.js';
import {
  ARCHIVE_SETS,
  draftDocument,
  type Edited,
  RELEASE_SET_SIZES,
  releaseSetDocument,
  SAVED_DEPTH,
  SERVER_DRAFTS,
  savedDraftDocument,
} from './server-documents.js';
import { type Transport, withServerProcess } from './server-process.js';
import { type TermbaseDraft, writeTermbaseDocument } from './server-termbase.js';
import { median, percentile } from './stats.js';

const WARM_UP = 10;
/** CPU ms the server has used so far, or undefined where that cannot be read. */
type CpuClock = () => number | undefined;

/**
 * A child's CPU time from /proc (Linux: utime and stime, in ticks of 10 ms). Latency stretches on
 * a loaded machine; the server's CPU time per edit much less.
 */
function childCpu(pid: number | undefined): CpuClock {
  return () => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  };
}

function ownCpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

function editAt(line: number, insert: boolean) {
  return insert
    ? { range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '实' }
    : { range: { start: { line, character: 3 }, end: { line, character: 4 } }, text: '' };
}

/** How a client gets an edit's diagnostics: pushed by the server, or pulled (VS Code). */
type Delivery = 'push' | 'pull';

interface PullReport {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: unknown[];
}

async function measureDraft(
  connection: ProtocolConnection,
  mode: ServerRow['mode'],
  edited: Edited,
  rounds: number,
  cpu: CpuClock,
): Promise<ServerRow> {
  const { uri, text, dense } = edited;
  const delivery: Delivery = mode === 'stdio-pull' || mode === 'ipc-pull' ? 'pull' : 'push';
  const waiters = new Map<number, (params: Published) => void>();
  const listener = connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
    if (params.uri !== uri || params.version === undefined) return;
    // Dropped once called: a resolver keeps its promise, and so the diagnostics, alive.
    waiters.get(params.version)?.(params);
    waiters.delete(params.version);
  });
  const published = (version: number) => new Promise<Published>((resolve) => waiters.set(version, resolve));
  let resultId: string | undefined;
  let unchanged = 0;
  // The last message of diagnostics the client got (a push's params, a pulled report).
  let last: unknown;
  // The diagnostics of `version`: its push, or a pull naming the report the client holds.
  const diagnosticsOf = async (version: number, sent: Promise<void>): Promise<number> => {
    if (delivery === 'push') {
      const wait = published(version);
      await sent;
      const params = await wait;
      last = params;
      return params.diagnostics.length;
    }
    await sent;
    const report: PullReport = await connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      ...(resultId === undefined ? {} : { previousResultId: resultId }),
    });
    resultId = report.resultId;
    last = report;
    if (report.kind === 'unchanged') unchanged++;
    return report.items?.length ?? 0;
  };
  let version = 1;
  const open = connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  const diagnostics = await diagnosticsOf(version, open);
  const lines = text.split('\n');
  // A line of a paragraph in the middle, not a blank line between two (typing there would join
  // them: a harder edit than the letter typed in a paragraph this measures).
  let line = Math.floor(lines.length / 2) - (Math.floor(lines.length / 2) % 2) + 2;
  while (line < lines.length - 1 && (lines[line] ?? '').trim() === '') line++;
  const times: number[] = [];
  const warmUp = Math.min(WARM_UP, rounds);
  let cpuStart: number | undefined;
  for (let i = 0; i < rounds + warmUp; i++) {
    if (i === warmUp) {
      cpuStart = cpu();
      unchanged = 0;
    }
    version++;
    const start = performance.now();
    const sent = connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [editAt(line, i % 2 === 0)],
    });
    await diagnosticsOf(version, sent);
    if (i >= warmUp) times.push(performance.now() - start);
  }
  const cpuEnd = cpu();
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  listener.dispose();
  return {
    mode,
    draft: edited.label,
    chars: text.length,
    dense,
    diagnostics,
    rounds,
    p50: median(times),
    p95: percentile(times, 95),
    max: Math.max(...times),
    cpuPerEdit: cpuStart === undefined || cpuEnd === undefined ? null : (cpuEnd - cpuStart) / rounds,
    ...(delivery === 'pull' ? { unchanged } : {}),
    ...clientReading(delivery, last, mode === 'ipc-pull' ? 'ipc' : 'stdio'),
  };
}

/**
 * What the client pays to read the last message of an edit's diagnostics: its size, and the median
 * time to decode its UTF-8 and parse its JSON (as vscode-jsonrpc does with each message, and Node's
 * IPC channel with each line), timed in this process after the edits, on the bytes the server
 * writes for it: its encoder's (JSON in ASCII) over a stream, `JSON.stringify`'s over IPC.
 */
function clientReading(
  delivery: Delivery,
  last: unknown,
  transport: Transport,
): Pick<ServerRow, 'messageKb' | 'clientParseMs'> {
  const message =
    delivery === 'push'
      ? { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: last }
      : { jsonrpc: '2.0', id: 1, result: last };
  const bytes =
    transport === 'ipc'
      ? Buffer.from(JSON.stringify(message), 'utf8')
      : messageBytes(message as Parameters<typeof messageBytes>[0]);
  const times: number[] = [];
  for (let i = 0; i < CLIENT_READS; i++) {
    const start = performance.now();
    JSON.parse(bytes.toString('utf8'));
    times.push(performance.now() - start);
  }
  return { messageKb: bytes.length / 1024, clientParseMs: median(times) };
}

const CLIENT_READS = 15;

async function session(
  connection: ProtocolConnection,
  mode: ServerRow['mode'],
  rounds: number,
  cpu: CpuClock,
  termbase: readonly TermbaseDraft[] = [],
) {
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  // What VS Code declares for diagnostics: related information, links, and pulling when it pulls.
  const publishDiagnostics = { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true };
  const textDocument =
    mode === 'stdio-pull' || mode === 'ipc-pull'
      ? { publishDiagnostics, diagnostic: {} }
      : { publishDiagnostics };
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument },
    initializationOptions: { debounce: 0 },
  });
  await connection.sendNotification('initialized', {});
  const rows: ServerRow[] = [];
  // A release set is checked against its source at every edit: over stdio, pushed. Its files are
  // written before the other drafts are edited, as a statement's source is saved before its
  // translation is: a file written in the last RACY_MS (3 s) is read again at every edit, lest a
  // write in the same tick of the file system's clock go unseen (config's sibling-files.ts).
  const dir = mode === 'stdio' ? mkdtempSync(path.join(tmpdir(), 'nuance-bench-release-')) : undefined;
  try {
    const releases: Edited[] = [];
    if (dir !== undefined) {
      for (const chars of RELEASE_SET_SIZES) releases.push(releaseSetDocument(dir, chars));
      const archive = path.join(dir, 'archive');
      mkdirSync(archive);
      releases.push(releaseSetDocument(archive, RELEASE_SET_SIZES[0], ARCHIVE_SETS));
    }
    for (const d of SERVER_DRAFTS)
      rows.push(await measureDraft(connection, mode, draftDocument(d), rounds, cpu));
    for (const release of releases) {
      rows.push({ ...(await measureDraft(connection, mode, release, rounds, cpu)), releaseSet: true });
    }
    if (dir !== undefined) {
      const saved = savedDraftDocument(dir, SAVED_DEPTH);
      rows.push({ ...(await measureDraft(connection, mode, saved, rounds, cpu)), savedDepth: SAVED_DEPTH });
    }
    // Over stdio, pushed: the corpus's Chinese checked with 24 terms, then 10,000, whose pack the
    // server compiles when the draft is opened (no cache folder is given), before any edit.
    for (const draft of mode === 'stdio' ? termbase : []) {
      const document = writeTermbaseDocument(draft);
      try {
        const edited = { uri: document.uri, text: document.text, label: document.label, dense: false };
        rows.push({ ...(await measureDraft(connection, mode, edited, rounds, cpu)), terms: draft.terms });
      } finally {
        document.remove();
      }
    }
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function overProcess(
  rounds: number,
  mode: 'stdio' | 'stdio-pull' | 'ipc-pull',
  termbase: readonly TermbaseDraft[] = [],
): Promise<ServerRow[]> {
  return withServerProcess(
    (connection, pid) => session(connection, mode, rounds, childCpu(pid), termbase),
    mode === 'ipc-pull' ? 'ipc' : 'stdio',
  );
}

async function inProcess(rounds: number): Promise<ServerRow[]> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(toServer, toClient);
  createServer(serverConnection);
  serverConnection.listen();
  const client = createProtocolConnection(toClient, toServer);
  try {
    // The client's side of the JSON-RPC is counted too: it is small beside linting.
    const rows = await session(client, 'in-process', rounds, ownCpu);
    await client.sendRequest('shutdown');
    return rows;
  } finally {
    client.dispose();
    serverConnection.dispose();
    toServer.end();
    toClient.end();
  }
}

/** Starts of the server timed, at most: each is a process of its own (median reported). */
const START_RUNS = 5;

/** A one-paragraph draft with one finding, for the first diagnostics of a start. */
const START_DRAFT = '# 声明\n\n韩国政府坚持实用外交。\n';

/**
 * The server's start, as an editor sees it: from spawning `nuance-language-server --stdio` to the
 * answer to `initialize`, and to the diagnostics of a one-paragraph draft opened right after
 * (`initialized` sent, the built-in pack loaded, the draft linted and pushed). Medians of
 * `min(rounds, 5)` starts, each with the debounce at 0.
 */
export async function serverStartUp(rounds: number): Promise<ServerStartResult> {
  const runs = Math.max(1, Math.min(START_RUNS, rounds));
  const initialize: number[] = [];
  const firstDiagnostics: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await withServerProcess(async (connection) => {
      connection.onRequest('client/registerCapability', () => null);
      const published = new Promise<Published>((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', resolve),
      );
      connection.listen();
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
        initializationOptions: { debounce: 0 },
      });
      initialize.push(performance.now() - start);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'untitled:start.md', languageId: 'markdown', version: 1, text: START_DRAFT },
      });
      const { diagnostics } = await published;
      firstDiagnostics.push(performance.now() - start);
      if (diagnostics.length === 0) throw new Error('The server gave no diagnostic for the start-up draft');
    });
  }
  return { runs, initializeMs: median(initialize), firstDiagnosticsMs: median(firstDiagnostics) };
}

/** `termbase`: also a stdio row per draft checked with terms of its own (server-termbase.ts). */
export async function runServer(
  rounds: number,
  termbase: readonly TermbaseDraft[] = [],
): Promise<ServerRow[]> {
  return [
    ...(await overProcess(rounds, 'stdio', termbase)),
    ...(await overProcess(rounds, 'stdio-pull')),
    ...(await overProcess(rounds, 'ipc-pull')),
    ...(await inProcess(rounds)),
  ];
}

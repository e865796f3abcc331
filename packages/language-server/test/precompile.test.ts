// A config or pack changed on disk is compiled before it is loaded again (precompile.ts): the open
// documents keep their configs, and are linted with them, until the new ones are compiled.
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { type PrecompileJob, workerPrecompiler } from '../src/precompile.js';
import { buildServer, root, serverBin } from './build.js';
import { overStdio, PUSH_CAPABILITIES, type TestClient, uriOf, useTestResources } from './client.js';

const { tempDir, client } = useTestResources('nuance-ls-precompile-');

const teamPack = (severity: string) =>
  `pack: team\nrules:\n  - id: team/x\n    kind: caution\n    severity: ${severity}\n    message: m\n    phrases: [实用外交]\n`;
const severities = (d: Diagnostic[]) => d.map((x) => `${x.code} ${x.severity}`);
const CAPABILITIES = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
};

/** A runner that keeps each job until the test lets it finish. */
function heldRunner() {
  const jobs: PrecompileJob[] = [];
  const finish: (() => void)[] = [];
  return {
    jobs,
    finishAll: () => {
      for (const f of finish.splice(0)) f();
    },
    run: (job: PrecompileJob) =>
      new Promise<void>((resolve) => {
        jobs.push(job);
        finish.push(resolve);
      }),
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** The client reports `file` changed on disk (`type` 1: created, 2: changed). */
function fileChanged(c: TestClient, file: string, type = 2): Promise<void> {
  return c.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: uriOf(file), type }],
  });
}

/** A keystroke at the start of the draft. */
function keystroke(c: TestClient, uri: string): Promise<void> {
  return c.change(uri, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '。' },
  ]);
}

/** A folder whose config reads the team pack, and a client on it with the runner. */
async function setUp(runner: ReturnType<typeof heldRunner>, cacheFolder: string | undefined) {
  const dir = tempDir();
  const pack = path.join(dir, 'team.yaml');
  writeFileSync(path.join(dir, '.nuancerc.yaml'), 'packs: [./team.yaml]\n');
  writeFileSync(pack, teamPack('warning'));
  const c: TestClient = await client({
    folders: [dir],
    capabilities: CAPABILITIES,
    initializationOptions: { debounce: 0, ...(cacheFolder ? { cacheFolder } : {}) },
    server: { precompile: runner.run },
  });
  const draft = path.join(dir, 'draft.md');
  const uri = uriOf(draft);
  await c.open(uri, '韩国奉行实用外交。\n');
  expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual(['team/x 2']);
  return { dir, pack, draft, uri, c };
}

describe('a pack changed on disk', () => {
  it('is compiled first: until then the documents are linted with the configs they have', async () => {
    const runner = heldRunner();
    const cacheFolder = tempDir();
    const { dir, pack, draft, uri, c } = await setUp(runner, cacheFolder);
    writeFileSync(pack, teamPack('info'));
    await fileChanged(c, pack);
    await until(() => runner.jobs.length === 1, 'the job');
    const [job] = runner.jobs;
    // The open document's config, as the server resolves it, into the server's cache.
    expect(job?.documents).toEqual([
      { filePath: draft, folder: dir, settings: { enable: true, config: {} } },
    ]);
    expect(job?.cache.dir).toBe(path.join(cacheFolder, 'rule-sets'));
    // A keystroke meanwhile: linted with the pack as it was.
    await keystroke(c, uri);
    expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual(['team/x 2']);
    runner.finishAll();
    expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 3))).toEqual(['team/x 3']);
  });

  it('is taken at once without a rule-set cache, and a file no config read is no job', async () => {
    const runner = heldRunner();
    const { dir, pack, uri, c } = await setUp(runner, undefined);
    writeFileSync(pack, teamPack('info'));
    await fileChanged(c, pack);
    expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 3))).toEqual(['team/x 3']);
    expect(runner.jobs).toHaveLength(0);

    const cached = await setUp(heldRunner(), tempDir());
    const other = path.join(dir, 'other.yaml');
    writeFileSync(other, 'x: 1\n');
    await fileChanged(cached.c, other, 1);
    // The server answers in order: a keystroke after the change is linted, and no job was made.
    await keystroke(cached.c, cached.uri);
    expect(severities(await cached.c.diagnostics(cached.uri, (d) => d.length === 1))).toEqual(['team/x 2']);
  });

  it('compiles one change after another, each reloaded when it is compiled', async () => {
    const runner = heldRunner();
    const { pack, uri, c } = await setUp(runner, tempDir());
    writeFileSync(pack, teamPack('info'));
    await fileChanged(c, pack);
    await until(() => runner.jobs.length === 1, 'the first job');
    writeFileSync(pack, teamPack('error'));
    await fileChanged(c, pack);
    // The second starts only when the first is done: a keystroke after it is answered first.
    await keystroke(c, uri);
    expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual(['team/x 2']);
    expect(runner.jobs).toHaveLength(1);
    runner.finishAll();
    await until(() => runner.jobs.length === 2, 'the second job');
    runner.finishAll();
    expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 1))).toEqual(['team/x 1']);
  });
});

describe('the bundle', () => {
  beforeAll(() => buildServer());

  // The bundle run alone, with the client's cache folder; and run by the bin's launcher, with the
  // user's cache folder (XDG_CACHE_HOME), as editors other than VS Code run it.
  it.each(['the bundle alone', 'the launcher'])(
    'compiles a changed pack on a worker thread (%s), into the cache it reloads from',
    async (how) => {
      const work = tempDir();
      const cacheHome = tempDir();
      const launcher = how === 'the launcher';
      const cacheFolder = launcher ? path.join(cacheHome, 'nuance') : cacheHome;
      const bin = launcher
        ? path.join(root, 'packages/language-server/bin/nuance-language-server.cjs')
        : path.join(tempDir(), 'server.cjs');
      if (!launcher) copyFileSync(serverBin, bin);
      const pack = path.join(work, 'team.yaml');
      writeFileSync(path.join(work, '.nuancerc.yaml'), 'packs: [./team.yaml]\n');
      writeFileSync(pack, teamPack('warning'));
      const server = spawn(process.execPath, [bin, '--stdio'], {
        cwd: work,
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      });
      const exited = new Promise((resolve) => server.on('exit', resolve));
      const c = await overStdio(server, {
        folders: [work],
        capabilities: CAPABILITIES,
        initializationOptions: { debounce: 0, ...(launcher ? {} : { cacheFolder }) },
      });
      try {
        const uri = uriOf(path.join(work, 'draft.md'));
        await c.open(uri, '韩国奉行实用外交。\n');
        expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual(['team/x 2']);
        const rules = path.join(cacheFolder, 'rule-sets');
        const entries = () => readdirSync(rules).filter((f) => f.endsWith('.rules'));
        expect(entries()).toHaveLength(1);
        writeFileSync(pack, teamPack('info'));
        await fileChanged(c, pack);
        // The keystroke right after is answered before the worker has started: with the pack as it was.
        await keystroke(c, uri);
        expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual(['team/x 2']);
        // Then the worker's compile, read back from the cache.
        expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 3))).toEqual(['team/x 3']);
        expect(entries()).toHaveLength(2);
        // Nothing of the worker's reached the protocol's stream: the session goes on.
        await keystroke(c, uri);
        expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual(['team/x 3']);
        // The next save is the next job of the same worker, kept for it (warm, it may compile a
        // pack this small before a keystroke is linted: only the outcome is certain).
        writeFileSync(pack, teamPack('error'));
        await fileChanged(c, pack);
        expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 1))).toEqual(['team/x 1']);
        expect(entries()).toHaveLength(3);
        await c.shutdown(true);
        await exited;
      } finally {
        server.kill();
      }
    },
  );
});

describe('the worker runner', () => {
  /** A worker that answers each job as the bundle's does, logging its start and each job to `log`. */
  function fakeWorker(dir: string, onJob: string): { file: string; log: () => string[] } {
    const log = path.join(dir, 'log.txt');
    const file = path.join(dir, 'worker.cjs');
    writeFileSync(
      file,
      `const { parentPort, threadId } = require('node:worker_threads');
const fs = require('node:fs');
fs.appendFileSync(${JSON.stringify(log)}, 'start ' + threadId + '\\n');
parentPort.on('message', (job) => {
  fs.appendFileSync(${JSON.stringify(log)}, 'job ' + threadId + ' ' + job.documents.length + '\\n');
  ${onJob}
});
`,
    );
    return { file, log: () => readFileSync(log, 'utf8').trim().split('\n') };
  }
  const job = (n: number): PrecompileJob => ({
    cache: { dir: '/nowhere', salt: 's' },
    uiLocale: undefined,
    documents: Array.from({ length: n }, () => ({
      filePath: undefined,
      folder: undefined,
      settings: { enable: true, config: {} },
    })),
  });

  it('keeps one worker for the jobs that follow, and starts another once it has ended', async () => {
    const worker = fakeWorker(tempDir(), "parentPort.postMessage('done');");
    const run = workerPrecompiler(worker.file, 100);
    await run(job(1));
    await run(job(2));
    const [first] = worker.log();
    expect(worker.log()).toEqual([first, `job ${first?.split(' ')[1]} 1`, `job ${first?.split(' ')[1]} 2`]);
    // Idle past its time (its timer, set before this one, has run), it ends; the next job starts a new one.
    await new Promise((r) => setTimeout(r, 300));
    await run(job(3));
    const starts = worker.log().filter((line) => line.startsWith('start'));
    expect(starts).toHaveLength(2);
    expect(worker.log().at(-1)).toBe(`job ${starts[1]?.split(' ')[1]} 3`);
  });

  it('answers a job whose worker ends without answering, and starts a new one for the next', async () => {
    const worker = fakeWorker(tempDir(), 'process.exit(1);');
    const run = workerPrecompiler(worker.file, 60_000);
    await run(job(1));
    await run(job(1));
    expect(worker.log().filter((line) => line.startsWith('start'))).toHaveLength(2);
    // A bundle that cannot be run at all: answered too.
    await workerPrecompiler(path.join(tempDir(), 'missing.cjs'))(job(1));
  });
});

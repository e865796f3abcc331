// Smoke test of the packaged extension: the server bundle inside the .vsix starts and lints.
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overStdio, type TestClient } from '../../packages/language-server/test/client.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'nuance-vsix-'));
const vsix = path.join(work, 'nuance.vsix');
let child: ChildProcess | undefined;
let client: TestClient | undefined;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs'), '--minify'], { stdio: 'pipe' });
  execFileSync(process.execPath, [path.join(root, 'scripts/package.mjs'), '--out', vsix], { stdio: 'pipe' });
  execFileSync('unzip', ['-q', vsix, '-d', path.join(work, 'unpacked')]);
});

afterAll(async () => {
  await client?.shutdown(true).catch(() => {});
  child?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('the .vsix', () => {
  it("holds only the manifest, docs, icon, the bundles, the server's launcher and the packs' READMEs", () => {
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/packs/korea-china/README.md',
      'extension/dist/packs/nuance/README.md',
      'extension/dist/server.cjs',
      'extension/dist/server.cjs.sha1',
      'extension/dist/server.js',
      'extension/images/icon.png',
      'extension/package.json',
      'extension/readme.md',
    ]);
  });

  it('starts extension/dist/server.js from the unpacked .vsix as the client does and reports 实用外交', async () => {
    const server = path.join(work, 'unpacked/extension/dist/server.js');
    // From a folder outside the repository: the bundle must not reach for workspace files.
    // dist/server.js is the launcher: it runs dist/server.cjs with a code cache in the user's
    // cache folder, written at the end of this short session. Started as vscode-languageclient
    // starts a module over stdio (client.ts): forked, so with an IPC channel too, and the
    // arguments it adds; the protocol must still go over stdin and stdout.
    const cacheHome = path.join(work, 'cache');
    child = fork(server, ['--stdio', `--clientProcessId=${process.pid}`], {
      cwd: work,
      silent: true,
      execArgv: [],
      env: { ...process.env, XDG_CACHE_HOME: cacheHome },
    });
    child.stderr?.pipe(process.stderr);
    const exited = new Promise((resolve) => child?.on('exit', resolve));
    client = await overStdio(child, { folders: [] });
    const uri = 'untitled:draft.md';
    await client.open(uri, '# 声明\n\n韩国新政府奉行实用外交。\n', 'markdown');
    const diagnostics = await client.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostics.map((d) => [d.code, d.range.start, d.range.end])).toEqual([
      ['korea-china/wushi-not-shiyong', { line: 2, character: 7 }, { line: 2, character: 11 }],
    ]);
    await client.shutdown(true);
    client = undefined;
    await exited;
    const cached = readdirSync(path.join(cacheHome, 'nuance')).filter((f) => f.endsWith('.code-cache'));
    expect(cached).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.code-cache$/)]);
    // Keyed by the SHA-1 the build wrote beside the bundle.
    const [sha1] = readFileSync(path.join(work, 'unpacked/extension/dist/server.cjs.sha1'), 'latin1').split(
      ' ',
    );
    const head = readFileSync(path.join(cacheHome, 'nuance', cached[0] as string)).subarray(0, 40);
    expect(head.toString('latin1')).toBe(sha1);
  });

  it('keeps compiled packs per build of the server, not per launcher', async () => {
    // The client gives a folder for compiled packs (cacheFolder); their key holds the SHA-1 of the
    // server's code (dist/server.cjs), not of the module the client starts (dist/server.js, the
    // launcher, the same in every build): a changed server compiles its packs again.
    const dist = path.join(work, 'copy');
    cpSync(path.join(work, 'unpacked/extension/dist'), dist, { recursive: true });
    const drafts = path.join(work, 'drafts');
    mkdirSync(drafts, { recursive: true });
    writeFileSync(path.join(drafts, '.nuancerc.yaml'), 'packs: [./team.yaml]\n');
    writeFileSync(
      path.join(drafts, 'team.yaml'),
      'pack: team\nrules:\n  - id: team/x\n    kind: caution\n    severity: warning\n    message: m\n    phrases: [奉行]\n',
    );
    const storage = path.join(work, 'storage');
    const entries = () =>
      readdirSync(path.join(storage, 'rule-sets'))
        .filter((n) => n.endsWith('.rules'))
        .sort();
    const lint = async () => {
      const server = spawn(process.execPath, [path.join(dist, 'server.js'), '--stdio'], {
        cwd: work,
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, NUANCE_NO_CACHE: '1' },
      });
      const exited = new Promise((resolve) => server.on('exit', resolve));
      const c = await overStdio(server, {
        folders: [drafts],
        initializationOptions: { debounce: 0, cacheFolder: storage },
      });
      const uri = pathToFileURL(path.join(drafts, 'draft.md')).href;
      await c.open(uri, '韩国奉行实用外交。', 'markdown');
      const codes = (await c.diagnostics(uri, (d) => d.length === 1)).map((d) => d.code);
      await c.shutdown(true);
      await exited;
      return codes;
    };
    expect(await lint()).toEqual(['team/x']);
    const first = entries();
    expect(first).toHaveLength(1);
    expect(await lint()).toEqual(['team/x']);
    expect(entries()).toEqual(first);
    appendFileSync(path.join(dist, 'server.cjs'), '\n// another build\n');
    expect(await lint()).toEqual(['team/x']);
    expect(entries()).toHaveLength(2);
  });
});

// Smoke test of the packaged extension: the server bundle inside the .vsix starts and lints.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it('starts extension/dist/server.js --stdio from the unpacked .vsix and reports 实用外交', async () => {
    const server = path.join(work, 'unpacked/extension/dist/server.js');
    // From a folder outside the repository: the bundle must not reach for workspace files.
    // dist/server.js is the launcher: it runs dist/server.cjs with a code cache in the user's
    // cache folder, written at the end of this short session.
    const cacheHome = path.join(work, 'cache');
    child = spawn(process.execPath, [server, '--stdio'], {
      cwd: work,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, XDG_CACHE_HOME: cacheHome },
    });
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
});

// Smoke test of the packaged extension: the server bundle inside the .vsix starts and lints.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
  it("holds only the manifest, docs, icon, the two bundles and the packs' READMEs", () => {
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/packs/korea-china/README.md',
      'extension/dist/packs/nuance/README.md',
      'extension/dist/server.js',
      'extension/images/icon.png',
      'extension/package.json',
      'extension/readme.md',
    ]);
  });

  it('starts extension/dist/server.js --stdio from the unpacked .vsix and reports 实用外交', async () => {
    const server = path.join(work, 'unpacked/extension/dist/server.js');
    // From a folder outside the repository: the bundle must not reach for workspace files.
    child = spawn(process.execPath, [server, '--stdio'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
    client = await overStdio(child, { folders: [] });
    const uri = 'untitled:draft.md';
    await client.open(uri, '# 声明\n\n韩国新政府奉行实用外交。\n', 'markdown');
    const diagnostics = await client.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostics.map((d) => [d.code, d.range.start, d.range.end])).toEqual([
      ['korea-china/wushi-not-shiyong', { line: 2, character: 7 }, { line: 2, character: 11 }],
    ]);
  });
});

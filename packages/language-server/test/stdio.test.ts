// The built server over stdio, as editors run it, and parity with the CLI on the same files. The
// bin is the bundle, run from a copy in a folder of its own: it needs no module of the workspace.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, buildServer, root, serverBin } from './build.js';
import { overStdio, type TestClient, uriOf } from './client.js';

const cli = path.join(root, 'packages/cli/dist/bin.cjs');

let alone: string;
let child: ChildProcess;
let client: TestClient;

beforeAll(async () => {
  buildPackages('packages/cli');
  buildServer();
  alone = mkdtempSync(path.join(tmpdir(), 'nuance-server-'));
  const bin = path.join(alone, 'server.cjs');
  copyFileSync(serverBin, bin);
  child = spawn(process.execPath, [bin, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  client = await overStdio(child, { folders: [root] });
});

afterAll(async () => {
  await client?.shutdown(true).catch(() => {});
  child?.kill();
  if (alone) rmSync(alone, { recursive: true, force: true });
});

describe('the bin', () => {
  it('runs the launcher: a file of the repository, run by Node from its first line', () => {
    const dir = path.join(root, 'packages/language-server');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const bin = path.join(dir, manifest.bin['nuance-language-server']);
    // Not built: installing the workspace links it before `pnpm build` has run.
    expect(path.relative(dir, bin).startsWith('dist')).toBe(false);
    expect(manifest.files).toContain(path.relative(dir, path.dirname(bin)));
    const code = readFileSync(bin, 'utf8');
    expect(code.slice(0, 20)).toBe('#!/usr/bin/env node\n');
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    const required = [...code.matchAll(/\brequire\('([^']+)'\)/g)].map((m) =>
      path.resolve(path.dirname(bin), m[1] as string),
    );
    expect(required).toEqual([path.join(dir, 'dist/launch.cjs')]);
  });

  it("keeps V8's code cache for the bundle: written by the first start, used by the next", async () => {
    const cacheHome = mkdtempSync(path.join(tmpdir(), 'nuance-server-cache-'));
    const bin = path.join(root, 'packages/language-server/bin/nuance-language-server.cjs');
    const start = async () => {
      const server = spawn(process.execPath, [bin, '--stdio'], {
        cwd: root,
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      });
      const exited = new Promise((resolve) => server.on('exit', resolve));
      const started = await overStdio(server, {});
      await started.open('untitled:cached.md', '韩国奉行实用外交。', 'markdown');
      const codes = (await started.diagnostics('untitled:cached.md', (d) => d.length === 1)).map(
        (d) => d.code,
      );
      await started.shutdown(true);
      await exited;
      return codes;
    };
    try {
      expect(await start()).toEqual(['korea-china/wushi-not-shiyong']);
      const folder = path.join(cacheHome, 'nuance');
      const files = readdirSync(folder).filter((f) => f.endsWith('.code-cache'));
      expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.code-cache$/)]);
      const file = path.join(folder, files[0] as string);
      // Its key: the bundle's SHA-1 (as the build wrote it beside the bundle), Node's version.
      const [sha1] = readFileSync(`${serverBin}.sha1`, 'latin1').split(' ');
      expect(readFileSync(file).subarray(0, 64).toString('latin1')).toMatch(
        new RegExp(`^${sha1} ${process.version.replace(/\./g, '\\.')} ${process.arch} *$`),
      );
      const written = statSync(file).mtimeMs;
      // The second start reads it and, V8 taking it, does not write it again.
      expect(await start()).toEqual(['korea-china/wushi-not-shiyong']);
      expect(statSync(file).mtimeMs).toBe(written);
    } finally {
      rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  it("keeps a pack's compiled rule set in the user's cache folder when the client names none", async () => {
    // Neovim and most editors give no `cacheFolder`: without this, every start compiled the pack.
    const cacheHome = mkdtempSync(path.join(tmpdir(), 'nuance-server-cache-'));
    const work = mkdtempSync(path.join(tmpdir(), 'nuance-server-pack-'));
    writeFileSync(path.join(work, '.nuancerc.yaml'), 'packs: [./team.yaml]\n');
    writeFileSync(
      path.join(work, 'team.yaml'),
      'pack: team\nrules:\n  - id: team/x\n    kind: caution\n    severity: warning\n    message: m\n    phrases: [实用外交]\n',
    );
    const uri = uriOf(path.join(work, 'draft.md'));
    const bin = path.join(root, 'packages/language-server/bin/nuance-language-server.cjs');
    const rules = path.join(cacheHome, 'nuance', 'rule-sets');
    const entries = () => readdirSync(rules).filter((f) => f.endsWith('.rules'));
    const start = async () => {
      const server = spawn(process.execPath, [bin, '--stdio'], {
        cwd: work,
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      });
      const exited = new Promise((resolve) => server.on('exit', resolve));
      const started = await overStdio(server, { folders: [work] });
      await started.open(uri, '韩国奉行实用外交。\n');
      const codes = (await started.diagnostics(uri, (d) => d.length === 1)).map((d) => d.code);
      await started.shutdown(true);
      await exited;
      return codes;
    };
    try {
      expect(await start()).toEqual(['team/x']);
      expect(entries()).toHaveLength(1);
      const entry = path.join(rules, entries()[0] as string);
      const written = statSync(entry).ino;
      // The next start reads it: the same file (an entry is written beside it, then renamed over it).
      expect(await start()).toEqual(['team/x']);
      expect(entries()).toHaveLength(1);
      expect(statSync(entry).ino).toBe(written);
    } finally {
      rmSync(cacheHome, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('writes a missing code cache once the start is over, while the session goes on', async () => {
    // Not only at exit: V8 drops the bytecode of what ran only at the start, and a cache written
    // at the end of a long session lacked it (launch.cts).
    const cacheHome = mkdtempSync(path.join(tmpdir(), 'nuance-server-cache-'));
    const bin = path.join(root, 'packages/language-server/bin/nuance-language-server.cjs');
    const server = spawn(process.execPath, [bin, '--stdio'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, XDG_CACHE_HOME: cacheHome },
    });
    const exited = new Promise((resolve) => server.on('exit', resolve));
    const folder = path.join(cacheHome, 'nuance');
    const caches = () => {
      try {
        return readdirSync(folder).filter((f) => f.endsWith('.code-cache'));
      } catch {
        return [];
      }
    };
    try {
      const started = await overStdio(server, {});
      await started.open('untitled:early.md', '韩国奉行实用外交。', 'markdown');
      await started.diagnostics('untitled:early.md', (d) => d.length === 1);
      expect(caches()).toEqual([]);
      const until = Date.now() + 20_000;
      while (caches().length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(caches()).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.code-cache$/)]);
      // Still serving, and the cache is not written again at its exit.
      const file = path.join(folder, caches()[0] as string);
      const written = statSync(file).mtimeMs;
      await started.open('untitled:later.md', '实用外交', 'markdown');
      expect(await started.diagnostics('untitled:later.md', (d) => d.length === 1)).toHaveLength(1);
      await started.shutdown(true);
      await exited;
      expect(statSync(file).mtimeMs).toBe(written);
    } finally {
      server.kill();
      rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  it("requires nothing but Node's own modules, and imports nothing at run time", () => {
    const code = readFileSync(serverBin, 'utf8');
    const required = new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] as string));
    expect([...required].filter((name) => !isBuiltin(name))).toEqual([]);
    expect(required.has('node:fs')).toBe(true);
    expect(code).not.toMatch(/\bimport\(/);
  });
});

describe('over stdio', () => {
  it('answers initialize and pushes a diagnostic for 实用外交', async () => {
    const uri = 'untitled:stdio.md';
    await client.open(uri, '한국 😀 韩国奉行实用外交。', 'markdown');
    const diagnostics = await client.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([
      [
        'korea-china/wushi-not-shiyong',
        { start: { line: 0, character: 10 }, end: { line: 0, character: 14 } },
      ],
    ]);
  });

  it('gives diagnostics on the targets of an XLIFF file', async () => {
    const uri = uriOf(path.join(root, 'no-such-folder', 'release.xlf'));
    const xliff =
      '<xliff version="1.2"><file source-language="ko" target-language="zh-CN"><body>\n' +
      '<trans-unit id="1"><source>한반도 비핵화</source><target>朝鲜无核化</target></trans-unit>\n' +
      '</body></file></xliff>\n';
    await client.open(uri, xliff, 'xml');
    const diagnostics = await client.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostics.map((d) => [d.code, d.range.start])).toEqual([
      ['korea-china/denuclearization-scope', { line: 1, character: 51 }],
    ]);
  });

  it('gives the same (rule, range) set as the CLI for the sample drafts', async () => {
    const samples = path.join(root, 'rules/korea-china/samples');
    const files = readdirSync(samples).map((f) => path.join(samples, f));
    expect(files.length).toBeGreaterThanOrEqual(5);
    // Exit 1 (an error-level finding) is expected: only the report matters here.
    const json = spawnSync(process.execPath, [cli, '--format', 'json', ...files], {
      cwd: root,
      encoding: 'utf8',
    }).stdout;
    const report = JSON.parse(json) as Array<{
      path: string;
      messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }>;
    }>;
    let total = 0;
    for (const file of files) {
      const fromCli = report.find((r) => path.resolve(root, r.path) === file)?.messages ?? [];
      const expected = fromCli
        .map((m) => `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`)
        .sort();
      const uri = uriOf(file);
      await client.open(uri, readFileSync(file, 'utf8'));
      const diagnostics = await client.diagnostics(uri);
      const actual = diagnostics
        .map(
          (d) =>
            `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
        )
        .sort();
      expect({ file, actual }).toEqual({ file, actual: expected });
      total += expected.length;
    }
    // The samples must actually exercise the rules.
    expect(total).toBeGreaterThan(10);
  });
});

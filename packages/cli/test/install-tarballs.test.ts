// The packages as users get them: `pnpm pack` tarballs (.ci/pack-packages.mjs) installed with
// npm into empty folders, then run. The CLI installs offline from its tarball alone (its bundle
// holds every dependency); the libraries install with the tarballs of the workspace packages they
// depend on, and their other dependencies from the npm registry (or npm's cache).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPackages } from '../../../.ci/pack-packages.mjs';
import { FIXTURES } from './helpers.js';

const ROOT = path.resolve(FIXTURES, '..', '..', '..', '..');
const DRAFT = '# 声明\n\n新政府奉行实用外交。\n';

interface Packed {
  name: string;
  tarball: string;
  bytes: number;
}

let work: string;
const tarballs = new Map<string, string>();

beforeAll(async () => {
  execFileSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, ['packages/cli/scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe' });
  work = await mkdtemp(path.join(tmpdir(), 'nuance-install-'));
  for (const { name, tarball } of packPackages(path.join(work, 'packed')) as Packed[]) {
    tarballs.set(name, tarball);
  }
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** An empty folder with `packages` (by name: their tarballs; else registry specs) installed by npm. */
async function install(folder: string, packages: string[], ...flags: string[]): Promise<string> {
  const dir = path.join(work, folder);
  await mkdir(dir);
  await writeFile(
    path.join(dir, 'package.json'),
    '{"name": "user-project", "private": true, "type": "module"}\n',
  );
  const specs = packages.map((name) => tarballs.get(name) ?? name);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...flags, ...specs], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return dir;
}

const env = () => ({ ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(work, 'cache') });

describe('installing the tarballs', () => {
  it('@nuance/cli installs offline from its tarball alone and runs as `npx nuance`', async () => {
    const dir = await install('cli', ['@nuance/cli'], '--offline');
    await writeFile(path.join(dir, 'statement.zh.md'), DRAFT);
    const run = spawnSync('npx', ['--offline', 'nuance', 'statement.zh.md', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: env(),
    });
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout) as {
      messages: { ruleId: string; line: number; column: number }[];
    }[];
    expect(result!.messages).toEqual([
      expect.objectContaining({ ruleId: 'korea-china/wushi-not-shiyong', line: 3, column: 6 }),
    ]);
    // Its API is the same bundle.
    const api = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "import { main } from '@nuance/cli'; console.log(typeof main)"],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(api.stdout.trim()).toBe('function');
    // What reads a pack's YAML validates it with zod, bundled apart in dist/lib.
    const explain = spawnSync('npx', ['--offline', 'nuance', 'explain', 'korea-china/wushi-not-shiyong'], {
      cwd: dir,
      encoding: 'utf8',
      env: env(),
    });
    // (npx may warn on stderr about the environment's npm settings: only nuance's own lines count.)
    expect(explain.stderr).not.toMatch(/^nuance:/m);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('Jaeho Hwang');
    // `nuance mcp` answers an initialize from the tarball too (its SDK is bundled in dist/mcp.cjs).
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    };
    const mcp = spawnSync('npx', ['--offline', 'nuance', 'mcp'], {
      cwd: dir,
      input: `${JSON.stringify(initialize)}\n`,
      encoding: 'utf8',
      env: env(),
    });
    expect(JSON.parse(mcp.stdout.split('\n')[0]!)).toMatchObject({
      id: 1,
      result: { serverInfo: { name: 'nuance' } },
    });
  });

  it('@nuance/unified: the plugin runs in a unified pipeline', async () => {
    const dir = await install(
      'unified',
      ['@nuance/core', '@nuance/unified', 'unified@11', 'remark-parse@11', 'vfile@6'],
      '--prefer-offline',
    );
    const script = `
      import { compilePacks, parsePack } from '@nuance/core';
      import nuance from '@nuance/unified';
      import remarkParse from 'remark-parse';
      import { unified } from 'unified';
      import { VFile } from 'vfile';
      const { pack } = parsePack(${JSON.stringify(PACK)}, 'team.yaml');
      const { ruleSet } = compilePacks([pack]);
      const processor = unified().use(remarkParse).use(nuance, { ruleSet });
      const file = new VFile(${JSON.stringify(DRAFT)});
      await processor.run(processor.parse(file), file);
      console.log(JSON.stringify(file.messages.map((m) => [m.ruleId, m.line, m.column, m.expected, m.fatal])));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([['team/wushi', 3, 6, ['务实外交'], true]]);
  });

  it('@nuance/language-server: `nuance-language-server --stdio` publishes diagnostics', async () => {
    const dir = await install(
      'language-server',
      [
        '@nuance/core',
        '@nuance/rules',
        '@nuance/config',
        '@nuance/unified',
        '@nuance/bilingual',
        '@nuance/language-server',
      ],
      '--prefer-offline',
    );
    const diagnostics = await lspDiagnostics(dir);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'korea-china/wushi-not-shiyong',
        range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } },
      }),
    ]);
  });

  it('@nuance/remark-nuance: remark-cli runs it from a .remarkrc.json', async () => {
    const dir = await install(
      'remark',
      [
        '@nuance/core',
        '@nuance/rules',
        '@nuance/config',
        '@nuance/unified',
        '@nuance/remark-nuance',
        'remark-cli@12',
      ],
      '--prefer-offline',
    );
    await writeFile(path.join(dir, '.remarkrc.json'), '{"plugins": ["@nuance/remark-nuance"]}\n');
    await writeFile(path.join(dir, 'statement.zh.md'), DRAFT);
    const run = spawnSync('npx', ['--offline', 'remark', 'statement.zh.md', '--no-stdout', '--no-color'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    // A Chinese draft is told in Chinese, in plain text (quotation marks, not backticks).
    expect(run.stderr).toMatch(/3:6-3:10\s+error\s+请用“务实外交”.*korea-china\/wushi-not-shiyong\s+nuance/);
  });
});

const PACK = `pack: team
rules:
  - id: team/wushi
    kind: term
    severity: error
    message: Use {expected}
    terms:
      zh:
        - {text: 务实外交, status: preferred}
        - {text: 实用外交, status: deprecated}
`;

/** Start the installed server's bin, open the draft, and return the diagnostics it publishes. */
function lspDiagnostics(dir: string): Promise<{ code: string; range: unknown }[]> {
  const server = spawn(path.join(dir, 'node_modules', '.bin', 'nuance-language-server'), ['--stdio'], {
    cwd: dir,
  });
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const uri = `file://${path.join(dir, 'statement.zh.md')}`;
  send({
    id: 1,
    method: 'initialize',
    params: { processId: null, rootUri: `file://${dir}`, capabilities: {} },
  });
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      server.kill();
      reject(new Error('no diagnostics within 30 s'));
    }, 30_000);
    server.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
        buffer = buffer.subarray(header + 4 + length);
        if (message.id === 1) {
          send({ method: 'initialized', params: {} });
          send({
            method: 'textDocument/didOpen',
            params: { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } },
          });
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
          clearTimeout(timer);
          server.kill();
          resolve(message.params.diagnostics);
        }
      }
    });
  });
}

// `nuance mcp` driven by the MCP SDK's own client over stdio, as an assistant's host runs it.
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, run, withTempDir, writeTree } from './helpers.js';

const DIST = path.join(FIXTURES, '..', '..', 'dist');

interface McpFinding {
  ruleId: string;
  line: number;
  column: number;
  start: number;
  end: number;
  actual: string;
  expected: string[];
  suggestions?: { start: number; end: number; text: string }[];
}

async function connect(cwd: string, args: string[] = []): Promise<Client> {
  const client = new Client({ name: 'nuance-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [path.join(DIST, 'bin.cjs'), 'mcp', ...args],
      cwd,
      env: { ...(process.env as Record<string, string>), XDG_CACHE_HOME: path.join(cwd, '.cache') },
      stderr: 'pipe',
    }),
  );
  return client;
}

/** The JSON a tool answered with (its one text content). */
function body<T>(result: Awaited<ReturnType<Client['callTool']>>): T {
  const [content] = result.content as { type: string; text: string }[];
  expect(content?.type).toBe('text');
  return JSON.parse(content!.text) as T;
}

describe('nuance mcp', () => {
  let client: Client;
  let folder: string;

  beforeAll(async () => {
    buildCli();
    folder = await mkdtemp(path.join(tmpdir(), 'nuance-mcp-'));
    client = await connect(folder);
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('lists its four tools, each taking text or a rule id', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['explain_rule', 'fix_text', 'lint_text', 'list_rules']);
    for (const tool of tools) {
      const properties = Object.keys(tool.inputSchema.properties ?? {});
      expect(properties.filter((p) => /path|file/i.test(p))).toEqual([]);
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    const lint = tools.find((t) => t.name === 'lint_text')!;
    expect(lint.inputSchema.required).toEqual(['text']);
  });

  it('lints a draft: findings with positions and suggestions', async () => {
    const text = '# 声明\n\n韩方表示，新政府奉行实用外交。\n';
    const result = await client.callTool({ name: 'lint_text', arguments: { text } });
    const { findings } = body<{ findings: McpFinding[] }>(result);
    const wushi = findings.find((f) => f.ruleId === 'korea-china/wushi-not-shiyong');
    expect(wushi).toMatchObject({ line: 3, column: 11, actual: '实用外交', expected: ['务实外交'] });
    expect(text.slice(wushi!.start, wushi!.end)).toBe('实用外交');
    // The edit is the minimal one: 外交 stays.
    expect(wushi!.suggestions?.[0]).toEqual({ start: wushi!.start, end: wushi!.start + 2, text: '务实' });
  });

  it('fixes a draft: 实用外交 comes back as 务实外交', async () => {
    const text = '韩方表示，新政府奉行实用外交。\n';
    const result = await client.callTool({ name: 'fix_text', arguments: { text } });
    const fixed = body<{ output: string; fixed: number; findings: McpFinding[] }>(result);
    expect(fixed.output).toBe('韩方表示，新政府奉行务实外交。\n');
    expect(fixed.fixed).toBe(1);
    expect(fixed.findings.filter((f) => f.ruleId === 'korea-china/wushi-not-shiyong')).toEqual([]);
  });

  it('reads text as text: a path given as the draft is linted, never opened', async () => {
    const result = await client.callTool({ name: 'lint_text', arguments: { text: '/etc/passwd' } });
    expect(body<{ findings: unknown[] }>(result)).toEqual({ findings: [] });
  });

  it('explains a rule, and says so for an unknown one', async () => {
    const result = await client.callTool({
      name: 'explain_rule',
      arguments: { rule: 'korea-china/wushi-not-shiyong' },
    });
    const [content] = result.content as { text: string }[];
    expect(content!.text).toMatch(/^korea-china\/wushi-not-shiyong\n/);
    expect(content!.text).toContain('务实');
    const unknown = await client.callTool({ name: 'explain_rule', arguments: { rule: 'wushi-not-shiyong' } });
    expect(unknown.isError).toBe(true);
    expect((unknown.content as { text: string }[])[0]!.text).toContain(
      'did you mean `korea-china/wushi-not-shiyong`',
    );
  });

  it('lists the rules in effect', async () => {
    const { rules } = body<{ rules: { id: string; severity: string; fixable: string }[] }>(
      await client.callTool({ name: 'list_rules', arguments: {} }),
    );
    expect(rules.find((r) => r.id === 'korea-china/wushi-not-shiyong')).toMatchObject({ fixable: 'yes' });
  });
});

describe('nuance mcp settings', () => {
  it('takes no paths and no check options', async () => {
    for (const [argv, message] of [
      [['mcp', 'drafts/'], '`nuance mcp` takes no arguments'],
      [['mcp', '--fix'], '`--fix` applies to `nuance check` only'],
      [['mcp', '--format', 'json'], '`--format` does not apply to `nuance mcp`'],
    ] as const) {
      const result = await run([...argv], FIXTURES);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it('uses the .nuancerc.yaml of the folder it runs in', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        '.nuancerc.yaml': 'rules:\n  korea-china/wushi-not-shiyong: off\n',
      });
      const client = await connect(dir);
      try {
        const result = await client.callTool({ name: 'lint_text', arguments: { text: '奉行实用外交。' } });
        const { findings } = body<{ findings: McpFinding[] }>(result);
        expect(findings.map((f) => f.ruleId)).not.toContain('korea-china/wushi-not-shiyong');
        const { rules } = body<{ rules: { id: string; severity: string }[] }>(
          await client.callTool({ name: 'list_rules', arguments: {} }),
        );
        expect(rules.find((r) => r.id === 'korea-china/wushi-not-shiyong')?.severity).toBe('off');
      } finally {
        await client.close();
      }
    });
  });

  it('applies a config edited while it runs', async () => {
    await withTempDir(async (dir) => {
      const config = path.join(dir, '.nuancerc.yaml');
      await writeTree(dir, { '.nuancerc.yaml': 'rules:\n  korea-china/wushi-not-shiyong: off\n' });
      const client = await connect(dir);
      try {
        const ids = async () =>
          body<{ findings: McpFinding[] }>(
            await client.callTool({ name: 'lint_text', arguments: { text: '奉行实用外交。' } }),
          ).findings.map((f) => f.ruleId);
        expect(await ids()).toEqual([]);
        await writeFile(config, 'rules:\n  korea-china/wushi-not-shiyong: warning\n');
        await utimes(config, new Date(), new Date(Date.now() + 5_000));
        expect(await ids()).toEqual(['korea-china/wushi-not-shiyong']);
      } finally {
        await client.close();
      }
    });
  });

  it('keeps the SDK out of the CLI bundle that every run loads', async () => {
    const bundle = await readFile(path.join(DIST, 'nuance.cjs'), 'latin1');
    expect(bundle).not.toContain('modelcontextprotocol');
    expect(await readFile(path.join(DIST, 'mcp.cjs'), 'latin1')).toContain('StdioServerTransport');
  });
});

// The generated pack schema, as an editor sees it: the YAML language server (the engine of the
// VS Code YAML extension and of most editors' YAML support) is started over stdio on a pack file
// that references the schema through its `# yaml-language-server: $schema=...` first line, and
// asked for completions and diagnostics.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const serverBin = join(
  dirname(require.resolve('yaml-language-server/package.json')),
  'bin',
  'yaml-language-server',
);
// A document beside the real pack, so the relative $schema path resolves as it does for authors.
const docUri = pathToFileURL(join(here, '..', 'korea-china', 'editor-check.yaml')).href;

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

class StdioClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly listeners: Array<(m: Message) => void> = [];

  constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1],
      );
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body) as Message;
      if (message.id !== undefined && message.method === undefined) this.pending.get(message.id)?.(message);
      else if (message.method !== undefined && message.id !== undefined) {
        // Server-to-client requests (workspace/configuration, capability registration): answer them.
        const result =
          message.method === 'workspace/configuration' ? [{ validate: true, completion: true }] : null;
        this.write({ id: message.id, result });
      } else for (const l of this.listeners) l(message);
    }
  }

  private write(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.child.stdin?.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result)));
      this.write({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ method, params });
  }

  waitFor(method: string, accept: (params: unknown) => boolean): Promise<unknown> {
    return new Promise((resolve) => {
      this.listeners.push((m) => {
        if (m.method === method && accept(m.params)) resolve(m.params);
      });
    });
  }
}

const HEADER = '# yaml-language-server: $schema=../../packages/core/schema/pack.schema.json\n';

describe('the pack schema in the YAML language server', () => {
  let child: ChildProcess;
  let client: StdioClient;
  let version = 1;

  beforeAll(async () => {
    child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    client = new StdioClient(child);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } },
    });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', {
      settings: { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } },
    });
  });

  afterAll(() => {
    child.kill();
  });

  async function open(text: string): Promise<void> {
    if (version === 1) {
      client.notify('textDocument/didOpen', {
        textDocument: { uri: docUri, languageId: 'yaml', version, text },
      });
    } else {
      client.notify('textDocument/didChange', {
        textDocument: { uri: docUri, version },
        contentChanges: [{ text }],
      });
    }
    version++;
  }

  async function labelsAt(text: string, line: number, character: number): Promise<string[]> {
    await open(text);
    const result = (await client.request('textDocument/completion', {
      textDocument: { uri: docUri },
      position: { line, character },
    })) as { items?: Array<{ label: string }> } | Array<{ label: string }> | null;
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return items.map((i) => i.label);
  }

  it('completes the keys of a rule', async () => {
    const text = `${HEADER}pack: team\nrules:\n  - id: team/x\n    \n`;
    const labels = await labelsAt(text, 4, 4);
    expect(labels).toEqual(
      expect.arrayContaining(['kind', 'severity', 'message', 'note', 'source', 'examples']),
    );
  });

  it('completes the values of severity', async () => {
    const text = `${HEADER}pack: team\nrules:\n  - id: team/x\n    severity: \n`;
    const labels = await labelsAt(text, 4, 14);
    expect(labels).toEqual(expect.arrayContaining(['error', 'warning', 'info', 'hint']));
  });

  it('reports a wrong severity and an unknown key at their lines', async () => {
    const text = `${HEADER}pack: team\nrules:\n  - id: team/x\n    kind: caution\n    severity: loud\n    message: m\n    phrases: [a]\n    colour: red\n`;
    // The diagnostics of this text: the server may still publish those of the earlier tests' texts
    // (validating against the pack schema's six rule kinds takes a while), which have no line 8.
    const diagnostics = client.waitFor('textDocument/publishDiagnostics', (p) => {
      const d = p as { uri: string; version?: number; diagnostics: { range: { start: { line: number } } }[] };
      return (
        d.uri === docUri && d.diagnostics.length >= 2 && d.diagnostics.some((x) => x.range.start.line === 8)
      );
    });
    await open(text);
    const { diagnostics: list } = (await diagnostics) as {
      diagnostics: Array<{ message: string; range: { start: { line: number } } }>;
    };
    const lines = list.map((d) => d.range.start.line).sort();
    expect(lines).toEqual(expect.arrayContaining([5, 8]));
    expect(list.find((d) => d.range.start.line === 5)?.message).toMatch(/error|warning|info|hint|allowed/i);
    expect(list.find((d) => d.range.start.line === 8)?.message).toMatch(/not allowed|colour/i);
  });
});

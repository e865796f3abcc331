// A scripted LSP client for tests: the server in-process over a pair of PassThrough streams, or a
// child process over stdio. It answers the server's requests the way an editor would, applying
// workspace edits to its open documents and writing other files to disk (as an editor that saves).
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createServer } from '../src/server.js';
import type { ServerOptions } from '../src/server-state.js';

export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    // As VS Code declares them: the server sends neither to a client that does not.
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
    codeAction: { dataSupport: true, isPreferredSupport: true },
    hover: { contentFormat: ['markdown'] },
  },
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
};

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Workspace folders (absolute paths); none means no workspace folder at all. */
  folders?: string[];
  /** The answer to each `workspace/configuration` item; default: null (use the defaults). */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  /** The client's UI locale (`initialize`'s `locale`), as VS Code sends `vscode.env.language`. */
  locale?: string;
  /** The server's own options (in-process only). */
  server?: ServerOptions;
}

export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly log: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  readonly docs = new Map<string, TextDocument>();
  private waiters: Array<() => void> = [];

  constructor(
    readonly connection: ProtocolConnection,
    private readonly options: ClientOptions,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.log.push(params);
      this.wake();
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string }> }) =>
      params.items.map((item) => options.configuration?.(item) ?? null),
    );
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      this.wake();
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.applyWorkspaceEdit(params.edit);
      return { applied: true };
    });
    connection.listen();
  }

  refreshes = 0;
  /** The methods the server registered for (`client/registerCapability`). */
  readonly registrations: string[] = [];

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  async initialize(): Promise<unknown> {
    const folders = this.options.folders ?? [];
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders:
        folders.length > 0 ? folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })) : null,
      capabilities: this.options.capabilities ?? PUSH_CAPABILITIES,
      initializationOptions: this.options.initializationOptions ?? { debounce: 0 },
      ...(this.options.locale !== undefined ? { locale: this.options.locale } : {}),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves when `check` holds, re-checking after every server message. */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The diagnostics published for the document's current version that satisfy `check`. */
  async diagnostics(uri: string, check: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.published.get(uri);
      const doc = this.docs.get(uri);
      if (!p || (doc && p.version !== undefined && p.version !== doc.version)) return undefined;
      return check(p.diagnostics) ? p.diagnostics : undefined;
    }, `diagnostics for ${uri}`);
  }

  async open(uri: string, text: string, languageId = languageOf(uri)): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: next.version },
      contentChanges: changes,
    });
  }

  async applyEdits(uri: string, edits: TextEdit[]): Promise<void> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    // Sent as one change each, last first, as editors do, so earlier ranges stay valid.
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    await this.change(
      uri,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  text(uri: string): string {
    return this.docs.get(uri)?.getText() ?? '';
  }

  private applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const perUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') {
          const file = fileURLToPath(change.uri);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, '', { flag: 'a' });
        }
        continue;
      }
      perUri.set(change.textDocument.uri, [...(perUri.get(change.textDocument.uri) ?? []), ...change.edits]);
    }
    for (const [uri, edits] of perUri) {
      if (this.docs.has(uri)) {
        void this.applyEdits(uri, edits);
        continue;
      }
      const file = fileURLToPath(uri);
      const before = readFileSync(file, 'utf8');
      const doc = TextDocument.create(uri, 'yaml', 0, before);
      writeFileSync(file, TextDocument.applyEdits(doc, edits));
    }
  }

  /** Shut the server down; `exit` only for a child process (in-process it would end vitest). */
  async shutdown(exit = false): Promise<void> {
    await this.connection.sendRequest('shutdown');
    if (exit) await this.connection.sendNotification('exit');
    this.connection.dispose();
  }
}

export function uriOf(file: string): string {
  return new URL(`file://${file}`).href;
}

function languageOf(uri: string): string {
  return /\.(?:md|markdown)$/i.test(uri) ? 'markdown' : 'plaintext';
}

/** Server and client in this process, over two PassThrough streams. */
export async function inProcess(options: ClientOptions = {}): Promise<TestClient> {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(up, down);
  createServer(server, options.server);
  server.listen();
  const client = new TestClient(createProtocolConnection(down, up), options);
  await client.initialize();
  return client;
}

/** A client over the stdio of a server child process. */
export async function overStdio(child: ChildProcess, options: ClientOptions = {}): Promise<TestClient> {
  if (!child.stdout || !child.stdin) throw new Error('no stdio');
  const client = new TestClient(createProtocolConnection(child.stdout, child.stdin), options);
  await client.initialize();
  return client;
}

/** Per-test temp folders and in-process clients, cleaned up after each test. */
export function useTestResources(prefix: string): {
  tempDir(): string;
  client(options?: ClientOptions): Promise<TestClient>;
} {
  const dirs: string[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.shutdown().catch(() => {});
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    tempDir() {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    async client(options = {}) {
      const c = await inProcess(options);
      clients.push(c);
      return c;
    },
  };
}

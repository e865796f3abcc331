/// <reference types="node" />
// The language server, independent of its transport: tests run it in-process, the bin over stdio.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME } from '@nuance/config';
import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS, codeActions, FIX_ALL_KIND } from './code-actions.js';
import { createConfigStore } from './config-store.js';
import { problemDiagnostic } from './diagnostics.js';
import { explainFinding, findingsAt } from './hover.js';
import { type DocumentState, type LintDeps, lintNow, newState, pathOf } from './linting.js';
import { type ClientSettings, DEFAULT_SETTINGS, normalizeSettings } from './settings.js';
import { FolderWatcher } from './watcher.js';
import { fixAllEdits, runCommand } from './workspace-commands.js';

export interface ServerOptions {
  /** Delay between a change and its lint; `initializationOptions.debounce` overrides it. */
  debounceMs?: number;
}

interface ClientFeatures {
  pull: boolean;
  configuration: boolean;
  watchedFiles: boolean;
  refresh: boolean;
  createFiles: boolean;
}

/** Wire a nuance language server onto `connection`. The caller calls `connection.listen()`. */
export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const settingsCache = new Map<string, Promise<ClientSettings>>();
  let globalSettings: ClientSettings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let debounceMs = options.debounceMs ?? 200;
  let features: ClientFeatures = {
    pull: false,
    configuration: false,
    watchedFiles: false,
    refresh: false,
    createFiles: false,
  };
  let problemUris = new Set<string>();
  const store = createConfigStore(() => void publishProblems());
  const watcher = new FolderWatcher(new Set([CONFIG_FILE_NAME]), () => reload());

  const stateOf = (uri: string): DocumentState => {
    let state = states.get(uri);
    if (!state) {
      state = newState();
      states.set(uri, state);
    }
    return state;
  };

  const folderFor = (uri: string): string | undefined => {
    const file = pathOf(uri);
    if (!file) return folders[0];
    // The innermost workspace folder holding the file; none means the file's own folder.
    return folders
      .filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  };

  const settingsFor = (uri: string): Promise<ClientSettings> => {
    if (!features.configuration) return Promise.resolve(globalSettings);
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'nuance' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  const deps: LintDeps = { store, settingsFor, folderFor, document: (uri) => documents.get(uri) };

  /** Lint, reporting an internal error once per document instead of crashing. */
  const safeLint = async (uri: string) => {
    const state = stateOf(uri);
    try {
      return await lintNow(uri, state, deps);
    } catch (error) {
      if (!state.reported) {
        state.reported = true;
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        connection.console.error(`nuance: internal error while linting ${uri}: ${detail}`);
      }
      return undefined;
    }
  };

  const schedule = (uri: string, delay: number): void => {
    if (features.pull) return;
    const state = stateOf(uri);
    if (state.timer) clearTimeout(state.timer);
    const generation = ++state.generation;
    state.timer = setTimeout(async () => {
      state.timer = undefined;
      const result = await safeLint(uri);
      // A newer edit or a reload started another lint: this result is stale.
      if (!result || state.generation !== generation || !documents.get(uri)) return;
      void connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
    }, delay);
  };

  const publishProblems = async (): Promise<void> => {
    const byFile = new Map<string, Diagnostic[]>();
    const texts = new Map<string, string | undefined>();
    for (const problem of await store.problems().catch(() => [])) {
      if (!path.isAbsolute(problem.file)) continue;
      if (!texts.has(problem.file)) {
        texts.set(problem.file, await readFile(problem.file, 'utf8').catch(() => undefined));
      }
      const uri = pathToFileURL(problem.file).href;
      byFile.set(uri, [...(byFile.get(uri) ?? []), problemDiagnostic(problem, texts.get(problem.file))]);
    }
    for (const uri of problemUris) {
      if (!byFile.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    for (const [uri, diagnostics] of byFile) void connection.sendDiagnostics({ uri, diagnostics });
    problemUris = new Set(byFile.keys());
    if (!features.watchedFiles) {
      const files = await store.watchedFiles().catch(() => []);
      const dirs = [...folders];
      for (const document of documents.all()) {
        const file = pathOf(document.uri);
        if (file) dirs.push(path.dirname(file));
      }
      watcher.update(dirs, files);
    }
  };

  const relint = (): void => {
    if (features.pull) {
      if (features.refresh) void connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.all()) schedule(document.uri, 0);
    }
    // Configs nobody uses any more still get their problems cleared.
    if (documents.all().length === 0) void publishProblems();
  };

  const reload = (): void => {
    store.invalidate();
    relint();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    features = {
      pull: caps.textDocument?.diagnostic !== undefined,
      configuration: caps.workspace?.configuration === true,
      watchedFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      refresh: caps.workspace?.diagnostics?.refreshSupport === true,
      createFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    };
    const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
    if (typeof init.debounce === 'number' && init.debounce >= 0) debounceMs = init.debounce;
    if (init.settings !== undefined) globalSettings = normalizeSettings(init.settings);
    const fromFolders = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri));
    const root = params.rootUri ? pathOf(params.rootUri) : undefined;
    folders = [...fromFolders, root].filter((f): f is string => f !== undefined);
    folders = [...new Set(folders)];
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'nuance-language-server', version: '0.1.0' },
    };
    if (features.pull) {
      result.capabilities.diagnosticProvider = {
        identifier: 'nuance',
        interFileDependencies: false,
        workspaceDiagnostics: false,
      };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (features.configuration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'nuance' })
        .catch(() => {});
    }
    if (features.watchedFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{yaml,yml}' }],
        })
        .catch(() => {});
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const settings = (change.settings as Record<string, unknown> | null | undefined)?.nuance;
    if (!features.configuration) globalSettings = normalizeSettings(settings);
    reload();
  });

  connection.onDidChangeWatchedFiles((params) => {
    // Every change is passed on (no short cut): each drops the configs that read that file.
    const dropped = params.changes
      .map((c) => pathOf(c.uri))
      .filter((f) => f !== undefined && store.invalidate(f));
    if (dropped.length > 0) relint();
  });

  connection.onNotification('workspace/didChangeWorkspaceFolders', (params) => {
    const event = (params as { event?: { added?: { uri: string }[]; removed?: { uri: string }[] } }).event;
    const removed = new Set((event?.removed ?? []).map((f) => pathOf(f.uri)));
    folders = folders.filter((f) => !removed.has(f));
    for (const f of event?.added ?? []) {
      const file = pathOf(f.uri);
      if (file) folders.push(file);
    }
    reload();
  });

  documents.onDidOpen((event) => schedule(event.document.uri, 0));
  documents.onDidChangeContent((event) => {
    // didOpen also fires a content change; the open lint is already scheduled.
    if (event.document.version === stateOf(event.document.uri).version) return;
    schedule(event.document.uri, debounceMs);
  });
  documents.onDidClose((event) => {
    const state = states.get(event.document.uri);
    if (state?.timer) clearTimeout(state.timer);
    states.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    if (!features.pull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    const result = await safeLint(uri);
    if (token.isCancellationRequested) return { kind: 'full', items: [] };
    return { kind: 'full', items: result?.diagnostics ?? [] };
  });

  /** Findings of the document's current version (re-linting when an edit is pending). */
  const currentFindings = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const state = stateOf(uri);
    if (state.version !== document.version) await safeLint(uri);
    return { document, state };
  };

  connection.onHover(async (params) => {
    const current = await currentFindings(params.textDocument.uri);
    if (!current) return null;
    const offset = current.document.offsetAt(params.position);
    const found = findingsAt(current.state.findings, offset);
    if (found.length === 0) return null;
    const first = found[0];
    if (!first) return null;
    const value = found
      .map((f) => explainFinding(f, current.state.ruleSet?.get(f.ruleId)))
      .join('\n\n---\n\n');
    return {
      contents: { kind: 'markdown', value },
      range: {
        start: current.document.positionAt(first.start),
        end: current.document.positionAt(first.end),
      },
    };
  });

  connection.onCodeAction(async (params) => {
    const current = await currentFindings(params.textDocument.uri);
    if (!current) return [];
    return codeActions(current.document, params, () => fixAllEdits(current.document, current.state));
  });

  connection.onExecuteCommand(async (params) =>
    runCommand(params, {
      connection,
      documents,
      folderFor,
      createFiles: () => features.createFiles,
      current: currentFindings,
      afterConfigWrite: reload,
    }),
  );

  connection.onShutdown(() => {
    watcher.close();
    for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
  });

  documents.listen(connection);
}

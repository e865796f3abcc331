/// <reference types="node" />
// `initialize` (what the client can do, what we offer), `initialized` (the notifications we ask
// for) and `shutdown`.
import path from 'node:path';
import { CONFIG_FILE_NAME } from '@nuance/config';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { COMMANDS, FIX_ALL_KIND } from './code-actions.js';
import { ruleSetCacheIn } from './config-resolver.js';
import { pathOf } from './linting.js';
import { RuleDocs } from './rule-docs.js';
import { clientFeatures, type ServerState } from './server-state.js';
import { normalizeSettings } from './settings.js';
import { didChangeWorkspaceFolders } from './workspace-events.js';

export function initialize(server: ServerState, params: InitializeParams): InitializeResult {
  server.features = clientFeatures(params.capabilities);
  const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
  if (typeof init.debounce === 'number' && init.debounce >= 0) server.debounceMs = init.debounce;
  if (init.settings !== undefined) server.globalSettings = normalizeSettings(init.settings);
  if (typeof init.packDocs === 'string' && path.isAbsolute(init.packDocs)) {
    server.ruleDocs = new RuleDocs(path.normalize(init.packDocs));
  }
  if (typeof params.locale === 'string') server.uiLocale = params.locale;
  if (typeof init.cacheFolder === 'string') {
    const cache = ruleSetCacheIn(init.cacheFolder);
    if (cache) server.ruleSetCache = cache;
  }
  const fromFolders = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri));
  const root = params.rootUri ? pathOf(params.rootUri) : undefined;
  server.folders = [...new Set([...fromFolders, root].filter((f): f is string => f !== undefined))];
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
  if (server.features.pull) {
    result.capabilities.diagnosticProvider = {
      identifier: 'nuance',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    };
  }
  return result;
}

/**
 * Ask for settings changes and config and pack file changes, where the client can send them, and
 * follow workspace folder changes.
 */
export function initialized(server: ServerState): void {
  const { client, workspace } = server.connection;
  // For a client that declares workspace folders, vscode-languageserver takes the notification
  // over at `initialize` (replacing createServer's handler) and passes it on only through this event.
  if (server.features.workspaceFolders) {
    workspace.onDidChangeWorkspaceFolders((event) => didChangeWorkspaceFolders(server, { event }));
  }
  if (server.features.configuration) {
    void client.register(DidChangeConfigurationNotification.type, { section: 'nuance' }).catch(() => {});
  }
  if (server.features.watchedFiles) {
    void client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{yaml,yml,tbx,csv,tsv}' }],
      })
      .catch(() => {});
  }
}

export function shutdown(server: ServerState): void {
  server.shutDown = true;
  server.watcher.close();
  for (const state of server.documentStates.values()) state.cancel?.();
}

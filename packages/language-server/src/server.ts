// The language server, independent of its transport: tests run it in-process, the bin over stdio.
// The handlers are functions of one `ServerState` (see server-state); this only wires them up.

import type { RuleSetCache } from '@nuance/config';
import {
  type Connection,
  DidChangeWorkspaceFoldersNotification,
  ErrorCodes,
  ResponseError,
} from 'vscode-languageserver';
import { initialize, initialized, shutdown } from './lifecycle.js';
import { codeAction, hover } from './requests.js';
import { didChangeContent, didClose, didOpen, pullDiagnostics } from './scheduling.js';
import { createServerState, type ServerOptions, type ServerState } from './server-state.js';
import { runCommand } from './workspace-commands.js';
import {
  afterPrecompile,
  didChangeConfiguration,
  didChangeWatchedFiles,
  didChangeWorkspaceFolders,
  filesChanged,
  publishProblems,
  reload,
} from './workspace-events.js';

/** Wire a nuance language server onto `connection`. The caller calls `connection.listen()`. */
export function createServer(connection: Connection, options: ServerOptions = {}): ServerHandle {
  const server: ServerState = createServerState(connection, options, {
    configLoaded: () => void publishProblems(server),
    watchedFileChanged: (files) =>
      files === undefined
        ? void afterPrecompile(server, undefined, () => reload(server))
        : filesChanged(server, files),
  });
  // After `shutdown` a request is an error and a notification does nothing (LSP lifecycle).
  const request =
    <P, R, E extends unknown[]>(handler: (params: P, ...extra: E) => R) =>
    (params: P, ...extra: E): R => {
      if (server.shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, SHUT_DOWN);
      return handler(params, ...extra);
    };
  const notification =
    <P>(handler: (params: P) => void) =>
    (params: P): void => {
      if (!server.shutDown) handler(params);
    };
  connection.onInitialize(request((params) => initialize(server, params)));
  connection.onInitialized(notification(() => initialized(server)));
  connection.onDidChangeConfiguration(notification((params) => void didChangeConfiguration(server, params)));
  connection.onDidChangeWatchedFiles(notification((params) => didChangeWatchedFiles(server, params)));
  // Only for clients that do not declare workspace folders: see `initialized`.
  connection.onNotification(
    DidChangeWorkspaceFoldersNotification.type,
    notification((params) => didChangeWorkspaceFolders(server, params)),
  );
  const { documents } = server;
  documents.onDidOpen(notification((event) => didOpen(server, event)));
  documents.onDidChangeContent(notification((event) => didChangeContent(server, event)));
  documents.onDidClose(notification((event) => didClose(server, event)));
  connection.languages.diagnostics.on(request((params, token) => pullDiagnostics(server, params, token)));
  connection.onHover(request((params) => hover(server, params)));
  connection.onCodeAction(request((params) => codeAction(server, params)));
  connection.onExecuteCommand(request((params) => runCommand(server, params)));
  connection.onShutdown(request(() => shutdown(server)));
  documents.listen(connection);
  return {
    isShutDown: () => server.shutDown,
    keepRuleSetsIn: (cache) => {
      server.ruleSetCache ??= cache;
    },
  };
}

/** What the bin needs to know of a running server. */
export interface ServerHandle {
  /** Whether `shutdown` was received (then an end of input is a clean exit). */
  isShutDown(): boolean;
  /**
   * Where compiled packs are kept when the client names no folder (`initializationOptions
   * .cacheFolder`, which wins): the bin's, the user's cache folder (launch.cts).
   */
  keepRuleSetsIn(cache: RuleSetCache): void;
}

const SHUT_DOWN = 'The server is shut down: only `exit` is accepted';

// The language server, independent of its transport: tests run it in-process, the bin over stdio.
// The handlers are functions of one `ServerState` (see server-state); this only wires them up.
import { type Connection, DidChangeWorkspaceFoldersNotification } from 'vscode-languageserver';
import { initialize, initialized, shutdown } from './lifecycle.js';
import { codeAction, hover } from './requests.js';
import { didChangeContent, didClose, didOpen, pullDiagnostics } from './scheduling.js';
import { createServerState, type ServerOptions, type ServerState } from './server-state.js';
import { runCommand } from './workspace-commands.js';
import {
  didChangeConfiguration,
  didChangeWatchedFiles,
  didChangeWorkspaceFolders,
  publishProblems,
  reload,
} from './workspace-events.js';

/** Wire a nuance language server onto `connection`. The caller calls `connection.listen()`. */
export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const server: ServerState = createServerState(connection, options, {
    configLoaded: () => void publishProblems(server),
    watchedFileChanged: () => reload(server),
  });
  connection.onInitialize((params) => initialize(server, params));
  connection.onInitialized(() => initialized(server));
  connection.onDidChangeConfiguration((params) => didChangeConfiguration(server, params));
  connection.onDidChangeWatchedFiles((params) => didChangeWatchedFiles(server, params));
  // Only for clients that do not declare workspace folders: see `initialized`.
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (params) =>
    didChangeWorkspaceFolders(server, params),
  );
  const { documents } = server;
  documents.onDidOpen((event) => didOpen(server, event));
  documents.onDidChangeContent((event) => didChangeContent(server, event));
  documents.onDidClose((event) => didClose(server, event));
  connection.languages.diagnostics.on((params, token) => pullDiagnostics(server, params, token));
  connection.onHover((params) => hover(server, params));
  connection.onCodeAction((params) => codeAction(server, params));
  connection.onExecuteCommand((params) => runCommand(server, params));
  connection.onShutdown(() => shutdown(server));
  documents.listen(connection);
}

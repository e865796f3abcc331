#!/usr/bin/env node
/// <reference types="node" />
// `nuance-language-server --stdio` (also `--node-ipc` and `--socket=N`, chosen by
// vscode-languageserver from the arguments).
import { format } from 'node:util';
import { RuleSetCache } from '@nuance/config';
import { createConnection, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { StdioMessageWriter } from './message-writer.js';
import { isPrecompileWorker, servePrecompileJobs } from './precompile.js';
import { createServer, type ServerHandle } from './server.js';

// The same bundle is the worker that compiles changed packs (precompile.ts): it serves no client.
const worker = isPrecompileWorker();
const server = worker ? undefined : serve();
if (worker) servePrecompileJobs();

function serve(): ServerHandle {
  // Over stdio the reader is ours, so a message it cannot read (a malformed `Content-Length`, a
  // header line without `:`, a body that is not JSON) ends the server with a message on stderr:
  // vscode-jsonrpc only reports it, and the stream is out of step from there, so the server would
  // wait forever. An end of input is an exit, as vscode-languageserver does for its own streams.
  const stdio = process.argv.includes('--stdio');
  const reader = stdio ? new StreamMessageReader(process.stdin) : undefined;
  const connection =
    reader === undefined
      ? createConnection(ProposedFeatures.all)
      : createConnection(ProposedFeatures.all, reader, new StdioMessageWriter(process.stdout));
  const server = createServer(connection);
  if (reader) {
    // stdout carries the protocol: what the code prints goes to the client's log instead (as
    // vscode-languageserver does when it makes the stdio streams itself).
    const log = (...args: unknown[]) => connection.console.log(format(...args));
    console.log = console.info = console.debug = log;
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = (...args: unknown[]) => connection.console.error(format(...args));
    reader.onError((error) => {
      process.stderr.write(
        `nuance-language-server: cannot read a message, closing the connection: ${error.message}\n`,
      );
      process.exit(1);
    });
    reader.onClose(() => process.exit(server.isShutDown() ? 0 : 1));
  }
  // A failure in one handler is logged; it never ends the server, whose other documents go on.
  process.on('unhandledRejection', (reason) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    connection.console.error(`nuance: internal error: ${detail}`);
  });
  connection.listen();
  return server;
}

/**
 * Called by the launcher (launch.cts) as soon as the bundle has run, before any message is read:
 * the user's cache folder (the code cache's, `$XDG_CACHE_HOME/nuance` or the platform's) and the
 * key of this build, so that a client that names no folder for compiled packs (Neovim, Helix,
 * Zed...: only the VS Code extension gives one) still compiles a large pack once per content, not
 * at every start: a 10,000-term termbase took 1.1 s to compile before each start's first
 * diagnostics. Kept in `<folder>/rule-sets`, beside the CLI's, for this build only.
 */
export function useCacheFolder(folder: string, codeKey: string): void {
  server?.keepRuleSetsIn(RuleSetCache.inFolder(folder, codeKey));
}

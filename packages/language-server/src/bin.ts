#!/usr/bin/env node
/// <reference types="node" />
// `nuance-language-server --stdio` (also `--node-ipc` and `--socket=N`, chosen by
// vscode-languageserver from the arguments).
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { StdioMessageWriter } from './message-writer.js';
import { createServer } from './server.js';

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

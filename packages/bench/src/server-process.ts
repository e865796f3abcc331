// A language server the bench talks to as an editor does: `nuance-language-server`, a process of
// its own, over stdio (Neovim, Helix, Zed and the VS Code extension) or over Node's IPC channel
// (`--node-ipc`, what the VS Code extension used until 5 December 2026).
import { type ChildProcess, fork, spawn } from 'node:child_process';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { serverBin } from './paths.js';

/** How the client reaches the server: its stdin and stdout, or Node's IPC channel (`--node-ipc`). */
export type Transport = 'stdio' | 'ipc';

/**
 * `run` with a connection to a new server process (and its pid), then the server shut down and
 * exited as a client ends a session; killed if `run` throws. Over IPC it is forked as
 * vscode-languageclient forks a module (its output, which IPC leaves to the code's own prints,
 * ignored).
 */
export async function withServerProcess<T>(
  run: (connection: ProtocolConnection, pid: number | undefined) => Promise<T>,
  transport: Transport = 'stdio',
): Promise<T> {
  const { child, connection } = transport === 'ipc' ? overIpc() : overStdio();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const result = await run(connection, child.pid);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exited;
    return result;
  } finally {
    connection.dispose();
    child.kill();
  }
}

function overStdio(): { child: ChildProcess; connection: ProtocolConnection } {
  const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return { child, connection: createProtocolConnection(child.stdout, child.stdin) };
}

function overIpc(): { child: ChildProcess; connection: ProtocolConnection } {
  const child = fork(serverBin, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: [],
  });
  return {
    child,
    connection: createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)),
  };
}

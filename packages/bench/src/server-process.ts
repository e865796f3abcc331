// A language server the bench talks to as an editor does: `nuance-language-server --stdio`, a
// process of its own.
import { spawn } from 'node:child_process';
import { createProtocolConnection, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { serverBin } from './paths.js';

/**
 * `run` with a connection to a new server process (and its pid), then the server shut down and
 * exited as a client ends a session; killed if `run` throws.
 */
export async function withServerProcess<T>(
  run: (connection: ProtocolConnection, pid: number | undefined) => Promise<T>,
): Promise<T> {
  const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(child.stdout, child.stdin);
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

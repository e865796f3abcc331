// The built server over stdio, fed what no client should send: it must say so and close, never
// wait forever for a message it cannot frame.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServer, root, serverBin } from './build.js';

beforeAll(() => buildServer());

/** Start the server, write `input`, and wait for it to exit (or fail the test after 10 s). */
function exitAfter(input: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: root, stdio: 'pipe' });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`still running after 10 s; stderr: ${stderr}`));
    }, 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
    child.stdin.write(input);
  });
}

describe('a malformed message over stdio', () => {
  it.each([
    [
      'a Content-Length that is not a number',
      'Content-Length: abc\r\n\r\n{}',
      'Content-Length value must be a number',
    ],
    ['no Content-Length', 'Content-Type: application/json\r\n\r\n{}', 'Header must provide a Content-Length'],
    [
      'a header line without a colon',
      'hello\r\n\r\n',
      "Message header must separate key and value using ':'",
    ],
  ])(
    '%s: logs why and closes the connection',
    async (_name, input, reason) => {
      const { code, stderr, stdout } = await exitAfter(input);
      expect(code).toBe(1);
      expect(stderr).toContain('nuance-language-server: cannot read a message, closing the connection: ');
      expect(stderr).toContain(reason);
      expect(stdout).toBe('');
    },
    20_000,
  );

  it('an end of input before shutdown exits with 1', async () => {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: root, stdio: 'pipe' });
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.stdin.end();
    });
    expect(code).toBe(1);
  }, 20_000);
});

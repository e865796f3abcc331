import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Message, StreamMessageReader } from 'vscode-languageserver/node';
import { StdioMessageWriter } from '../src/message-writer.js';

const push = (version: number, count: number) =>
  ({
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: {
      uri: 'file:///statement.md',
      version,
      diagnostics: Array.from({ length: count }, (_, i) => ({
        range: { start: { line: i, character: 0 }, end: { line: i, character: 4 } },
        message: `实用外交 ${version}/${i}`,
        source: 'nuance',
      })),
    },
  }) as Message;

describe('StdioMessageWriter', () => {
  it('sends every message whole and in order through a pipe, though each reuses the last one’s buffer', async () => {
    // `cat` hands back what goes through the pipe, to a reader as the client's.
    const cat = spawn('cat', [], { stdio: ['pipe', 'pipe', 'inherit'] });
    const writer = new StdioMessageWriter(cat.stdin);
    const reader = new StreamMessageReader(cat.stdout);
    const got: Message[] = [];
    const all = new Promise<void>((resolve) =>
      reader.listen((message) => {
        got.push(message);
        if (got.length === 60) resolve();
      }),
    );
    // Not awaited one by one: sizes up and down, the largest past a pipe's 64 KB, the log in UTF-8.
    const sent: Message[] = [];
    for (let i = 0; i < 60; i++) {
      const message =
        i % 7 === 3
          ? ({
              jsonrpc: '2.0',
              method: 'window/logMessage',
              params: { type: 3, message: `로그 ${i}` },
            } as Message)
          : push(i, [1, 900, 3, 40][i % 4] as number);
      sent.push(message);
      void writer.write(message);
    }
    await all;
    expect(got).toEqual(JSON.parse(JSON.stringify(sent)));
    writer.end();
    await new Promise((resolve) => cat.on('exit', resolve));
  });

  it('rejects a write the stream fails, and reports it with the message and a count', async () => {
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('EPIPE'));
      },
    });
    failing.on('error', () => {});
    const writer = new StdioMessageWriter(failing);
    const reported: [Error, Message | undefined, number | undefined][] = [];
    writer.onError((event) => reported.push(event));
    const message = push(1, 2);
    await expect(writer.write(message)).rejects.toThrow('EPIPE');
    expect(reported.find(([, m]) => m === message)?.[2]).toBe(1);
    // The writer goes on: the next message is tried (the stream is destroyed now) and counted.
    const next = push(2, 1);
    await expect(writer.write(next)).rejects.toThrow();
    expect(reported.find(([, m]) => m === next)?.[2]).toBe(2);
  });
});

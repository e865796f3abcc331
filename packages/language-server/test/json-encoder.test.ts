import { describe, expect, it } from 'vitest';
import type { Message } from 'vscode-languageserver';
import { messageBytes, messageJson, ReusedBuffer, wireBytes } from '../src/json-encoder.js';

const diagnostic = (line: number) => ({
  range: { start: { line, character: 0 }, end: { line, character: 2 } },
  severity: 2,
  code: 't/rule',
  source: 'nuance',
  message: '“实用外交” \u2028 "quoted" \\ \u0000',
  data: { nuance: 1, actual: '实用' },
});

describe('messageJson', () => {
  const messages: Message[] = [
    {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///d.md', version: 3, diagnostics: [diagnostic(0), diagnostic(1)] },
    } as Message,
    {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'u', diagnostics: [] },
    } as Message,
    { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: '4', items: [diagnostic(2)] } } as Message,
    { jsonrpc: '2.0', id: 8, result: { kind: 'unchanged', resultId: '4' } } as Message,
    { jsonrpc: '2.0', id: 9, result: null } as Message,
    {
      jsonrpc: '2.0',
      method: 'window/logMessage',
      params: { type: 3, message: 'null "diagnostics"' },
    } as Message,
    { jsonrpc: '2.0', id: 10, result: { items: [1, 2] } } as Message,
    { jsonrpc: '2.0', id: 11, result: { kind: 'full', items: [{ a: 1 }, null] } } as Message,
  ];

  it('gives the JSON JSON.stringify gives, the list last in its object', () => {
    for (const message of messages) {
      expect(JSON.parse(messageJson(message))).toEqual(JSON.parse(JSON.stringify(message)));
      // The bytes written are that text's, twice (the second time from the kept bytes).
      expect(messageBytes(message).toString('utf8')).toBe(messageJson(message));
      expect(messageBytes(message).toString('utf8')).toBe(messageJson(message));
    }
  });

  it('writes diagnostics in ASCII alone, each other character escaped, which JSON reads back the same', () => {
    const text = '“实用外交” 한반도 😀 \u2028 \u00e9 \u007f \ud800 lone';
    const message = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///판문점/聲明.md', diagnostics: [{ ...diagnostic(0), message: text }] },
    } as Message;
    const bytes = messageBytes(message);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(message)));
    expect(JSON.parse(messageJson(message)).params.diagnostics[0].message).toBe(text);
  });

  it('keeps the text of a diagnostic sent before', () => {
    const kept = diagnostic(5);
    const push = (list: object[]) =>
      ({
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: { uri: 'u', diagnostics: list },
      }) as Message;
    const first = messageJson(push([kept]));
    // Diagnostics are never changed once made: the text of the first sending is what goes again.
    kept.message = 'changed';
    expect(messageJson(push([kept]))).toBe(first);
    expect(messageBytes(push([kept])).toString('utf8')).toBe(first);
    // Its bytes are kept too, from that first text: sent again, they are not made again.
    kept.message = 'changed again';
    const again = messageBytes(push([kept, diagnostic(6)]));
    expect(
      JSON.parse(again.toString('utf8')).params.diagnostics.map((d: { message: string }) => d.message),
    ).toEqual([diagnostic(5).message, diagnostic(6).message]);
    // What is kept shows in no copy of the diagnostic, nor in its JSON.
    expect({ ...kept }).toEqual({ ...diagnostic(5), message: 'changed again' });
    expect(Object.keys(structuredClone(kept))).toEqual(Object.keys(diagnostic(5)));
    // Lists of other messages are written afresh.
    const other = { label: 'a' };
    const response = (items: object[]) => ({ jsonrpc: '2.0', id: 1, result: { items } }) as Message;
    messageJson(response([other]));
    other.label = 'b';
    expect(JSON.parse(messageJson(response([other])))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { items: [{ label: 'b' }] },
    });
  });
});

describe('wireBytes', () => {
  const push = (count: number, from = 0) =>
    ({
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'u', diagnostics: Array.from({ length: count }, (_, i) => diagnostic(from + i)) },
    }) as Message;
  const wire = (message: Message) => {
    const body = messageBytes(message).toString('latin1');
    return `Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`;
  };

  it('writes the header and the body together, diagnostics into the one buffer it is given', () => {
    const reused = new ReusedBuffer();
    const first = wireBytes(push(3), reused);
    expect(first.toString('latin1')).toBe(wire(push(3)));
    // A message no larger goes where the first went (the first is not to be read after that).
    const second = wireBytes(push(2, 10), reused);
    expect(second.buffer).toBe(first.buffer);
    expect(second.byteOffset).toBe(first.byteOffset);
    expect(second.toString('latin1')).toBe(wire(push(2, 10)));
    const larger = wireBytes(push(40), reused);
    expect(larger.buffer).not.toBe(first.buffer);
    expect(larger.toString('latin1')).toBe(wire(push(40)));
    expect(wireBytes(push(1, 5), reused).buffer).toBe(larger.buffer);
    expect(wireBytes(push(0), reused).toString('latin1')).toBe(wire(push(0)));
    // Other messages have buffers of their own, in UTF-8 as vscode-jsonrpc writes them.
    const log = {
      jsonrpc: '2.0',
      method: 'window/logMessage',
      params: { type: 3, message: '실용' },
    } as Message;
    const logged = wireBytes(log, reused);
    expect(logged.buffer).not.toBe(larger.buffer);
    const body = Buffer.from(JSON.stringify(log), 'utf8');
    expect(logged.equals(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]))).toBe(
      true,
    );
  });

  it('lends each message its own buffer past the most it keeps', () => {
    const reused = new ReusedBuffer();
    const small = reused.take(10);
    expect(reused.take(8).buffer).toBe(small.buffer);
    const huge = reused.take(17 * 1024 * 1024);
    expect(huge.length).toBe(17 * 1024 * 1024);
    expect(huge.buffer).not.toBe(small.buffer);
    expect(reused.take(10).buffer).toBe(small.buffer);
  });
});

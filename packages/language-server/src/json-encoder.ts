/// <reference types="node" />
// The JSON of the messages the server writes, as vscode-jsonrpc's own encoder makes it, except that
// a diagnostic's text is kept with it: a keystroke sends every diagnostic of the draft again, and
// most are the very objects sent before (reuse.ts), so their text is not made again. A diagnostic
// is never changed once made, which is what makes its text safe to keep. Over stdio its UTF-8 bytes
// are kept: a message is then its few framing bytes and the kept ones copied together, where the
// text of a dense draft's 1,411 diagnostics (1 MB) was joined into one string and encoded again at
// every keystroke (3-4 ms of the server's time, and most of its garbage). That text is ASCII: any
// other character is written as a `\u` escape (JSON reads it back the same), because the client
// decodes every message into a string and parses it, and a string of ASCII alone is half the
// memory and far quicker to make and read: a dense draft's 1 MB message took the client (as
// vscode-jsonrpc reads it) 10.3 ms to decode and parse, 6.8 ms escaped, for 7 % more bytes.
import type { Message } from 'vscode-languageserver';

// Kept on the diagnostic itself, under properties that JSON, a spread and structuredClone all pass
// over (symbols, not enumerable), not in WeakMaps: V8 visits every entry of a WeakMap at each
// scavenge, and a dense draft's 1,411 diagnostics were keys of two.
const TEXT = Symbol('nuance.diagnosticJson');
const BYTES = Symbol('nuance.diagnosticUtf8');

interface Kept {
  [TEXT]?: string;
  [BYTES]?: Buffer;
}

function keep<K extends typeof TEXT | typeof BYTES>(
  item: object,
  key: K,
  value: Required<Kept>[K],
): Required<Kept>[K] {
  if (Object.isExtensible(item)) Object.defineProperty(item, key, { value, enumerable: false });
  return value;
}
/** The most a reused buffer keeps: a larger message gets a buffer of its own. */
const REUSED_MAX = 16 * 1024 * 1024;

/**
 * One buffer, lent out again for each message (StdioMessageWriter, message-writer.ts): grown to the
 * largest message, up to REUSED_MAX. A fresh buffer is memory touched for the first time, which
 * costs a page fault for every 4 KB: 270 faults at each keystroke in a dense draft (a 1.1 MB push,
 * about 4 ms on this kind of machine), 33 in a typical one.
 */
export class ReusedBuffer {
  private buffer = Buffer.allocUnsafeSlow(0);

  /** `length` bytes to write a message into, valid until the next call. */
  take(length: number): Buffer {
    if (length > REUSED_MAX) return Buffer.allocUnsafeSlow(length);
    if (length > this.buffer.length) {
      this.buffer = Buffer.allocUnsafeSlow(Math.min(Math.max(length, this.buffer.length * 2), REUSED_MAX));
    }
    return this.buffer.subarray(0, length);
  }
}

/**
 * `JSON.stringify(message)` but for the key order around a list of diagnostics: a push's
 * `params.diagnostics` and a pulled full report's `result.items` (the only lists it keeps texts of).
 */
export function messageJson(message: Message): string {
  const framed = frame(message);
  if (!framed) return JSON.stringify(message);
  return `${framed.before}${framed.items.map(textOf).join(',')}${framed.after}`;
}

/** `messageJson` as UTF-8 bytes, each diagnostic's kept from the first time it was sent. */
export function messageBytes(message: Message): Buffer {
  return encoded(message, undefined, false);
}

/**
 * A message as it goes on the wire, the base protocol's header and then `messageBytes`, in one
 * buffer: `reused`'s when given one.
 */
export function wireBytes(message: Message, reused?: ReusedBuffer): Buffer {
  return encoded(message, reused, true);
}

function headerOf(length: number): Buffer {
  return Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'latin1');
}

function encoded(message: Message, reused: ReusedBuffer | undefined, withHeader: boolean): Buffer {
  const framed = frame(message);
  if (!framed) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return withHeader ? Buffer.concat([headerOf(body.length), body]) : body;
  }
  const before = Buffer.from(framed.before, 'latin1');
  const after = Buffer.from(framed.after, 'latin1');
  const items = framed.items.map(bytesOf);
  // A comma between two items.
  let length = before.length + after.length + Math.max(items.length - 1, 0);
  for (const item of items) length += item.length;
  const header = withHeader ? headerOf(length) : undefined;
  const out = reused
    ? reused.take(length + (header?.length ?? 0))
    : Buffer.allocUnsafe(length + (header?.length ?? 0));
  let at = 0;
  if (header) {
    out.set(header, 0);
    at = header.length;
  }
  out.set(before, at);
  at += before.length;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out[at++] = COMMA;
    const item = items[i] as Buffer;
    out.set(item, at);
    at += item.length;
  }
  out.set(after, at);
  return out;
}

const COMMA = 0x2c;

/** The message's JSON before its list's items and after them, and the items; undefined: no such list. */
function frame(message: Message): { before: string; items: object[]; after: string } | undefined {
  const m = message as { method?: unknown; params?: unknown; result?: { kind?: unknown } | null };
  const list =
    m.method === 'textDocument/publishDiagnostics'
      ? diagnosticsIn(m.params, 'diagnostics')
      : m.result?.kind === 'full'
        ? diagnosticsIn(m.result, 'items')
        : undefined;
  if (!list) return undefined;
  const { holder, key, items } = list;
  const { [key]: _items, ...rest } = holder;
  // The message with a mark where the list's object goes, then that object, the list last in it.
  const shell = asciiJson({ ...message, [m.params === holder ? 'params' : 'result']: MARK });
  const at = shell.indexOf(MARK_JSON);
  const inner = asciiJson(rest);
  const head = inner.length > 2 ? `${inner.slice(0, -1)},` : '{';
  return {
    before: `${shell.slice(0, at)}${head}${JSON.stringify(key)}:[`,
    items,
    after: `]}${shell.slice(at + MARK_JSON.length)}`,
  };
}

const MARK = '\u0000nuance:diagnostics\u0000';
const MARK_JSON = JSON.stringify(MARK);

function diagnosticsIn(
  holder: unknown,
  key: string,
): { holder: Record<string, unknown>; key: string; items: object[] } | undefined {
  if (!holder || typeof holder !== 'object') return undefined;
  const items = (holder as Record<string, unknown>)[key];
  if (!Array.isArray(items) || !items.every((item) => item !== null && typeof item === 'object'))
    return undefined;
  return { holder: holder as Record<string, unknown>, key, items };
}

function textOf(diagnostic: object): string {
  return (diagnostic as Kept)[TEXT] ?? keep(diagnostic, TEXT, asciiJson(diagnostic));
}

function bytesOf(diagnostic: object): Buffer {
  const kept = diagnostic as Kept;
  return kept[BYTES] ?? keep(diagnostic, BYTES, Buffer.from(kept[TEXT] ?? asciiJson(diagnostic), 'latin1'));
}

/** `JSON.stringify(value)` with every character past ASCII as its `\uXXXX` escape. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    NOT_ASCII,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const NOT_ASCII = /[\u0080-\uffff]/g;

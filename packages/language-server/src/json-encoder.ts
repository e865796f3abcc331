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
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver';

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
const COMMA = Buffer.from(',');

export const diagnosticsJson: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const utf8 = /^utf-?8$/i.test(options.charset);
      return Promise.resolve(
        utf8 ? messageBytes(message) : Buffer.from(messageJson(message), options.charset),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

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
  const framed = frame(message);
  if (!framed) return Buffer.from(JSON.stringify(message), 'utf8');
  const chunks: Buffer[] = [Buffer.from(framed.before, 'latin1')];
  framed.items.forEach((item, index) => {
    if (index > 0) chunks.push(COMMA);
    chunks.push(bytesOf(item));
  });
  chunks.push(Buffer.from(framed.after, 'latin1'));
  return Buffer.concat(chunks);
}

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

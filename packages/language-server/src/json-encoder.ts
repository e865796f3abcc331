/// <reference types="node" />
// The JSON of the messages the server writes, as vscode-jsonrpc's own encoder makes it, except that
// a diagnostic's text is kept with it: a keystroke sends every diagnostic of the draft again, and
// most are the very objects sent before (reuse.ts), so their text is not made again. A diagnostic
// is never changed once made, which is what makes its text safe to keep.
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver';

const texts = new WeakMap<object, string>();

export const diagnosticsJson: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(Buffer.from(messageJson(message), options.charset));
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
  const m = message as { method?: unknown; params?: unknown; result?: { kind?: unknown } | null };
  const list =
    m.method === 'textDocument/publishDiagnostics'
      ? diagnosticsIn(m.params, 'diagnostics')
      : m.result?.kind === 'full'
        ? diagnosticsIn(m.result, 'items')
        : undefined;
  if (!list) return JSON.stringify(message);
  const { holder, key, items } = list;
  const { [key]: _items, ...rest } = holder;
  // The message with a mark where the list's object goes, then that object, the list last in it.
  const shell = JSON.stringify({ ...message, [m.params === holder ? 'params' : 'result']: MARK });
  const at = shell.indexOf(MARK_JSON);
  const inner = JSON.stringify(rest);
  const head = inner.length > 2 ? `${inner.slice(0, -1)},` : '{';
  const body = `${head}${JSON.stringify(key)}:[${items.map(textOf).join(',')}]}`;
  return `${shell.slice(0, at)}${body}${shell.slice(at + MARK_JSON.length)}`;
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
  let text = texts.get(diagnostic);
  if (text === undefined) {
    text = JSON.stringify(diagnostic);
    texts.set(diagnostic, text);
  }
  return text;
}

// The low-level parts of a serialized rule set (serialize.ts): typed arrays as base64 text, and a
// content hash. Pure TypeScript (no crypto, no import of Node), so core stays runnable anywhere;
// where the host has Node's Buffer, base64 is decoded natively (loading a compiled pack is on
// every start's path, and the decoding loop below runs there before it is optimized).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALPHABET_CODES = Uint16Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 0x3d; // =
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Little-endian bytes of the 32-bit values, in base64 (whatever the platform's byte order). */
export function encodeInt32(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    bytes[i * 4] = v & 0xff;
    bytes[i * 4 + 1] = (v >>> 8) & 0xff;
    bytes[i * 4 + 2] = (v >>> 16) & 0xff;
    bytes[i * 4 + 3] = (v >>> 24) & 0xff;
  }
  return NodeBuffer
    ? NodeBuffer.from(bytes.buffer, 0, bytes.length).toString('base64')
    : encodePortable(bytes);
}

/** Node's Buffer, where the host has it: the two calls of it this module makes. */
interface NodeBufferClass {
  from(buffer: ArrayBuffer, offset: number, length: number): { toString(encoding: 'base64'): string };
  from(text: string, encoding: 'base64'): Uint8Array;
}
const NodeBuffer = (globalThis as { Buffer?: NodeBufferClass }).Buffer;

/** Base64 of `bytes` without Node's Buffer (exported for its tests): character codes in chunks. */
export function encodePortable(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = new Uint16Array(8192);
  let n = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const v = (a << 16) | (b << 8) | c;
    chunk[n++] = ALPHABET_CODES[(v >>> 18) & 63] as number;
    chunk[n++] = ALPHABET_CODES[(v >>> 12) & 63] as number;
    chunk[n++] = i + 1 < bytes.length ? (ALPHABET_CODES[(v >>> 6) & 63] as number) : PAD;
    chunk[n++] = i + 2 < bytes.length ? (ALPHABET_CODES[v & 63] as number) : PAD;
    if (n === chunk.length) {
      parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
      n = 0;
    }
  }
  parts.push(String.fromCharCode.apply(null, chunk.subarray(0, n) as unknown as number[]));
  return parts.join('');
}

/** The host stores numbers little-endian (every common one does): typed arrays are the file's bytes. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The inverse of encodeInt32. */
export function decodeInt32(text: string): Int32Array {
  return NodeBuffer && LITTLE_ENDIAN ? decodeNative(text, NodeBuffer) : decodePortable(text);
}

function byteLengthOf(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const byteLength = (text.length / 4) * 3 - padding;
  if (text.length % 4 !== 0 || byteLength % 4 !== 0) throw new Error('Corrupt serialized rule set');
  return byteLength;
}

function decodeNative(text: string, buffer: NodeBufferClass): Int32Array {
  const byteLength = byteLengthOf(text);
  const decoded = buffer.from(text, 'base64');
  // Buffer skips what is not base64 (and stops at a `=` inside): then fewer bytes come out than the
  // length promises. It also reads base64url's `-` and `_`. Both are the portable decoder's refusal.
  if (decoded.length !== byteLength || text.includes('-') || text.includes('_')) {
    throw new Error('Corrupt serialized rule set');
  }
  // A copy: the Int32Array needs its own 4-aligned buffer (Buffer's may be a shared pool's).
  const out = new Int32Array(byteLength / 4);
  new Uint8Array(out.buffer).set(decoded.subarray(0, byteLength));
  return out;
}

/** `decodeInt32` without Node's Buffer (exported for its tests). */
export function decodePortable(text: string): Int32Array {
  const byteLength = byteLengthOf(text);
  const bytes = new Uint8Array(byteLength + 2);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (digit(text, i) << 18) |
      (digit(text, i + 1) << 12) |
      (text[i + 2] === '=' ? 0 : digit(text, i + 2) << 6) |
      (text[i + 3] === '=' ? 0 : digit(text, i + 3));
    bytes[at++] = (n >>> 16) & 0xff;
    bytes[at++] = (n >>> 8) & 0xff;
    bytes[at++] = n & 0xff;
  }
  const out = new Int32Array(byteLength / 4);
  for (let i = 0; i < out.length; i++) {
    const j = i * 4;
    out[i] =
      (bytes[j] as number) |
      ((bytes[j + 1] as number) << 8) |
      ((bytes[j + 2] as number) << 16) |
      ((bytes[j + 3] as number) << 24);
  }
  return out;
}

function digit(text: string, i: number): number {
  const d = DECODE[text.charCodeAt(i)] ?? -1;
  if (d < 0) throw new Error('Corrupt serialized rule set');
  return d;
}

/**
 * A 128-bit hash of a string, as 32 hex digits: four 32-bit lanes of MurmurHash3's mixing with
 * different seeds over the UTF-16 units. For cache keys, not for security.
 */
export function contentHash(text: string): string {
  // The four lanes in one loop (each unit's mix is the same for all of them), and the code after
  // it run from the first call: a loop per lane was optimized while it ran and thrown away where
  // it ended, ten times in a run of the CLI.
  let h0 = 0x9747b28c | 0;
  let h1 = 0x85ebca6b | 0;
  let h2 = 0xc2b2ae35 | 0;
  let h3 = 0x27d4eb2f | 0;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i) ^ (i << 16), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h0 ^= k;
    h0 = (Math.imul((h0 << 13) | (h0 >>> 19), 5) + 0xe6546b64) | 0;
    h1 ^= k;
    h1 = (Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64) | 0;
    h2 ^= k;
    h2 = (Math.imul((h2 << 13) | (h2 >>> 19), 5) + 0xe6546b64) | 0;
    h3 ^= k;
    h3 = (Math.imul((h3 << 13) | (h3 >>> 19), 5) + 0xe6546b64) | 0;
  }
  return `${laneHex(h0, text.length)}${laneHex(h1, text.length)}${laneHex(h2, text.length)}${laneHex(h3, text.length)}`;
}

/** A lane's last mixing (MurmurHash3's finalizer), as 8 hex digits. */
function laneHex(lane: number, length: number): string {
  let h = lane ^ length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A list of strings kept as a JSON text of its own (a rule set's ids, read only when asked for:
 * serialize.ts, config's rule-set cache), or undefined when the text is not one.
 */
export function stringListIn(text: string): string[] | undefined {
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}

// Texts as UTF-16 units in 32-bit arrays (serial-refs.ts' literals, serial-templates.ts' strings):
// kept as they are, a lone surrogate too, which UTF-8 would make U+FFFD.

/**
 * How many UTF-16 units `text` has, then its units two to a value: unit 2k in the low 16 bits of
 * value k + 1, unit 2k + 1 in its high 16 bits.
 */
export function packUnits(text: string): Int32Array {
  const packed = new Int32Array(1 + Math.ceil(text.length / 2));
  packed[0] = text.length;
  for (let k = 0; k < text.length; k++) {
    const at = 1 + (k >> 1);
    packed[at] = (packed[at] as number) | (text.charCodeAt(k) << ((k & 1) * 16));
  }
  return packed;
}

/** Whether `packed` is what `packUnits` makes of a text of `length` units. */
export function packsUnits(packed: Int32Array, length: number): boolean {
  return packed[0] === length && packed.length === 1 + Math.ceil(length / 2);
}

/**
 * The units `packUnits` packed: where the host is little-endian, a view of them in place (the
 * values' bytes are the units' then); elsewhere a copy.
 */
export function unpackUnits(packed: Int32Array): Uint16Array {
  const length = packed[0] as number;
  if (LITTLE_ENDIAN) return new Uint16Array(packed.buffer, packed.byteOffset + 4, length);
  const units = new Uint16Array(length);
  for (let k = 0; k < length; k++) units[k] = ((packed[1 + (k >> 1)] as number) >>> ((k & 1) * 16)) & 0xffff;
  return units;
}

/**
 * `units[start, end)` as a string, a slice at a time into fromCharCode: a reference's literal (or
 * a record's string) is made from its own units, not cut from a string of them all (179,000 units
 * for the bench's 10,000 terms' literals, 5 ms of a run over one short draft that makes a handful
 * of references).
 */
export function textOf(units: Uint16Array, start: number, end: number): string {
  let text = '';
  for (let from = start; from < end; from += 0x2000) {
    const part = units.subarray(from, Math.min(end, from + 0x2000));
    text += String.fromCharCode.apply(null, part as unknown as number[]);
  }
  return text;
}

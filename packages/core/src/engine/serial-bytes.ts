// The byte form of a serialized rule set (serialize.ts): a signature, the JSON's length and its
// UTF-8, then 32-bit arrays as they are in memory. Portable (TextEncoder and typed arrays only):
// the values are little-endian whatever the host's byte order, and each array is copied out into
// its own buffer, so that nothing keeps the whole input alive.

/** `NRS` and the layout's version. */
const SIGNATURE = [0x4e, 0x52, 0x53, 0x01] as const;
/** Signature, JSON length, array count. */
const HEAD = 12;
// Every host core runs on has both (Node, browsers, Deno); core's lib declares neither.
interface Utf8Hosts {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
}
const { TextEncoder, TextDecoder } = globalThis as unknown as Utf8Hosts;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function corrupt(what: string): Error {
  return new Error(`Corrupt serialized rule set: ${what}`);
}

/** The arrays written after the JSON, in order. */
export class ArraysOut {
  readonly arrays: Int32Array[] = [];
  add(array: Int32Array): void {
    this.arrays.push(array);
  }
}

/** The arrays read after the JSON, taken in the order they were written. */
export class ArraysIn {
  private at = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly view: DataView,
    private offset: number,
    private readonly count: number,
  ) {}

  next(): Int32Array {
    if (this.at++ >= this.count || this.offset + 4 > this.bytes.length) throw corrupt('an array is missing');
    const length = this.view.getUint32(this.offset, true);
    const start = this.offset + 4;
    const end = start + length * 4;
    if (end > this.bytes.length) throw corrupt('an array is cut short');
    this.offset = end;
    const out = new Int32Array(length);
    if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(this.bytes.subarray(start, end));
    else for (let i = 0; i < length; i++) out[i] = this.view.getInt32(start + i * 4, true);
    return out;
  }

  /** Throws unless every array was taken and nothing follows the last. */
  finish(): void {
    if (this.at !== this.count || this.offset !== this.bytes.length)
      throw corrupt('it has bytes past its arrays');
  }
}

/** The JSON and arrays as one byte array. */
export function toBytes(json: string, arrays: ArraysOut): Uint8Array {
  const text = new TextEncoder().encode(json);
  // Each array's length (4 bytes) starts on a multiple of 4, its values too.
  const textEnd = HEAD + text.length;
  const arraysStart = Math.ceil(textEnd / 4) * 4;
  let size = arraysStart;
  for (const array of arrays.arrays) size += 4 + array.length * 4;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(SIGNATURE, 0);
  view.setUint32(4, text.length, true);
  view.setUint32(8, arrays.arrays.length, true);
  bytes.set(text, HEAD);
  let at = arraysStart;
  for (const array of arrays.arrays) {
    view.setUint32(at, array.length, true);
    at += 4;
    if (LITTLE_ENDIAN) bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.length * 4), at);
    else for (let i = 0; i < array.length; i++) view.setInt32(at + i * 4, array[i] as number, true);
    at += array.length * 4;
  }
  return bytes;
}

/** The JSON of `toBytes`' output, and a reader of its arrays. */
export function fromBytes(bytes: Uint8Array): { json: string; arrays: ArraysIn } {
  if (bytes.length < HEAD || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new Error('Not a serialized rule set (no signature)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const textEnd = HEAD + length;
  if (textEnd > bytes.length) throw corrupt('its JSON is cut short');
  const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEAD, textEnd));
  return { json, arrays: new ArraysIn(bytes, view, Math.ceil(textEnd / 4) * 4, count) };
}

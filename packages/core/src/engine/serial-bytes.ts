// The byte form of a serialized rule set (serialize.ts): a signature, the lengths of what follows,
// the JSON in UTF-8, records (JSON texts read one at a time, when asked for), then 32-bit arrays as
// they are in memory. Portable (TextEncoder, TextDecoder and typed arrays only): numbers are
// little-endian whatever the host's byte order, and each array is copied out into its own buffer.
//
//   "NRS" 2 | JSON bytes (u32) | records (u32) | arrays (u32) | JSON | per record its end (u32,
//   from the first record's start) | the records (a line feed between two, part of the second) |
//   padding to 4 | per array its length (u32) and its values (i32)

import { LITTLE_ENDIAN } from './serial-codec.js';

/** `NRS` and the layout's version. */
const SIGNATURE = [0x4e, 0x52, 0x53, 0x02] as const;
/** Signature, JSON length, record count, array count. */
const HEAD = 16;
// Every host core runs on has both (Node, browsers, Deno); core's lib declares neither.
interface Utf8Hosts {
  TextEncoder: new () => {
    encode(text: string): Uint8Array;
    encodeInto(text: string, into: Uint8Array): { read: number; written: number };
  };
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
}
const { TextEncoder, TextDecoder } = globalThis as unknown as Utf8Hosts;
const decoder = new TextDecoder('utf-8', { fatal: true });

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

/** The records read after the JSON, each decoded and parsed when asked for. */
export class RecordsIn {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly view: DataView,
    /** Where the records' ends are. */
    private readonly ends: number,
    /** Where the first record starts. */
    private readonly start: number,
    readonly count: number,
  ) {}

  /** Record `index` as parsed JSON. */
  parse(index: number): unknown {
    if (index < 0 || index >= this.count) throw corrupt(`record ${index} of ${this.count} asked for`);
    const from = index === 0 ? 0 : this.view.getUint32(this.ends + (index - 1) * 4, true);
    const to = this.view.getUint32(this.ends + index * 4, true);
    return JSON.parse(decoder.decode(this.bytes.subarray(this.start + from, this.start + to)));
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

/** The JSON, the records (JSON texts) and the arrays as one byte array. */
export function toBytes(json: string, records: readonly string[], arrays: ArraysOut): Uint8Array {
  const encoder = new TextEncoder();
  const text = encoder.encode(json);
  // The records encoded at once, a line feed between two (at most 3 bytes per UTF-16 unit): one
  // encodeInto per record, 20,000 for a termbase's rules, was a third of serializing them. A JSON
  // text holds no raw line feed and a UTF-8 sequence no 0x0a byte, so each record ends at the next
  // one; a record after the first starts with the line feed, whitespace JSON.parse skips.
  const joined = records.join('\n');
  const room = new Uint8Array(joined.length * 3);
  const written = encoder.encodeInto(joined, room).written;
  const ends = new Uint32Array(records.length);
  let from = 0;
  for (let i = 0; i < records.length; i++) {
    const end = i === records.length - 1 ? written : room.indexOf(0x0a, from);
    ends[i] = end;
    from = end + 1;
  }
  const recordBytes = room.subarray(0, written);
  const recordsStart = HEAD + text.length + ends.length * 4;
  // Each array's length (4 bytes) starts on a multiple of 4, its values too.
  const arraysStart = Math.ceil((recordsStart + recordBytes.length) / 4) * 4;
  let size = arraysStart;
  for (const array of arrays.arrays) size += 4 + array.length * 4;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(SIGNATURE, 0);
  view.setUint32(4, text.length, true);
  view.setUint32(8, records.length, true);
  view.setUint32(12, arrays.arrays.length, true);
  bytes.set(text, HEAD);
  for (let i = 0; i < ends.length; i++) view.setUint32(HEAD + text.length + i * 4, ends[i] as number, true);
  bytes.set(recordBytes, recordsStart);
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

/** The JSON of `toBytes`' output, and readers of its records and arrays. */
export function fromBytes(bytes: Uint8Array): { json: string; records: RecordsIn; arrays: ArraysIn } {
  if (bytes.length < HEAD || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new Error('Not a serialized rule set (no signature)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(4, true);
  const recordCount = view.getUint32(8, true);
  const arrayCount = view.getUint32(12, true);
  const textEnd = HEAD + length;
  const recordsStart = textEnd + recordCount * 4;
  if (recordsStart > bytes.length) throw corrupt('its JSON is cut short');
  const json = decoder.decode(bytes.subarray(HEAD, textEnd));
  const recordsEnd = recordsStart + (recordCount === 0 ? 0 : view.getUint32(recordsStart - 4, true));
  if (recordsEnd > bytes.length) throw corrupt('its records are cut short');
  return {
    json,
    records: new RecordsIn(bytes, view, textEnd, recordsStart, recordCount),
    arrays: new ArraysIn(bytes, view, Math.ceil(recordsEnd / 4) * 4, arrayCount),
  };
}

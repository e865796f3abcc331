// The byte form of a serialized rule set (serialize.ts): a signature, the lengths of what follows,
// the JSON in UTF-8, 32-bit arrays as they are in memory, then records (JSON texts read one at a
// time, when asked for). Portable (TextEncoder, TextDecoder and typed arrays only): numbers are
// little-endian whatever the host's byte order, and each array is copied out into its own buffer.
//
//   "NRS" 3 | JSON bytes (u32) | records (u32) | arrays (u32) | where the records start (u32) |
//   JSON | per record its end (u32, from the first record's start) | padding to 4 | per array its
//   length (u32) and its values (i32) | the records (a line feed between two, part of the second;
//   a record kept in a template, serial-templates.ts, has no bytes here)
//
// The records last: a reader may take the bytes before them (`serialRecordsAt`) and read each record
// where it lies when it is first asked for (`RecordReader`): a 10,000-term pack's records are
// 7 MB of its 11, and a run reads a few hundred of its 20,000.

import { LITTLE_ENDIAN } from './serial-codec.js';

/** `NRS` and the layout's version. */
const SIGNATURE = [0x4e, 0x52, 0x53, 0x03] as const;
/** Signature, JSON length, record count, array count, where the records start. */
export const SERIAL_HEAD_BYTES = 20;
const HEAD = SERIAL_HEAD_BYTES;

/**
 * Bytes `[from, to)` of a serialized rule set (as offsets into its bytes), read where they are kept.
 * They are read before the reader is called again: it may give them in a buffer it reads into again.
 */
export type RecordReader = (from: number, to: number) => Uint8Array;
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

/** Records made without bytes of their own (serial-templates.ts' RecordTemplates). */
export interface RecordsElsewhere {
  /** Record `i` is one of them. */
  has(i: number): boolean;
  /** Record `i`, as JSON.parse of its JSON would give it. */
  record(i: number): unknown;
}

/** The records after the arrays, each read, decoded and parsed when asked for. */
export class RecordsIn {
  /** Records read one by one so far. */
  private reads = 0;
  /** Every record, once that many were asked for that one read of all of them costs less. */
  private all: Uint8Array | undefined;
  /** The records kept as templates (serial-templates.ts): no bytes of their own. */
  private templates: RecordsElsewhere | undefined;

  constructor(
    private readonly read: RecordReader,
    private readonly view: DataView,
    /** Where the records' ends are. */
    private readonly ends: number,
    /** Where the first record starts. */
    private readonly start: number,
    readonly count: number,
  ) {}

  /** The templates of the records that are in one, read with the arrays. */
  useTemplates(templates: RecordsElsewhere): void {
    this.templates = templates;
  }

  /** Record `index` is made again at each parse (from a template), without a read. */
  remade(index: number): boolean {
    return this.templates?.has(index) === true;
  }

  /** Record `index` as parsed JSON. */
  parse(index: number): unknown {
    if (index < 0 || index >= this.count) throw corrupt(`record ${index} of ${this.count} asked for`);
    if (this.templates?.has(index)) return this.templates.record(index);
    const from = index === 0 ? 0 : this.view.getUint32(this.ends + (index - 1) * 4, true);
    const to = this.view.getUint32(this.ends + index * 4, true);
    const bytes = this.bytesOf(from, to);
    if (bytes.length !== to - from) throw corrupt(`record ${index} is cut short`);
    return JSON.parse(decoder.decode(bytes));
  }

  /**
   * The records' bytes from `from` to `to`: read apart (a reader given to the rule set reads a
   * file: one system call each), until more than ONE_BY_ONE of them and a ONE_BY_ONE_SHARE of
   * them were, then all of them at once. A read of all costs the pages it fills: with the bench's
   * 10,000-term pack, a run over the 10 MB corpus asks for 3,765 of 20,000 records (2.8 of 7 MB),
   * and read apart into one buffer (config's reader) they took 19-44 ms less of the run's
   * 1.1-1.2 s than read all at once after the first 256 (medians of 11 and 21 alternated runs).
   */
  private bytesOf(from: number, to: number): Uint8Array {
    if (!this.all && ++this.reads > ONE_BY_ONE && this.reads * ONE_BY_ONE_SHARE > this.count) {
      const end = this.view.getUint32(this.ends + (this.count - 1) * 4, true);
      const all = this.read(this.start, this.start + end);
      if (all.length === end) this.all = all;
    }
    return this.all ? this.all.subarray(from, to) : this.read(this.start + from, this.start + to);
  }
}

/** Records a rule set reads one by one before it reads them all (RecordsIn)... */
const ONE_BY_ONE = 256;
/** ...and the share of its records they are at least (1 in that many). */
const ONE_BY_ONE_SHARE = 4;

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
    // Read in place where the values lie as an Int32Array wants them (the bytes must not change
    // after: deserializeRuleSet says so): a termbase's arrays are 12 MB, copied at every load.
    const at = this.bytes.byteOffset + start;
    if (LITTLE_ENDIAN && at % 4 === 0) return new Int32Array(this.bytes.buffer, at, length);
    const out = new Int32Array(length);
    if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(this.bytes.subarray(start, end));
    else for (let i = 0; i < length; i++) out[i] = this.view.getInt32(start + i * 4, true);
    return out;
  }

  /** Throws unless every array was taken and the records (the end of `bytes`) start right after the last. */
  finish(): void {
    if (this.at !== this.count || this.offset !== this.bytes.length)
      throw corrupt('it has bytes between its arrays and its records');
  }
}

/**
 * Where toBytes writes: one buffer grown at its end. A resizable ArrayBuffer where the host has
 * them (Node 20, current browsers) grows and shrinks in place, and memory is taken only where
 * written; elsewhere the buffer doubles by copying, and the result is copied to its exact length.
 * Making the whole output, then a buffer of its length and copying into it, wrote each of a
 * termbase's 24 MB twice: on a machine where a fresh page of memory costs a fault in the
 * hypervisor, touching it was half of serializing.
 */
class ByteSink {
  private buffer: ArrayBuffer;
  bytes: Uint8Array;
  view: DataView;
  /** Bytes written. */
  length = 0;

  constructor(initial: number) {
    this.buffer = growableBuffer(initial) ?? new ArrayBuffer(initial);
    this.bytes = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  /** Room for `more` bytes past `length`. */
  ensure(more: number): void {
    const need = this.length + more;
    if (need <= this.bytes.length) return;
    const size = Math.max(need, this.bytes.length * 2);
    const buffer = this.buffer as ResizableBuffer;
    if (buffer.resizable && size <= buffer.maxByteLength) buffer.resize(size);
    else {
      const bigger = new Uint8Array(growableBuffer(size) ?? new ArrayBuffer(size));
      bigger.set(this.bytes.subarray(0, this.length));
      this.buffer = bigger.buffer;
    }
    this.bytes = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  /** What was written, in a buffer of its exact length. */
  finish(): Uint8Array {
    const buffer = this.buffer as ResizableBuffer;
    if (buffer.resizable) {
      buffer.resize(this.length);
      return new Uint8Array(buffer, 0, this.length);
    }
    return this.length === buffer.byteLength ? this.bytes : this.bytes.slice(0, this.length);
  }
}

// ES2024's resizable ArrayBuffer, which core's lib (ES2023) does not declare.
interface ResizableBuffer extends ArrayBuffer {
  readonly resizable?: boolean;
  readonly maxByteLength: number;
  resize(length: number): void;
}
type ResizableConstructor = new (length: number, options: { maxByteLength: number }) => ResizableBuffer;

/** The most a resizable buffer may grow to: reserved address space, not memory. */
const MAX_BYTES = 2 ** 31;

/** A resizable buffer of `length` bytes, when the host has them and the address space to reserve. */
function growableBuffer(length: number): ArrayBuffer | undefined {
  if (length > MAX_BYTES) return undefined;
  try {
    const buffer = new (ArrayBuffer as unknown as ResizableConstructor)(length, { maxByteLength: MAX_BYTES });
    return buffer.resizable ? buffer : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The JSON, the arrays and `count` records (JSON texts, `record(i)` made as it is written: the
 * records of a termbase are 7 MB of text, held only one at a time), as one byte array.
 */
export function toBytes(
  json: string,
  count: number,
  record: (index: number) => string,
  arrays: ArraysOut,
): Uint8Array {
  const encoder = new TextEncoder();
  const text = encoder.encode(json);
  const ends = HEAD + text.length;
  // Each array's length (4 bytes) starts on a multiple of 4, its values too.
  const arraysStart = Math.ceil((ends + count * 4) / 4) * 4;
  let arrayBytes = 0;
  for (const array of arrays.arrays) arrayBytes += 4 + array.length * 4;
  const recordsStart = arraysStart + arrayBytes;
  // The records are not known yet: room for a few hundred bytes each, grown when they need more.
  const sink = new ByteSink(recordsStart + count * 256);
  sink.bytes.set(SIGNATURE, 0);
  sink.view.setUint32(4, text.length, true);
  sink.view.setUint32(8, count, true);
  sink.view.setUint32(12, arrays.arrays.length, true);
  sink.view.setUint32(16, recordsStart, true);
  sink.bytes.set(text, HEAD);
  sink.bytes.fill(0, ends + count * 4, arraysStart);
  let at = arraysStart;
  for (const array of arrays.arrays) {
    sink.view.setUint32(at, array.length, true);
    at += 4;
    if (LITTLE_ENDIAN) sink.bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.length * 4), at);
    else for (let i = 0; i < array.length; i++) sink.view.setInt32(at + i * 4, array[i] as number, true);
    at += array.length * 4;
  }
  // Each record but the first written starts with a line feed (whitespace JSON.parse skips), so
  // that the records read as lines too; its end, counted from the first record's start, goes in
  // the table. A record given as '' (one in a template) has no bytes.
  sink.length = recordsStart;
  for (let i = 0; i < count; i++) {
    const text = record(i);
    const each = text === '' || sink.length === recordsStart ? text : `\n${text}`;
    // At most 3 bytes per UTF-16 unit.
    sink.ensure(each.length * 3);
    sink.length += encoder.encodeInto(each, sink.bytes.subarray(sink.length)).written;
    sink.view.setUint32(ends + i * 4, sink.length - recordsStart, true);
  }
  return sink.finish();
}

/**
 * How many bytes of a serialized rule set come before its records, read from its first
 * SERIAL_HEAD_BYTES: what a caller that reads the records where they lie (`RecordReader`) must
 * give `deserializeRuleSet`. Throws when they are not the head of a serialized rule set.
 */
export function serialRecordsAt(head: Uint8Array): number {
  if (head.length < HEAD || SIGNATURE.some((b, i) => head[i] !== b)) {
    throw new Error('Not a serialized rule set (no signature)');
  }
  return new DataView(head.buffer, head.byteOffset, HEAD).getUint32(16, true);
}

/**
 * The length of a whole serialized rule set, records included, read from the bytes before its
 * records (`serialRecordsAt`): a caller that reads the records where they lie checks with it that
 * they are all there. Throws when those are not the bytes of a serialized rule set's start.
 */
export function serialLength(before: Uint8Array): number {
  const start = serialRecordsAt(before);
  const view = new DataView(before.buffer, before.byteOffset, before.byteLength);
  const count = view.getUint32(8, true);
  const ends = HEAD + view.getUint32(4, true);
  if (ends + count * 4 > Math.min(start, before.length)) throw corrupt('its JSON is cut short');
  return start + (count === 0 ? 0 : view.getUint32(ends + count * 4 - 4, true));
}

/**
 * The JSON of `toBytes`' output, and readers of its records and arrays. `bytes` holds all of it,
 * or, with `read`, at least what comes before the records (`serialRecordsAt`): `read` gives the records.
 */
export function fromBytes(
  bytes: Uint8Array,
  read?: RecordReader,
): { json: string; records: RecordsIn; arrays: ArraysIn } {
  const start = serialRecordsAt(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(4, true);
  const recordCount = view.getUint32(8, true);
  const arrayCount = view.getUint32(12, true);
  const textEnd = HEAD + length;
  const arraysStart = Math.ceil((textEnd + recordCount * 4) / 4) * 4;
  if (textEnd + recordCount * 4 > bytes.length) throw corrupt('its JSON is cut short');
  if (start < arraysStart || start > bytes.length) throw corrupt('its arrays are cut short');
  const json = decoder.decode(bytes.subarray(HEAD, textEnd));
  const recordsEnd = serialLength(bytes);
  if (!read) {
    if (recordsEnd > bytes.length) throw corrupt('its records are cut short');
    if (recordsEnd < bytes.length) throw corrupt('it has bytes past its records');
  }
  return {
    json,
    records: new RecordsIn(
      read ?? ((from, to) => bytes.subarray(from, to)),
      view,
      textEnd,
      start,
      recordCount,
    ),
    arrays: new ArraysIn(bytes.subarray(0, start), view, arraysStart, arrayCount),
  };
}

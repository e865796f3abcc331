/// <reference types="node" />
// The CLI bundle's `@nuance/rules` (scripts/bundle.mjs puts this module in place of the package's
// index): the built-in packs' YAML and their compiled rule sets are not in the bundle's code but
// after it, in the same file, as a comment at its end that bin.cts leaves out of what V8 compiles.
// In the code they were a quarter of the bundle (630 KB of escaped strings, half of its code
// cache), which every start read, compiled and cached: 25 ms of the 110 a bare start took. They
// are read from the file when a run first asks for a built-in pack, and the compiled pack is kept
// as core's bytes (serializeRuleSetBytes), which load faster than its text (rules read when used).
//
// The end of the bundle file: `/*nuance-data <the data>*/\n` and then `//nuance-data <the byte
// length of that comment, 12 digits>\n`. In the comment every `*` byte of the data is followed by a
// NUL byte, so the comment cannot end early and a `require` of the file by Node compiles it as it
// is (the bytes need no decoding into text first: base64 took 7 ms of a start). The data: 12
// digits giving the length of a JSON header, the header (the packs, and where each compiled pack's
// bytes are), then the bytes, each at a multiple of 4.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { BuiltinPack } from '@nuance/rules';

const OPEN = Buffer.from('/*nuance-data ', 'latin1');
const CLOSE = Buffer.from('*/\n', 'latin1');
const STAR = 0x2a;
const TRAILER = /^\/\/nuance-data (\d{12})\n$/;
/** The trailer's length: `//nuance-data `, 12 digits, a line end. */
export const TRAILER_BYTES = 27;

interface Header {
  packs: BuiltinPack[];
  /** Per pack, its compiled bytes: offset and length in the decoded data. */
  compiled: Record<string, [number, number]>;
}

/** The comment and trailer to append to the bundle's code, for these packs and compiled bytes. */
export function encodeBuiltinData(
  packs: readonly BuiltinPack[],
  compiled: Record<string, Uint8Array>,
): Buffer {
  const header: Header = { packs: [...packs], compiled: {} };
  // The offsets depend on the header's length, which depends on the offsets' digits: lay out until it holds.
  let json = '';
  for (let previous = -1; json.length !== previous; ) {
    previous = json.length;
    let at = align(12 + Buffer.byteLength(json));
    for (const [name, bytes] of Object.entries(compiled)) {
      header.compiled[name] = [at, bytes.length];
      at = align(at + bytes.length);
    }
    json = JSON.stringify(header);
  }
  const head = Buffer.from(`${String(Buffer.byteLength(json)).padStart(12, '0')}${json}`, 'utf8');
  const parts: Uint8Array[] = [head];
  let length = head.length;
  for (const [name, bytes] of Object.entries(compiled)) {
    const at = header.compiled[name]?.[0] ?? 0;
    parts.push(new Uint8Array(at - length), bytes);
    length = at + bytes.length;
  }
  const block = Buffer.concat([OPEN, stuff(Buffer.concat(parts)), CLOSE]);
  return Buffer.concat([block, Buffer.from(`//nuance-data ${String(block.length).padStart(12, '0')}\n`)]);
}

/** `data` with a NUL byte after each `*`. */
function stuff(data: Buffer): Buffer {
  const out: Buffer[] = [];
  for (let from = 0; from < data.length; ) {
    const star = data.indexOf(STAR, from);
    const end = star < 0 ? data.length : star + 1;
    out.push(data.subarray(from, end));
    if (star >= 0) out.push(Buffer.of(0));
    from = end;
  }
  return Buffer.concat(out);
}

/** What `stuff` made, back: into a buffer of its own, at offset 0 (so its multiples of 4 are). */
function unstuff(body: Buffer): Buffer {
  const out = Buffer.allocUnsafeSlow(body.length);
  let length = 0;
  for (let from = 0; from < body.length; ) {
    const star = body.indexOf(STAR, from);
    const end = star < 0 ? body.length : star + 1;
    length += body.copy(out, length, from, end);
    from = end + (star < 0 ? 0 : 1);
  }
  return out.subarray(0, length);
}

const align = (n: number) => (n + 3) & ~3;

/**
 * The length of the data comment before the trailer of a file of `size` bytes open at `fd`, or 0
 * when it has none (its code is the whole file). bin.cts reads the trailer the same way.
 */
export function dataLength(fd: number, size: number): number {
  if (size < TRAILER_BYTES) return 0;
  const tail = Buffer.alloc(TRAILER_BYTES);
  readSync(fd, tail, 0, TRAILER_BYTES, size - TRAILER_BYTES);
  const match = TRAILER.exec(tail.toString('latin1'));
  return match ? Number(match[1]) : 0;
}

let data: { header: Header; bytes: Buffer } | undefined;

/** The data at the end of this bundle, read once. */
function read(): { header: Header; bytes: Buffer } {
  if (data) return data;
  const fd = openSync(__filename, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = dataLength(fd, size);
    if (length === 0) throw new Error(`${__filename} holds no built-in packs: run \`pnpm build\``);
    const block = Buffer.allocUnsafeSlow(length);
    readSync(fd, block, 0, length, size - TRAILER_BYTES - length);
    const body = block.subarray(OPEN.length, length - CLOSE.length);
    if (!block.subarray(0, OPEN.length).equals(OPEN) || !block.subarray(length - CLOSE.length).equals(CLOSE))
      throw new Error(`${__filename}: damaged built-in packs`);
    const bytes = unstuff(body);
    const jsonLength = Number(bytes.toString('latin1', 0, 12));
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + jsonLength)) as Header;
    data = { header, bytes };
    return data;
  } finally {
    closeSync(fd);
  }
}

export function builtinPackNames(): string[] {
  return read().header.packs.map((pack) => pack.name);
}

export function builtinPack(name: string): BuiltinPack | undefined {
  return read().header.packs.find((pack) => pack.name === name);
}

export function builtinCompiled(name: string): Uint8Array | undefined {
  const { header, bytes } = read();
  const place = Object.hasOwn(header.compiled, name) ? header.compiled[name] : undefined;
  if (!place) return undefined;
  // Core reads the rule set's arrays in place: at a multiple of 4 in a buffer at offset 0.
  return bytes.subarray(place[0], place[0] + place[1]);
}

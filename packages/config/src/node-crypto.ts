/// <reference types="node" />
// Node's crypto module, loaded the first time a hash is asked for (here and in the CLI): loading
// it costs a start 7-10 ms, and most runs hash nothing (one draft checked with the built-in pack).
import { createRequire } from 'node:module';
import { contentHash } from '@nuance/core';

type Crypto = typeof import('node:crypto');
let loaded: Crypto | undefined;

export function nodeCrypto(): Crypto {
  loaded ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return loaded;
}

/**
 * Inputs shorter than this (UTF-16 units, bytes) are hashed with core's own 128-bit hash: most
 * packs, configs and locale files are, and a run that hashes nothing longer never loads Node's
 * crypto (4-8 ms of its start). Core's hash is pure JS, ten times slower than SHA-256 on long input.
 */
const SMALL = 64 * 1024;

/** Whether `hashBytes` of this many bytes takes SHA-256, and Node's crypto module with it. */
export function hashLoadsCrypto(length: number): boolean {
  return length >= SMALL;
}

/** A hash of a text, hex (32 digits: core's own, below SMALL; else 64: SHA-256): keys and locale files. */
export function hashText(text: string): string {
  return text.length < SMALL
    ? contentHash(text)
    : nodeCrypto().createHash('sha256').update(text).digest('hex');
}

/** A hash of bytes, hex, as `hashText`'s: a pack file (load-pack.ts). */
export function hashBytes(bytes: Uint8Array): string {
  if (bytes.length < SMALL)
    return contentHash(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'));
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

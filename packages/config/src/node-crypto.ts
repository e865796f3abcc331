/// <reference types="node" />
// Node's crypto module, loaded the first time a hash is asked for (here and in the CLI): loading
// it costs a start 7-10 ms, and most runs hash nothing (one draft checked with the built-in pack).
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let loaded: Crypto | undefined;

export function nodeCrypto(): Crypto {
  loaded ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return loaded;
}

/** SHA-256 of a text, hex: keys and locale files (core's own hash is pure JS, and ten times slower). */
export function hashText(text: string): string {
  return nodeCrypto().createHash('sha256').update(text).digest('hex');
}

/** SHA-256 of bytes, hex: a termbase file (load-pack.ts). */
export function hashBytes(bytes: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

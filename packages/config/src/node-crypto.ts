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

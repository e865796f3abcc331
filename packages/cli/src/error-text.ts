/// <reference types="node" />
// What an internal error (a bug) is reported as: its stack, read back through the bundle's source
// map when the CLI runs as the bundle (readable-stack.ts), else its message or the value thrown.
import { fileURLToPath } from 'node:url';
import { readableStack } from './readable-stack.js';

/** This module's file: in the bundle, the bundle itself (`import.meta.url` is the bundle's). */
const here = fileURLToPath(import.meta.url);

export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.stack ? readableStack(error.stack, here) : error.message;
}

// The package's API: run the CLI in-process. The bin calls `main` and nothing else does; the
// modules behind it are internal.
export type { CliIo, OutputStream } from './io.js';
export { main } from './main.js';

export { COMMANDS, FIX_ALL_KIND } from './code-actions.js';
export { type ConfigChange, editConfigText } from './config-edit.js';
export { type DataEdit, type DiagnosticData, SOURCE } from './diagnostics.js';
export { IncrementalLinter } from './incremental.js';
export { messageBytes } from './json-encoder.js';
export { createServer, type ServerHandle } from './server.js';
export type { ServerOptions } from './server-state.js';
export { type ClientSettings, normalizeSettings } from './settings.js';

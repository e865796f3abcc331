export { COMMANDS, FIX_ALL_KIND } from './code-actions.js';
export { type ConfigChange, editConfigText } from './config-edit.js';
export { type DataEdit, type DiagnosticData, SOURCE } from './diagnostics.js';
export { IncrementalLinter } from './incremental.js';
export { createServer, type ServerOptions } from './server.js';
export { type ClientSettings, normalizeSettings } from './settings.js';

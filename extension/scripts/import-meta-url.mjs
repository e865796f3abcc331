// esbuild inject shim: `import.meta.url` in a CommonJS bundle (DESIGN: Interfaces).
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;

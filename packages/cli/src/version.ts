// Kept in step with package.json by a test: reading package.json at run time would need
// import.meta.url or a JSON import (an ExperimentalWarning on Node 20).
export const VERSION = '0.1.0';

export type * from './types.js';
export type * from './pack/types.js';

// Where MarkdownDocument finds remark (remark-parser.ts): given at once by the entry point
// `@nuance/unified`, loaded on first need by `@nuance/unified/lazy` (`loadMarkdownParser`), so a
// run whose documents all take the plain path never loads remark.
import type { ParsedBlock } from './structure.js';

export interface MarkdownParser {
  parseBlock(source: string, whole: boolean): ParsedBlock;
}

/** Thrown by a lint that needs remark before `loadMarkdownParser` has loaded it. */
export class MarkdownParserNotLoaded extends Error {
  constructor() {
    super('This document needs remark: await loadMarkdownParser() first (or lintDocumentAsync)');
    this.name = 'MarkdownParserNotLoaded';
  }
}

let parser: MarkdownParser | undefined;

export function useMarkdownParser(given: MarkdownParser): void {
  parser = given;
}

export function markdownParser(): MarkdownParser {
  if (!parser) throw new MarkdownParserNotLoaded();
  return parser;
}

/** Loads remark once; later calls resolve at once. */
export async function loadMarkdownParser(): Promise<void> {
  parser ??= await import('./remark-parser.js');
}

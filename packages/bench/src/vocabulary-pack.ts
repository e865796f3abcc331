// A vocabulary as the in-process runs (engine-run.ts, one-path-run.ts) take it: the built-in
// korea-china pack or a generated pack file, read, then parsed and compiled apart (the engine times
// only the second).
import { readFileSync } from 'node:fs';
import { compilePacks, parsePack, type RuleSet } from '@nuance/core';
import { builtinPack } from '@nuance/rules';

export interface PackSource {
  file: string;
  text: string;
}

/** `vocabulary`: `korea-china` or a pack file's path. */
export function packSource(vocabulary: string): PackSource {
  const source =
    vocabulary === 'korea-china'
      ? builtinPack(vocabulary)
      : { file: vocabulary, text: readFileSync(vocabulary, 'utf8') };
  if (!source) throw new Error(`No built-in pack \`${vocabulary}\``);
  return source;
}

/** The pack's rule set; a pack with any problem is an error (the bench's packs have none). */
export function compileSource(source: PackSource): RuleSet {
  const { pack, problems } = parsePack(source.text, source.file);
  if (!pack || problems.length > 0)
    throw new Error(`${source.file}: ${JSON.stringify(problems.slice(0, 3))}`);
  return compilePacks([pack]).ruleSet;
}

/// <reference types="node" />
// The packs of a config, read, to a rule set: from the built-in pack compiled at build time when
// that is all a config asks for, from the rule-set cache when it holds them, else parsed and
// compiled (and cached). Every path gives the same rule set and problems; the packs themselves
// (ParsedPack: what `rules test` and the editor's rule links read) are parsed only when asked for.
import {
  type CompileOptions,
  compilePacks,
  deserializeRuleSet,
  type ParsedPack,
  type Problem,
  type RuleSet,
  serializeRuleSetBytes,
} from '@nuance/core';
import { builtinCompiled } from '@nuance/rules';
import {
  type LoadedPack,
  type LocaleRead,
  PackReadError,
  type PackSource,
  packProblem,
  parsePackSource,
  parsePackSourceSync,
} from './load-pack.js';
import type { CachedRuleSet, RuleSetCache } from './rule-set-cache.js';
import { inSharedMemory, type SharedRuleSet } from './shared-rule-set.js';

export interface CompiledSources {
  ruleSet: RuleSet;
  /** Each source's problems (parsing it, its locale files), in the order of the sources. */
  sourceProblems: Problem[][];
  /** Whether each source gave a pack (one that did not is only its problems). */
  parsed: boolean[];
  /** The problems of compiling the packs together. */
  compileProblems: Problem[];
  /**
   * Every rule id of the packs, those turned off included: only a config's `rules` asks (the
   * unknown-rule check), so a rule set from the cache makes the set when first asked (the
   * bench's 10,000 ids took 4 ms of every run's start).
   */
  ruleIds: () => ReadonlySet<string>;
  /** The packs, parsed when first asked for (a rule set from the cache was not made from them). */
  packs: () => ParsedPack[];
  /** The locale files the packs read (absolute): a change to one makes the rule set stale. */
  localeFiles: string[];
  /**
   * The rule set for the worker threads (shared-rule-set.ts), made once: the built-in pack's text,
   * a cache entry's bytes and file, else `serializeRuleSetBytes` in shared memory.
   */
  shared: () => SharedRuleSet;
}

/** The packs read from `sources` compiled under `options`, through `cache` when there is one. */
export async function compileSources(
  sources: readonly PackSource[],
  options: CompileOptions,
  cache?: RuleSetCache,
): Promise<CompiledSources> {
  const prebuilt = builtinAlone(sources, options);
  if (prebuilt !== undefined) return fromSerialized(sources, prebuilt, [], [[]]);
  const key = cache ? keyOf(sources, options, cache) : undefined;
  if (cache && key !== undefined) {
    const hit = await cache.get(key);
    if (hit) {
      try {
        return fromSerialized(sources, hit.serialized, hit.locales, hit.sourceProblems, hit.ruleIds, hit);
      } catch {
        // An entry damaged or of another format: compiled again below, and replaced.
      }
    }
  }
  const locales: LocaleRead[] = [];
  const loaded = [];
  for (const source of sources) loaded.push(await parseReadable(source, locales));
  const packs = loaded.flatMap((each) => (each.pack ? [each.pack] : []));
  const compiled = compilePacks(packs, options);
  let serialized: Uint8Array | undefined;
  const bytes = () => {
    serialized ??= serializeRuleSetBytes(compiled.ruleSet, compiled.problems);
    return serialized;
  };
  const ruleIds = new Set(packs.flatMap((p) => p.definition.rules.map((r) => r.id)));
  const result: CompiledSources = {
    ruleSet: compiled.ruleSet,
    sourceProblems: loaded.map((each) => each.problems),
    parsed: loaded.map((each) => each.pack !== undefined),
    compileProblems: compiled.problems,
    ruleIds: () => ruleIds,
    packs: () => packs,
    localeFiles: locales.map((read) => read.file),
    shared: sharedOf(bytes),
  };
  // Only a complete load is kept: a pack that gave nothing is reported where the config names it,
  // which the cache does not know.
  if (cache && key !== undefined && result.parsed.every(Boolean)) {
    // Under the key of what was compiled: a pack file left unread (load-pack.ts) that changed
    // before its text was read now has the digest of what it holds.
    const compiledKey = keyOf(sources, options, cache);
    if (compiledKey !== undefined)
      await cache.set(compiledKey, {
        serialized: bytes(),
        sourceProblems: result.sourceProblems,
        ruleIds: () => [...ruleIds],
        locales,
      });
  }
  return result;
}

/**
 * The cache's key of these sources under `options`; undefined when a pack file left unread cannot
 * be read for its digest (the compile then reports it).
 */
function keyOf(
  sources: readonly PackSource[],
  options: CompileOptions,
  cache: RuleSetCache,
): string | undefined {
  try {
    return cache.key(
      sources.map((source) => keyedSource(source, cache)),
      options,
    );
  } catch (error) {
    if (error instanceof PackReadError) return undefined;
    throw error;
  }
}

/** `parsePackSource`, with a pack file left unread that cannot be read reported as a pack that cannot be. */
async function parseReadable(source: PackSource, locales: LocaleRead[]): Promise<LoadedPack> {
  try {
    return await parsePackSource(source, locales);
  } catch (error) {
    if (!(error instanceof PackReadError)) throw error;
    return { problems: [packProblem(source.file, error.message)] };
  }
}

/**
 * A source as the cache's key reads it: a pack file by the digest of its bytes (its text is not
 * decoded unless it is compiled), with a termbase's options, which change what it compiles to.
 */
function keyedSource(source: PackSource, cache: RuleSetCache): { file: string; text: string } {
  const content = source.digest ? `bytes ${source.digest(cache.digests)}` : source.text;
  const text = source.options === undefined ? content : `${content}\u0000${JSON.stringify(source.options)}`;
  return { file: source.file, text };
}

/** The built-in pack's compiled text, when the config asks for that pack alone and no option. */
function builtinAlone(
  sources: readonly PackSource[],
  options: CompileOptions,
): string | Uint8Array | undefined {
  const only = sources[0];
  if (sources.length !== 1 || !only?.builtin) return undefined;
  if (Object.values(options).some((value) => value !== undefined)) return undefined;
  return builtinCompiled(only.name);
}

/** `lazy`: a cache entry's reader of its records and their file (`text` holds what comes before them). */
function fromSerialized(
  sources: readonly PackSource[],
  text: string | Uint8Array,
  locales: readonly LocaleRead[],
  sourceProblems: Problem[][],
  ruleIds?: CachedRuleSet['ruleIds'],
  lazy?: Pick<CachedRuleSet, 'readRecords' | 'records'>,
): CompiledSources {
  const { ruleSet, problems } = deserializeRuleSet(text, lazy?.readRecords);
  let packs: ParsedPack[] | undefined;
  let ids: ReadonlySet<string> | undefined;
  const parse = () => {
    // A pack file that can no longer be read gives nothing here (the config's next load says why).
    packs ??= sources.flatMap((source) => {
      try {
        return parsePackSourceSync(source, locales).pack ?? [];
      } catch (error) {
        if (error instanceof PackReadError) return [];
        throw error;
      }
    });
    return packs;
  };
  return {
    ruleSet,
    sourceProblems,
    parsed: sources.map(() => true),
    compileProblems: problems,
    // Without the ids (the built-in pack alone: no `rules` to check them against), the rule set's.
    ruleIds: () => {
      ids ??= new Set(ruleIds?.() ?? ruleSet.rules.map((rule) => rule.id));
      return ids;
    },
    packs: parse,
    localeFiles: locales.map((read) => read.file),
    shared: sharedOf(() => text, lazy?.records),
  };
}

/**
 * `CompiledSources.shared`, made when first asked for: a text as it is, bytes in shared memory,
 * with the file of their records when they stop before them (a cache entry's).
 */
function sharedOf(
  serialized: () => string | Uint8Array,
  records?: CachedRuleSet['records'],
): () => SharedRuleSet {
  let shared: SharedRuleSet | undefined;
  return () => {
    if (shared === undefined) {
      const made = serialized();
      if (typeof made === 'string') shared = made;
      else shared = records ? { bytes: inSharedMemory(made), records } : inSharedMemory(made);
    }
    return shared;
  };
}

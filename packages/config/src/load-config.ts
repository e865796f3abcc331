/// <reference types="node" />
import path from 'node:path';
import {
  type CompileOptions,
  type NuanceConfig,
  type ParsedPack,
  type Problem,
  parseConfig,
  type RuleSet,
  stripBom,
} from '@nuance/core';
import { compileSources } from './compile-sources.js';
import { isBuiltinPackName, type PackSource, packProblem, readPackSource } from './load-pack.js';
import { outsideScope, packScope } from './pack-scope.js';
import { isPackagePackName, resolvePackagePack } from './package-pack.js';
import type { RuleSetCache } from './rule-set-cache.js';
import type { SharedRuleSet } from './shared-rule-set.js';
import { describeFsError, readText } from './text-file.js';

export interface LoadedConfig {
  /** The absolute path of the config file read, if any. */
  file?: string;
  /** The effective settings: the defaults, the file's on top, the overrides on top of both. */
  config: NuanceConfig;
  ruleSet: RuleSet;
  problems: Problem[];
  /**
   * The packs, parsed when first read: a rule set from the rule-set cache, or the built-in pack
   * compiled at build time, was not made from them, and a run that only lints never reads them.
   */
  readonly packs: ParsedPack[];
  /** The pack files and the locale files they name, as read (absolute; built-in packs are not files). */
  packFiles: string[];
  /** The pack files alone, in the order the config names them: where the rules of `packs` are written. */
  rulePackFiles: string[];
  /**
   * The rule set as the worker threads of this process receive it, made once, shared rather than
   * copied (`ruleSetFromShared` rebuilds it in a worker): see shared-rule-set.ts.
   */
  shared(): SharedRuleSet;
}

export interface LoadConfigOptions {
  /** A config file (relative to `cwd`); without one, the defaults apply. */
  configFile?: string;
  cwd: string;
  /** Settings that win over the file's (CLI flags); null or undefined = not set. */
  overrides?: Partial<NuanceConfig>;
  /**
   * Settings the file's win over (editor settings), above the built-in defaults; null or
   * undefined = not set. Precedence: overrides > file > defaults > built-in defaults.
   */
  defaults?: Partial<NuanceConfig>;
  /**
   * Read the packs a config file names from anywhere (`--allow-packs-outside`); by default only
   * from inside its repository (see pack-scope.ts).
   */
  allowPacksOutside?: boolean;
  /** The locale of a document whose language is unknown: an editor's UI locale (`vscode.env.language`). */
  fallbackLocale?: string;
  /** Where compiled rule sets are kept between runs (rule-set-cache.ts); none: compile every time. */
  cache?: RuleSetCache;
}

/** With no config file, the built-in `korea-china` pack is on (DESIGN, Configuration). */
export const DEFAULT_PACKS: readonly string[] = ['korea-china'];

type ParsedConfig = ReturnType<typeof parseConfig>;

/**
 * Read a config file (or none: defaults), load its packs and compile them. Every problem is
 * collected with a file and position and linting goes on with what is valid: a bad pack is
 * skipped, an unknown rule id in `rules:` is reported and ignored. Loading never runs code.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const problems: Problem[] = [];
  let file: string | undefined;
  let fileConfig: NuanceConfig = {};
  let parsed: ParsedConfig | undefined;
  if (options.configFile !== undefined) {
    file = path.resolve(options.cwd, options.configFile);
    const read = await readConfigText(file);
    if (typeof read === 'string') {
      parsed = parseConfig(read, file);
      fileConfig = parsed.config;
      for (const p of parsed.problems) problems.push(p);
    } else {
      problems.push(read);
    }
  }
  const config = mergeConfig(mergeConfig(options.defaults ?? {}, fileConfig), options.overrides);
  const baseDir = file ? path.dirname(file) : options.cwd;

  const sources: PackSource[] = [];
  // Where each read pack is named in the config: a pack that gives nothing is reported there.
  const entries: number[] = [];
  const seen = new Set<string>();
  const names = config.packs ?? DEFAULT_PACKS;
  // Only the file's own `packs` are confined: the caller's layers (editor settings) are the user's.
  const fromFile = fileConfig.packs != null && options.overrides?.packs == null;
  const scope =
    fromFile && file !== undefined ? await packScope(file, options.allowPacksOutside === true) : undefined;
  const atEntry = (problem: Problem, index: number): Problem =>
    problem.code === 'unreadable-pack' && file !== undefined && parsed !== undefined
      ? { ...problem, file, ...parsed.locate(['packs', index]) }
      : problem;
  for (const [index, name] of names.entries()) {
    const where = await packLocation(name, baseDir);
    if (seen.has(where.key)) continue;
    seen.add(where.key);
    const outside =
      scope === undefined || where.problem || isBuiltinPackName(name)
        ? undefined
        : await outsideScope(where.key, scope);
    const read = where.problem
      ? { problems: [where.problem] }
      : outside
        ? { problems: [packProblem(where.key, `Cannot read pack \`${name}\`: ${outside}`)] }
        : await readPackSource(
            isPackagePackName(name) ? where.key : name,
            baseDir,
            config.packOptions?.[name],
            options.cache?.digests,
          );
    // A pack that cannot be read has no file to point into: point at where the config names it.
    if ('problems' in read) for (const problem of read.problems) problems.push(atEntry(problem, index));
    else {
      sources.push(read);
      entries.push(index);
    }
  }

  const compileOptions: CompileOptions = {};
  if (config.rules) compileOptions.rules = config.rules;
  if (config.accept) compileOptions.accept = config.accept;
  if (config.audience) compileOptions.audience = config.audience;
  if (config.locale) compileOptions.locale = config.locale;
  if (options.fallbackLocale) compileOptions.fallbackLocale = options.fallbackLocale;
  const compiled = await compileSources(sources, compileOptions, options.cache);
  // Loops, not push(...list): a spread of a very long list overflows the stack.
  compiled.sourceProblems.forEach((list, i) => {
    // A pack that gave nothing (a termbase with no concept) is reported where the config names it;
    // one that loaded points into itself (a locale file it names could not be read).
    for (const p of list) problems.push(compiled.parsed[i] ? p : atEntry(p, entries[i] ?? 0));
  });
  for (const p of compiled.compileProblems) problems.push(p);
  for (const p of unknownRules(config, compiled.ruleIds, compiled.ruleSet, file, parsed?.locateKey))
    problems.push(p);

  const rulePackFiles = sources.flatMap((source) => (source.builtin ? [] : [source.file]));
  const result: LoadedConfig = {
    config,
    ruleSet: compiled.ruleSet,
    problems,
    get packs() {
      return compiled.packs();
    },
    packFiles: [...rulePackFiles, ...compiled.localeFiles],
    rulePackFiles,
    shared: compiled.shared,
  };
  if (file !== undefined) result.file = file;
  return result;
}

/** The same load with other problems (a server keeping the last good load of a broken config). */
export function withLoadProblems(loaded: LoadedConfig, problems: Problem[]): LoadedConfig {
  // Copied by descriptors: spreading would parse the packs (their getter) for nothing.
  const copy = Object.create(null, Object.getOwnPropertyDescriptors(loaded)) as LoadedConfig;
  copy.problems = problems;
  return copy;
}
/**
 * What a `packs` entry names: a built-in pack (its name), a file, or an npm package's pack file
 * (package-pack.ts); `key` tells two entries naming one pack apart.
 */
async function packLocation(name: string, baseDir: string): Promise<{ key: string; problem?: Problem }> {
  if (isPackagePackName(name)) {
    const resolved = await resolvePackagePack(name, baseDir);
    return 'file' in resolved ? { key: resolved.file } : { key: name, problem: resolved.problem };
  }
  return { key: isBuiltinPackName(name) ? name : path.resolve(baseDir, name) };
}

async function readConfigText(file: string): Promise<string | Problem> {
  try {
    return stripBom(await readText(file));
  } catch (error) {
    return {
      code: 'unreadable-config',
      message: `Cannot read config file \`${file}\`: ${describeFsError(error)}`,
      file,
      line: 1,
      column: 1,
      severity: 'error',
    };
  }
}

/** The file's settings with each set (non-null) override on top. */
export function mergeConfig(base: NuanceConfig, overrides: Partial<NuanceConfig> | undefined): NuanceConfig {
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && value !== null) merged[key] = value;
  }
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined && value !== null) merged[key] = value;
  }
  return merged as NuanceConfig;
}

function unknownRules(
  config: NuanceConfig,
  known: () => ReadonlySet<string>,
  ruleSet: RuleSet,
  file: string | undefined,
  locateKey: ParsedConfig['locateKey'] | undefined,
): Problem[] {
  // A rule turned `off` may be absent from the compiled set, so the packs' own ids count too.
  const problems: Problem[] = [];
  for (const id of Object.keys(config.rules ?? {})) {
    if (known().has(id) || ruleSet.has(id)) continue;
    // On the key itself (the id is the problem); an id from the overrides or defaults has no key
    // in the file, and gets the nearest place there is.
    const position = locateKey?.(['rules', id]) ?? { line: 1, column: 1 };
    problems.push({
      code: 'unknown-rule',
      message: `Unknown rule \`${id}\`: no loaded pack has it`,
      file: file ?? '<overrides>',
      ...position,
      severity: 'error',
    });
  }
  return problems;
}

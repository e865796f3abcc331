/// <reference types="node" />
import { ConfigResolver, type ConfigResolverOptions, type LoadedConfig } from '@nuance/config';
import { type RuleInfo, readingsFor, type Severity } from '@nuance/core';
import type { CliIo } from '../io.js';
import { formatProblems } from '../reporters/problems.js';

/** A rule as configured here: `severity` is what the config makes it, `off` included. */
export interface CatalogRule {
  info: RuleInfo;
  severity: Severity | 'off';
}

export interface Catalog {
  rules: CatalogRule[];
  loaded: LoadedConfig;
  /** Config or pack problems were printed: the command exits 2 after its output. */
  failed: boolean;
}

/**
 * The rules in effect in the working folder: `--config`, else the nearest `.nuancerc.yaml`, else
 * the defaults. Rules the config turns off are listed too (as `off`), so `explain` can still
 * describe them.
 */
export async function loadCatalog(options: CatalogOptions, io: CliIo): Promise<Catalog> {
  const { loaded, failed } = await loadRulesConfig(options, io);
  const rules = loaded.ruleSet.rules.map((rule) => catalogRule(rule, loaded));
  return { rules, loaded, failed };
}

export interface CatalogOptions {
  config?: string;
  audience?: string[];
  allowPacksOutside?: true;
}

/** The config `loadCatalog` reads, its problems printed, without making a catalog of its rules. */
export async function loadRulesConfig(
  options: CatalogOptions,
  io: CliIo,
): Promise<{ loaded: LoadedConfig; failed: boolean }> {
  const resolverOptions: ConfigResolverOptions = { cwd: io.cwd };
  if (options.allowPacksOutside) resolverOptions.allowPacksOutside = true;
  if (io.cache) resolverOptions.cache = io.cache;
  if (options.config !== undefined) resolverOptions.configFile = options.config;
  if (options.audience) resolverOptions.overrides = { audience: options.audience };
  const { loaded } = await new ConfigResolver(resolverOptions).forDir(io.cwd);
  if (loaded.problems.length > 0) io.stderr.write(formatProblems(loaded.problems, io.cwd));
  return { loaded, failed: loaded.problems.some((p) => p.severity === 'error') };
}

/** A rule as `loaded`'s config makes it: its readings for the config's audience, `off` when turned off. */
export function catalogRule(rule: RuleInfo, loaded: LoadedConfig): CatalogRule {
  // The rule set keeps rules turned off (so ids stay known), with their pack severity.
  const settings = loaded.config.rules ?? {};
  const audience = loaded.config.audience;
  const info =
    audience && rule.audiences ? { ...rule, audiences: readingsFor(rule.audiences, audience) } : rule;
  return { info, severity: settings[rule.id] === 'off' ? 'off' : rule.severity };
}

/** The closest rule id to a mistyped one, if any is close (edit distance, also on the name alone). */
export function didYouMean(input: string, ids: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  const byName = ids.filter((id) => id.slice(id.indexOf('/') + 1) === wanted);
  if (byName.length === 1) return byName[0];
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    const name = id.slice(id.indexOf('/') + 1);
    const distance = Math.min(editDistance(wanted, id), editDistance(wanted, name));
    if (!best || distance < best.distance) best = { id, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.id : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A glossary rule gives no finding at all: neither `yes` nor `no` would be true of it. */
export function fixableWord(info: { fixable: boolean; glossary: boolean }): string {
  if (info.glossary) return 'glossary only';
  return info.fixable ? 'yes' : 'no';
}

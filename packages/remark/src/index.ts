/// <reference types="node" />
// nuance as a remark plugin that needs nothing but data, for remark-cli, unified-engine and
// vscode-remark (`"plugins": ["@nuance/remark-nuance"]` in `.remarkrc.json`): it finds the
// `.nuancerc.yaml` of each file itself, as the CLI does, and reads its packs. @nuance/unified's
// plugin takes a compiled rule set instead, so it stays free of file system code.
import path from 'node:path';
import { ConfigResolver, FreshConfigs, type ResolvedConfig } from '@nuance/config';
import { type NuanceConfig, type Problem, stripBom } from '@nuance/core';
import { formatOf, lintDocument, reportFinding } from '@nuance/unified';
import type { VFile } from 'vfile';
import { overridesFrom } from './options.js';

export type { RemarkNuanceOptions } from './options.js';

/**
 * One resolver per working folder and options, shared by every file of a run. It looks for the
 * nearest `.nuancerc.yaml` afresh for each file (a config created in an editor session applies),
 * and reloads a config whose files changed (@nuance/config's FreshConfigs).
 */
const resolvers = new Map<string, FreshConfigs>();

/**
 * Lint each file as `nuance` would lint it: the same pipeline (`lintDocument` of @nuance/unified on
 * the file's text, whatever plugins parsed the tree), so the findings, positions and fixes are
 * those of `nuance --format json`. One `file.message()` per finding (`fatal` for errors, so
 * `remark --frail` fails on warnings too), never `file.fail()`.
 */
export default function remarkNuance(options?: unknown): (tree: unknown, file: VFile) => Promise<void> {
  const { overrides, configFile, allowPacksOutside } = overridesFrom(options);
  return async (_tree, file) => {
    const cwd = file.cwd || process.cwd();
    const key = JSON.stringify([cwd, overrides, configFile, allowPacksOutside]);
    let resolver = resolvers.get(key);
    if (!resolver) {
      resolver = new FreshConfigs(
        new ConfigResolver({
          cwd,
          overrides,
          cacheDiscovery: false,
          ...(configFile !== undefined ? { configFile } : {}),
          ...(allowPacksOutside ? { allowPacksOutside } : {}),
        }),
      );
      resolvers.set(key, resolver);
    }
    const absolute = file.path ? path.resolve(cwd, file.path) : undefined;
    // A file without a path (piped in) is a document of the working folder.
    const resolved = await resolver.forFile(absolute ?? path.join(cwd, '-'));
    if (absolute && resolved.isIgnored(absolute)) return;
    reportProblems(file, resolved.loaded.problems);
    lint(file, absolute, resolved);
  };
}

function lint(file: VFile, absolute: string | undefined, { loaded }: ResolvedConfig): void {
  const config: NuanceConfig = loaded.config;
  // remark reads everything as Markdown; a `.txt` named to remark-cli is read as nuance reads it.
  const format = absolute !== undefined && /\.txt$/i.test(absolute) ? formatOf(absolute) : 'markdown';
  const { findings } = lintDocument({
    text: stripBom(String(file.value ?? '')),
    path: absolute,
    format,
    ruleSet: loaded.ruleSet,
    lang: config.lang,
    topic: config.topic,
    voice: config.voice,
  });
  for (const finding of findings) reportFinding(file, finding);
}

/**
 * A config or pack problem, on the document (remark shows messages per document): at its start,
 * naming the file and place of the problem, `fatal` when it is an error, as the CLI's exit 2.
 */
function reportProblems(file: VFile, problems: readonly Problem[]): void {
  for (const problem of problems) {
    const where = `${path.relative(file.cwd || process.cwd(), problem.file) || problem.file}:${problem.line}:${problem.column}`;
    const message = file.message(`${problem.message} (${where})`, {
      place: { line: 1, column: 1 },
      ruleId: `pack/${problem.code}`,
      source: 'nuance',
    });
    message.fatal = problem.severity === 'error' ? true : problem.severity === 'warning' ? false : undefined;
  }
}

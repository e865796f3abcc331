import { builtinPackNames, loadConfig, loadPack } from '@nuance/config';
import { compilePacks, type ParsedPack } from '@nuance/core';
import { runPackExamples } from '@nuance/unified';
import type { CliIo } from '../io.js';
import { formatProblems } from '../reporters/problems.js';
import { formatMissingTexts } from './missing-texts.js';

export interface RulesTestOptions {
  /** A built-in pack name or a pack file; default: the config's packs, else every built-in pack. */
  pack?: string;
  config?: string;
  allowPacksOutside?: true;
}

/**
 * Run every example of the packs through the same path as linting (`runPackExamples`), print the
 * failures and a summary. Exit 1 on a failed example, 2 on a pack problem.
 */
export async function runRulesTest(options: RulesTestOptions, io: CliIo): Promise<number> {
  const problems = [];
  const packs: ParsedPack[] = [];
  if (options.pack !== undefined) {
    const loaded = await loadPack(options.pack, io.cwd);
    for (const p of loaded.problems) problems.push(p);
    if (loaded.pack) packs.push(loaded.pack);
  } else if (options.config !== undefined) {
    const loaded = await loadConfig({
      configFile: options.config,
      cwd: io.cwd,
      allowPacksOutside: options.allowPacksOutside === true,
    });
    for (const p of loaded.problems) if (p.code !== 'unknown-rule') problems.push(p);
    for (const pack of loaded.packs) packs.push(pack);
  } else {
    for (const name of builtinPackNames()) {
      const loaded = await loadPack(name, io.cwd);
      for (const p of loaded.problems) problems.push(p);
      if (loaded.pack) packs.push(loaded.pack);
    }
  }

  let passed = 0;
  let failed = 0;
  for (const pack of packs) {
    // Each pack is tested on its own: its valid examples must give no finding from that pack.
    const compiled = compilePacks([pack]);
    for (const p of compiled.problems) problems.push(p);
    const results = await runPackExamples(pack, compiled.ruleSet);
    for (const result of results) {
      if (result.ok) {
        passed++;
        continue;
      }
      failed++;
      io.stdout.write(
        `✖ ${result.ruleId}  ${result.kind} example (${result.variant}): ${result.message ?? 'failed'}\n` +
          `    ${JSON.stringify(result.text)}\n`,
      );
    }
  }
  for (const pack of packs) io.stdout.write(formatMissingTexts(pack));
  const unique = dedupe(problems);
  if (unique.length > 0) io.stderr.write(formatProblems(unique, io.cwd));
  io.stdout.write(`${passed} example${passed === 1 ? '' : 's'} passed, ${failed} failed\n`);
  if (unique.some((p) => p.severity === 'error')) return 2;
  return failed > 0 ? 1 : 0;
}

// loadConfig already compiled the packs together; compiling each again repeats their problems.
function dedupe<T extends { file: string; line: number; column: number; code: string; message: string }>(
  problems: readonly T[],
): T[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.code}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

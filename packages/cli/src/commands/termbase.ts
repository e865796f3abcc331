// `nuance import FILE` (a TBX, CSV or TSV termbase -> a commented pack YAML to review) and
// `nuance export --format tbx|csv|tsv PACK` (a pack's term rules -> a termbase for translators'
// tools). The mapping both ways is @nuance/config's (README: Termbases as packs).
import path from 'node:path';
import {
  describeFsError,
  type ExportFormat,
  exportPack,
  isTermbaseFile,
  loadPack,
  readText,
  termbaseToYaml,
} from '@nuance/config';
import { stripBom } from '@nuance/core';
import type { CliIo } from '../io.js';
import { OutputError, writeOutputFile } from '../output.js';
import { formatProblems } from '../reporters/problems.js';
import { terminalText } from '../reporters/terminal-text.js';

export interface ImportOptions {
  file: string;
  output?: string;
  /** `--subjects territory,currency`: only the concepts with one of these subject fields. */
  subjects?: string;
  /** `--key-terms`: every concept is a key term (checked in translations). */
  keyTerms?: true;
}

export interface ExportOptions {
  pack: string;
  format: ExportFormat;
  output?: string;
}

/** Exit 0; 2 when the termbase has problems (the YAML is still written, without what they name). */
export async function runImport(options: ImportOptions, io: CliIo): Promise<number> {
  const file = path.resolve(io.cwd, options.file);
  if (!isTermbaseFile(file)) {
    io.stderr.write(
      `nuance: ${terminalText(`Cannot import \`${options.file}\`: expected a .tbx, .csv or .tsv termbase`)}\n`,
    );
    return 2;
  }
  let text: string;
  try {
    text = stripBom(await readText(file));
  } catch (error) {
    io.stderr.write(
      `nuance: ${terminalText(`Cannot read \`${options.file}\`: ${describeFsError(error)}`)}\n`,
    );
    return 2;
  }
  const subjects = options.subjects
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const { yaml, problems } = termbaseToYaml(text, file, {
    ...(subjects && subjects.length > 0 ? { subjects } : {}),
    ...(options.keyTerms ? { 'key-terms': true } : {}),
  });
  if (problems.length > 0) io.stderr.write(formatProblems(problems, io.cwd));
  const written = await emit(yaml, options.output, io);
  return written && !problems.some((p) => p.severity === 'error') ? 0 : 2;
}

/** Exit 0; 2 when the pack cannot be loaded or has problems (what loads is still written). */
export async function runExport(options: ExportOptions, io: CliIo): Promise<number> {
  const { pack, problems } = await loadPack(options.pack, io.cwd);
  if (problems.length > 0) io.stderr.write(formatProblems(problems, io.cwd));
  if (!pack) return 2;
  const { text, skipped } = exportPack(pack.definition, options.format);
  if (skipped.length > 0) {
    io.stderr.write(
      `nuance: ${terminalText(`Not exported (a termbase holds terms only): ${skipped.join(', ')}`)}\n`,
    );
  }
  const written = await emit(text, options.output, io);
  return written && !problems.some((p) => p.severity === 'error') ? 0 : 2;
}

async function emit(text: string, output: string | undefined, io: CliIo): Promise<boolean> {
  if (output === undefined) {
    io.stdout.write(text);
    return true;
  }
  try {
    await writeOutputFile(path.resolve(io.cwd, output), text, { stdout: io.stdout, stderr: io.stderr });
    return true;
  } catch (error) {
    const why = error instanceof OutputError ? error.message : describeFsError(error);
    io.stderr.write(`nuance: ${terminalText(`Cannot write \`${output}\`: ${why}`)}\n`);
    return false;
  }
}

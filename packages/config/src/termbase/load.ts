// A termbase file (`.tbx`, `.csv`, `.tsv`) as a pack: read, mapped to term rules, validated.
import {
  importedTermPack,
  type PackOptions,
  type ParsedPack,
  type Problem,
  parseImportedTermPack,
} from '@nuance/core';
import { readCsv } from './csv.js';
import type { Termbase } from './model.js';
import { readTbx } from './tbx.js';
import { asData, termbaseRules } from './to-pack.js';

const KINDS: Readonly<Record<string, (text: string, file: string) => Termbase>> = {
  '.tbx': readTbx,
  '.csv': (text, file) => readCsv(text, file, false),
  '.tsv': (text, file) => readCsv(text, file, true),
};

function extensionOf(file: string): string {
  const match = /\.[^./\\]*$/.exec(file);
  return match ? match[0].toLowerCase() : '';
}

/** Whether a pack path names a termbase (read by its extension) rather than a YAML pack. */
export function isTermbaseFile(file: string): boolean {
  return Object.hasOwn(KINDS, extensionOf(file));
}

/** The concepts of a termbase file, with the problems of reading it (the text without its BOM). */
export function readTermbase(text: string, file: string): Termbase {
  const read = KINDS[extensionOf(file)];
  if (!read) throw new Error(`Not a termbase file: ${file}`);
  return read(text, file);
}

/** A termbase file as a pack of term rules; every problem is placed in the termbase. */
export function parseTermbase(
  text: string,
  file: string,
  options: PackOptions = {},
): { pack?: ParsedPack; problems: Problem[] } {
  const termbase = readTermbase(text, file);
  const mapped = termbaseRules(termbase, options);
  const problems = [...termbase.problems, ...mapped.problems];
  if (termbase.concepts.length > 0 && mapped.value.rules.length === 0 && options.subjects) {
    problems.push({
      code: 'unreadable-pack',
      message: `Cannot read termbase \`${file}\`: no concept has the subject fields ${options.subjects.map((s) => `\`${s}\``).join(', ')}`,
      file,
      line: 1,
      column: 1,
      severity: 'error',
    });
    return { problems: sorted(problems) };
  }
  if (termbase.concepts.length === 0) {
    problems.push({
      code: 'unreadable-pack',
      message: `Cannot read termbase \`${file}\`: it holds no concept (a TBX \`termEntry\` or \`conceptEntry\`, a row under a CSV header)`,
      file,
      line: 1,
      column: 1,
      severity: 'error',
    });
    return { problems: sorted(problems) };
  }
  // A termbase that loads cleanly is defined from its rules' fields; else the data path places
  // each problem (the same pack either way, tested).
  const direct = importedTermPack(mapped.value, file, mapped.locator);
  if (direct) return { pack: direct, problems: sorted(problems) };
  const data = asData(mapped);
  const parsed = parseImportedTermPack(data.value, file, data.locator);
  problems.push(...parsed.problems);
  return parsed.pack ? { pack: parsed.pack, problems: sorted(problems) } : { problems: sorted(problems) };
}

function sorted(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

// The one entry for callers that lint a file by its path (the CLI, the language server): whether
// the file is bilingual (XLIFF, a parallel TSV, a release set's translation) and, if so, its lint.
// The file system stays with the caller, behind `BilingualHost`.
import type { Finding, RuleSet } from '@nuance/core';
import { bilingualFormatOf, lintBilingualFile, readBilingual } from './lint-file.js';
import { isReleaseSetMember, lintReleaseTarget, releaseSetSource } from './release-set.js';

export interface BilingualHost {
  /** The paths of the files in `file`'s folder. */
  siblings(file: string): string[];
  /** A file's text without its BOM, or undefined when it cannot be read. */
  read(file: string): string | undefined;
  /** How a path is shown in findings (`Finding.source.path`). */
  shown(file: string): string;
}

export interface BilingualConfig {
  ruleSet: RuleSet;
  /** Config `source-language`. */
  sourceLanguage?: string | undefined;
  /** Config `topic` with the `voice` topic. */
  topic?: readonly string[] | undefined;
  /** Config `lang`. */
  lang?: string | undefined;
}

/**
 * The lint of `file` when it is bilingual, else undefined. The returned function gives undefined
 * for a text that turns out not to be bilingual (a TSV without two language columns, a release
 * set whose source cannot be read): the caller lints it as a document.
 */
export function bilingualLinter(
  file: string | undefined,
  config: BilingualConfig,
  host: BilingualHost,
): ((text: string) => Finding[] | undefined) | undefined {
  if (file === undefined) return undefined;
  const format = bilingualFormatOf(file);
  if (format !== undefined) {
    return (text) => {
      const read = readBilingual(text, format, config.sourceLanguage);
      return read && lintBilingualFile(read, { ruleSet: config.ruleSet, topic: config.topic });
    };
  }
  if (!isReleaseSetMember(file)) return undefined;
  const source = releaseSetSource(file, host.siblings(file), config.sourceLanguage);
  if (source === undefined) return undefined;
  return (text) => {
    const sourceText = host.read(source);
    if (sourceText === undefined) return undefined;
    return lintReleaseTarget(
      { path: file, text },
      { path: source, text: sourceText, shown: host.shown(source) },
      { ruleSet: config.ruleSet, topic: config.topic, lang: config.lang },
    );
  };
}

// Bilingual files in the CLI: XLIFF and parallel TSV are read by @nuance/bilingual and linted with
// their sources; a release set's translation is linted against its source document. The decisions
// (units, checks) are @nuance/bilingual's and core's; this module only finds the files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bilingualFormatOf,
  lintBilingualFile,
  lintReleaseTarget,
  readBilingual,
  releaseSetSource,
} from '@nuance/bilingual';
import type { Finding } from '@nuance/core';
import { voiceTopic } from '@nuance/unified';
import type { LintConfig } from './parallel/shared-config.js';

function topicOf(loaded: LintConfig): string[] {
  const { topic = [], voice } = loaded.config;
  return voice === undefined ? [...topic] : [...topic, voiceTopic(voice)];
}

/**
 * The lint of a bilingual file (XLIFF, a parallel TSV, a release set's translation), or undefined
 * for any other file, which the caller lints as a document.
 */
export function bilingualLinter(
  file: string | undefined,
  loaded: LintConfig,
): ((text: string) => Finding[] | undefined) | undefined {
  if (file === undefined) return undefined;
  const sourceLanguage = loaded.config['source-language'];
  const format = bilingualFormatOf(file);
  if (format !== undefined) {
    return (text) => {
      const read = readBilingual(text, format, sourceLanguage);
      return read && lintBilingualFile(read, { ruleSet: loaded.ruleSet, topic: topicOf(loaded) });
    };
  }
  const source = releaseSetSource(file, siblings(file), sourceLanguage);
  if (source === undefined) return undefined;
  return (text) => {
    let sourceText: string;
    try {
      sourceText = readFileSync(source, 'utf8').replace(/^\ufeff/u, '');
    } catch {
      return undefined;
    }
    return lintReleaseTarget(
      { path: file, text },
      { path: source, text: sourceText, shown: path.basename(source) },
      { ruleSet: loaded.ruleSet, topic: topicOf(loaded), lang: loaded.config.lang },
    );
  };
}

function siblings(file: string): string[] {
  try {
    const dir = path.dirname(file);
    return readdirSync(dir).map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

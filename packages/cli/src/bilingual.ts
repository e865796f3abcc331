// Bilingual files in the CLI (XLIFF, parallel TSV, release sets): @nuance/bilingual decides; this
// module gives it the file system.
import { type BilingualHost, bilingualLinter as linterOf } from '@nuance/bilingual';
import { siblingFiles } from '@nuance/config';
import type { Finding } from '@nuance/core';
import { voiceTopic } from '@nuance/unified';
import type { LintConfig } from './parallel/shared-config.js';

// A run lists each folder once, however many release-set files it holds.
const NODE_HOST: BilingualHost = siblingFiles({ cacheFolders: true });

/** The lint of a bilingual file, or undefined for any other file (see @nuance/bilingual). */
export function bilingualLinter(
  file: string | undefined,
  loaded: LintConfig,
): ((text: string) => Finding[] | undefined) | undefined {
  const { topic = [], voice, lang } = loaded.config;
  return linterOf(
    file,
    {
      ruleSet: loaded.ruleSet,
      sourceLanguage: loaded.config['source-language'],
      topic: voice === undefined ? topic : [...topic, voiceTopic(voice)],
      lang,
    },
    NODE_HOST,
  );
}

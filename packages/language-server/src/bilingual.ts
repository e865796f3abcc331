/// <reference types="node" />
// Bilingual documents in the editor (XLIFF, parallel TSV, a release set's translation):
// @nuance/bilingual decides and lints; this module gives it the file system and the config.
import { type BilingualHost, bilingualLinter } from '@nuance/bilingual';
import { type ResolvedConfig, siblingFiles } from '@nuance/config';
import type { Finding } from '@nuance/core';
import { voiceTopic } from '@nuance/unified';

const HOST: BilingualHost = siblingFiles({ cacheFolders: false });

/** The findings of a bilingual document, or undefined for any other document. */
export function bilingualFindings(
  filePath: string | undefined,
  text: string,
  config: ResolvedConfig,
): Finding[] | undefined {
  const { topic = [], voice, lang } = config.loaded.config;
  const lint = bilingualLinter(
    filePath,
    {
      ruleSet: config.loaded.ruleSet,
      sourceLanguage: config.loaded.config['source-language'],
      topic: voice === undefined ? topic : [...topic, voiceTopic(voice)],
      lang,
    },
    HOST,
  );
  return lint?.(text);
}

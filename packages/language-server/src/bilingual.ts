/// <reference types="node" />
// Bilingual documents in the editor (XLIFF, parallel TSV, a release set's translation):
// @nuance/bilingual decides and lints; this module gives it the file system and the config.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type BilingualHost, bilingualLinter } from '@nuance/bilingual';
import type { ResolvedConfig } from '@nuance/config';
import type { Finding } from '@nuance/core';
import { voiceTopic } from '@nuance/unified';

const HOST: BilingualHost = {
  siblings(file) {
    try {
      const dir = path.dirname(file);
      return readdirSync(dir).map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  },
  read(file) {
    try {
      return readFileSync(file, 'utf8').replace(/^\ufeff/u, '');
    } catch {
      return undefined;
    }
  },
  shown: (file) => path.basename(file),
};

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

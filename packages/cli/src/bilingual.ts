// Bilingual files in the CLI (XLIFF, parallel TSV, release sets): @nuance/bilingual decides; this
// module gives it the file system.
import { type BilingualHost, bilingualLinter as linterOf } from '@nuance/bilingual';
import { siblingFiles } from '@nuance/config';
import type { Finding } from '@nuance/core';
import { voiceTopic } from '@nuance/unified';
import type { LintConfig } from './parallel/shared-config.js';

// A run lists each folder once, however many release-set files it holds: a host per run
// (`newRunHost`), so that a run in a process that ran one before (the API's `main`) sees files
// added since.
let runHost: BilingualHost = siblingFiles({ cacheFolders: true });

/** How this run reads release sets (their folders listed once). */
export function nodeHost(): BilingualHost {
  return runHost;
}

/** Start a run: its folders are listed afresh. */
export function newRunHost(): void {
  runHost = siblingFiles({ cacheFolders: true });
}

/**
 * The lint of a bilingual file, or undefined for any other file (see @nuance/bilingual). `host`:
 * how it reads a release set's other files (`--cache` records what it reads: cache/record.ts).
 */
export function bilingualLinter(
  file: string | undefined,
  loaded: LintConfig,
  host: BilingualHost = runHost,
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
    host,
  );
}

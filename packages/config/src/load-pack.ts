/// <reference types="node" />
import path from 'node:path';
import {
  applyPackLocale,
  type PackOptions,
  type ParsedPack,
  type Problem,
  parsePack,
  stripBom,
} from '@nuance/core';
import { builtinPack, builtinPacks } from '@nuance/rules';
import { isTermbaseFile, parseTermbase } from './termbase/load.js';
import { describeFsError, readText } from './text-file.js';

export interface LoadedPack {
  pack?: ParsedPack;
  problems: Problem[];
}

/** Names of the packs that ship with nuance (`korea-china`...). */
export function builtinPackNames(): string[] {
  return builtinPacks.map((p) => p.name);
}

/**
 * A bare kebab-case word names a built-in pack; an npm package name (`@org/x`, `nuance-pack-x`)
 * names a package's pack; anything else (a path separator, a leading dot, an extension: `.yaml`,
 * `.tbx`, `.csv`, `.tsv`) is a file. Keeping the spellings disjoint means a file next to the
 * config can never shadow a built-in pack by accident.
 */
export function isBuiltinPackName(nameOrPath: string): boolean {
  // `nuance-pack-*` is kept for packs published as npm packages (package-pack.ts).
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(nameOrPath) && !nameOrPath.startsWith('nuance-pack-');
}

/**
 * Load one pack by built-in name or by path (relative to `baseDir`); `options` are a termbase's
 * (`subjects`, `key-terms`: README, Termbases as packs). Parsing only: a pack is data,
 * and its examples run in `nuance rules test`, never here.
 * A pack that cannot be found or read gives an `unreadable-pack` problem at line 1, column 1 of the
 * missing file; callers that know where the pack was named (a config file) re-position it.
 */
export async function loadPack(
  nameOrPath: string,
  baseDir: string,
  options?: PackOptions,
): Promise<LoadedPack> {
  if (isBuiltinPackName(nameOrPath)) {
    const builtin = builtinPack(nameOrPath);
    if (!builtin) {
      const known = builtinPackNames()
        .map((n) => `\`${n}\``)
        .join(', ');
      return {
        problems: [
          packProblem(
            nameOrPath,
            `Unknown built-in pack \`${nameOrPath}\`, expected ${known || 'none'} or a path to a pack file`,
          ),
        ],
      };
    }
    return withLocales(parsed(builtin.text, builtin.file), async (locale) => builtin.locales?.[locale]);
  }
  const file = path.resolve(baseDir, nameOrPath);
  let text: string;
  try {
    text = stripBom(await readText(file));
  } catch (error) {
    return { problems: [packProblem(file, `Cannot read pack \`${nameOrPath}\`: ${describeFsError(error)}`)] };
  }
  // A TBX, CSV or TSV termbase: its concepts become term rules (README: Termbases as packs).
  if (isTermbaseFile(file)) return parseTermbase(text, file, options);
  // Not a pack (a key file, /etc/shadow): its problems would quote its lines; say only that.
  if (!/^pack:/m.test(text)) {
    return {
      problems: [
        packProblem(
          file,
          `Cannot read pack \`${nameOrPath}\`: it is not a nuance pack (no top-level \`pack:\` key), so nothing of it is shown`,
        ),
      ],
    };
  }
  return withLocales(parsed(text, file), async (_, relative) => {
    const localeFile = path.resolve(path.dirname(file), relative);
    try {
      return { file: localeFile, text: stripBom(await readText(localeFile)) };
    } catch (error) {
      return packProblem(localeFile, `Cannot read locale file \`${relative}\`: ${describeFsError(error)}`);
    }
  });
}

type LocaleName = 'zh-Hans' | 'zh-Hant' | 'ko';
type LocaleSource = { file: string; text: string } | Problem | undefined;

/**
 * The pack with the texts of the locale files its `locales` names (each read by `read`); a file
 * that cannot be read is a problem located at its entry in the pack, and the pack keeps English
 * texts for that locale.
 */
async function withLocales(
  loaded: LoadedPack,
  read: (locale: LocaleName, relative: string) => Promise<LocaleSource>,
): Promise<LoadedPack> {
  const pack = loaded.pack;
  if (!pack?.definition.locales) return loaded;
  for (const [locale, relative] of Object.entries(pack.definition.locales) as [LocaleName, string][]) {
    const source = await read(locale, relative);
    if (source === undefined) continue;
    if ('code' in source) {
      loaded.problems.push({ ...source, file: pack.file, ...pack.locate(['locales', locale]) });
      continue;
    }
    for (const problem of applyPackLocale(pack, locale, source)) loaded.problems.push(problem);
  }
  return loaded;
}

function parsed(text: string, file: string): LoadedPack {
  const { pack, problems } = parsePack(text, file);
  return pack ? { pack, problems } : { problems };
}

/** An `unreadable-pack` problem at 1:1 of `file` (a config re-positions it on its `packs` entry). */
export function packProblem(file: string, message: string): Problem {
  return { code: 'unreadable-pack', message, file, line: 1, column: 1, severity: 'error' };
}

// The document's format and language (DESIGN: Documents and segments). The language is used
// only for bilingual pairing and audience-conditional rules, never to pick what is matched.

export type DocumentFormat = 'markdown' | 'text';

/** `.md` and `.markdown` are Markdown; everything else (`.txt`, stdin without a name) is plain text. */
export function formatOf(path: string | undefined): DocumentFormat {
  return path !== undefined && /\.(?:md|markdown)$/i.test(path) ? 'markdown' : 'text';
}

const TAG = '([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)';
const YAML_FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const TOML_FRONT_MATTER = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;
const YAML_LANG = new RegExp(`^lang[ \\t]*:[ \\t]*(['"]?)${TAG}\\1[ \\t]*(?:#.*)?\\r?$`, 'm');
const TOML_LANG = new RegExp(`^lang[ \\t]*=[ \\t]*(['"])${TAG}\\1[ \\t]*(?:#.*)?\\r?$`, 'm');
// Two-letter primary subtags only, so `notes.old.md` is not read as a language.
const SUFFIX = /\.([a-z]{2}(?:-[A-Za-z0-9]{1,8})*)\.(?:md|markdown|txt)$/i;

/** The `lang` of a Markdown document's YAML or TOML front matter. */
export function frontMatterLanguage(text: string): string | undefined {
  const yaml = YAML_FRONT_MATTER.exec(text);
  if (yaml) return YAML_LANG.exec(yaml[1] ?? '')?.[2];
  const toml = TOML_FRONT_MATTER.exec(text);
  if (toml) return TOML_LANG.exec(toml[1] ?? '')?.[2];
  return undefined;
}

/**
 * The document language: front matter `lang:` (Markdown only), else a `.zh.md`/`.ko.md`/`.en.md`
 * (or `.txt`) suffix of the path, else `lang` (from config or options), else undefined.
 */
export function documentLanguage(input: {
  text: string;
  path?: string | undefined;
  lang?: string | undefined;
  format?: DocumentFormat | undefined;
}): string | undefined {
  const format = input.format ?? formatOf(input.path);
  const fromFrontMatter = format === 'markdown' ? frontMatterLanguage(input.text) : undefined;
  if (fromFrontMatter) return fromFrontMatter;
  const fromPath = input.path === undefined ? undefined : SUFFIX.exec(input.path)?.[1];
  return fromPath ?? input.lang;
}

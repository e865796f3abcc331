// The document's format and language (DESIGN: Documents and segments). The language is used
// only for bilingual pairing and audience-conditional rules, never to pick what is matched.
import { LANGUAGE_TAG_SOURCE } from '@nuance/core';
import { frontMatterEnd } from './blocks.js';

export type DocumentFormat = 'markdown' | 'text';

/**
 * `.md` and `.markdown` are Markdown and `.txt` is plain text, whatever the editor says; a path
 * with none of these (an editor's untitled document, stdin) follows the editor's language id when
 * there is one, else it is plain text.
 */
export function formatOf(path: string | undefined, languageId?: string): DocumentFormat {
  if (path !== undefined && /\.(?:md|markdown)$/i.test(path)) return 'markdown';
  if (path !== undefined && /\.txt$/i.test(path)) return 'text';
  return languageId === 'markdown' ? 'markdown' : 'text';
}

const TAG = `(${LANGUAGE_TAG_SOURCE})`;
const YAML_LANG = new RegExp(`^lang[ \\t]*:[ \\t]*(['"]?)${TAG}\\1[ \\t]*(?:#.*)?\\r?$`, 'm');
const TOML_LANG = new RegExp(`^lang[ \\t]*=[ \\t]*(['"])${TAG}\\1[ \\t]*(?:#.*)?\\r?$`, 'm');
// Two-letter primary subtags only, so `notes.old.md` is not read as a language.
const SUFFIX = /\.([a-z]{2}(?:-[A-Za-z0-9]{1,8})*)\.(?:md|markdown|txt)$/i;

/** The `lang` of a Markdown document's YAML or TOML front matter (as remark reads front matter). */
export function frontMatterLanguage(text: string): string | undefined {
  const end = frontMatterEnd(text);
  if (end === undefined) return undefined;
  return (text.startsWith('---', text.charCodeAt(0) === 0xfeff ? 1 : 0) ? YAML_LANG : TOML_LANG).exec(
    text.slice(0, end),
  )?.[2];
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

// What a document declares itself about (its topic: context sets of the rule packs, DESIGN's
// context conditions), read from front matter like `lang` and merged with the config's. A
// declared `voice` (`rok`) declares the topic `rok-voice`: a document written in that voice is
// about that set.
import { frontMatterEnd } from './blocks.js';
import { type DocumentFormat, formatOf } from './language.js';

// A context set's name; anything else in the list is not one and is left out.
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
const QUOTED = /^(['"])(.*)\1$/;
const LINE = /\r\n|\r|\n/;

/** A scalar as written: quotes and a trailing ` # comment` removed. */
function scalar(raw: string): string {
  const text = raw.replace(/(?:^|[ \t])#.*$/, '').trim();
  return QUOTED.exec(text)?.[2] ?? text;
}

function names(values: readonly string[]): string[] {
  return values.map(scalar).filter((value) => NAME.test(value));
}

/**
 * The values of `key` in YAML (`key: [a, b]`, `key: a`, or a block list `- a` on the next lines)
 * or TOML (`key = ["a", "b"]`, `key = "a"`) front matter; a flow list may run over lines.
 */
function frontMatterValues(frontMatter: string, key: string, yaml: boolean): string[] {
  const found = new RegExp(`^${key}[ \\t]*${yaml ? ':' : '='}(.*)$`, 'm').exec(frontMatter);
  if (!found) return [];
  const rest = scalar(found[1] ?? '');
  const after = found.index + found[0].length;
  if (rest.startsWith('[')) {
    const open = frontMatter.indexOf('[', found.index + key.length);
    const close = frontMatter.indexOf(']', open);
    if (close < 0) return [];
    const inside = frontMatter
      .slice(open + 1, close)
      .split(LINE)
      .map((line) => scalar(line));
    return names(inside.join(',').split(','));
  }
  if (rest !== '' || !yaml) return names([rest]);
  const items: string[] = [];
  for (const line of frontMatter.slice(after).split(LINE).slice(1)) {
    const item = /^[ \t]*-[ \t]+(.*)$/.exec(line);
    if (!item) {
      if (/\S/.test(line)) break;
      continue;
    }
    items.push(item[1] ?? '');
  }
  return names(items);
}

/** The topic a Markdown document's front matter declares: its `topic` and its `voice`'s. */
export function frontMatterTopic(text: string): string[] {
  const end = frontMatterEnd(text);
  if (end === undefined) return [];
  const frontMatter = text.slice(0, end);
  const yaml = frontMatter.startsWith('---', frontMatter.charCodeAt(0) === 0xfeff ? 1 : 0);
  const voice = frontMatterValues(frontMatter, 'voice', yaml)[0];
  return union(frontMatterValues(frontMatter, 'topic', yaml), voice === undefined ? [] : [voiceTopic(voice)]);
}

/** The topic a voice declares: `rok` gives `rok-voice`. */
export function voiceTopic(voice: string): string {
  return `${voice}-voice`;
}

/**
 * The context sets the document declares itself about: the union of its front matter's (Markdown
 * only) and the given `topic` and `voice` (config or options), front matter first, each name once.
 */
export function documentTopic(input: {
  text: string;
  path?: string | undefined;
  format?: DocumentFormat | undefined;
  topic?: readonly string[] | undefined;
  voice?: string | undefined;
}): string[] {
  const format = input.format ?? formatOf(input.path);
  const declared = format === 'markdown' ? frontMatterTopic(input.text) : [];
  // Most documents declare nothing, and neither does their config: no lists to join.
  if (declared.length === 0 && input.voice === undefined && (input.topic?.length ?? 0) === 0) return [];
  const voice = input.voice === undefined ? [] : [voiceTopic(input.voice)];
  return union(declared, input.topic ?? [], voice);
}

function union(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}

// The value of a large, plain YAML file, read without positions (js-yaml), for loadYaml
// (yaml-source.ts) to take in place of the `yaml` library's document, which it builds only when
// a problem must be placed. `yaml` stays the one reader of what YAML means here: this is taken only
// where both read the text the same way, and any doubt gives undefined (the document is then
// parsed as always). A generated termbase of 10,000 terms (2.6 MB of YAML) took `yaml` 1.8 s and
// 250 MB to parse with positions, and js-yaml 0.2-0.3 s and 90 MB without: the first run of a large
// pack, before its compiled form is cached, and every change to it.
//
// Why the two agree where this answers:
// - Plain scalars are resolved by the YAML 1.2 core schema's tags of `yaml` itself (their tests
//   and conversions); quoted ones are strings in both.
// - A duplicate key, a syntax error and every js-yaml warning give undefined: `yaml` would report
//   a problem there, which only its document can place.
// - What js-yaml reads otherwise than `yaml`, or what `yaml` reports and js-yaml may let pass, is
//   never taken (UNSURE, flowCollectionKey, keysAgree):
//   - anchors, aliases and tags (`yaml` limits aliases; js-yaml has tags of its own), `?` keys,
//     merge keys (`<<`), `__proto__`, directives and document markers (but a `---` first line);
//   - a collection as a key; a key `yaml` names otherwise (null: '' to `yaml`, 'null' to js-yaml);
//     a line of more than 1,000 characters (`yaml` reports an implicit key whose source runs over
//     1,024, escapes included, and a key is on one line);
//   - tabs, line breaks other than LF and CRLF, a BOM within;
//   - a plain scalar starting with a reserved indicator (@ or `), a comment right after a quoted
//     scalar or a flow indicator (`yaml` asks for a space);
//   - three forms js-yaml was found to read otherwise (by the mutation test): an empty sequence
//     entry, a block scalar's explicit indentation, a line break escaped in a double-quoted scalar,
//     and a `\U` escape (js-yaml makes a string of one beyond U+10FFFF; `yaml` reports it).
// The differential tests (yaml-quick.test.ts) hold this to `yaml` over every YAML file of the
// repository, generated documents built of the constructs packs use, and mutations of them.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isScalar, Schema } from 'yaml';

/**
 * Below this, `yaml` parses in milliseconds: the quick path is for termbase-sized files. (This
 * module exports only functions: the CLI's bundle loads it, and js-yaml, when first called.)
 */
const QUICK_MIN_CHARS = 64 * 1024;

/** Where a node may start: its properties (anchor, tag) and a plain scalar's first character come here. */
const NODE_START = String.raw`(?:^ *(?:- +)*|[:?-] +|[[{,] *)`;

/**
 * Text that js-yaml could read otherwise than `yaml`, or accept where `yaml` reports a problem
 * (see above): its document is then parsed with positions as always. An indicator is looked for
 * where a node may start, not inside every scalar (a message's backquotes), so a quoted scalar
 * holding `: *` only costs the quick path.
 */
const UNSURE = new RegExp(
  String.raw`[\t\u0085\u2028\u2029\ufeff]|\r(?!\n)|__proto__|<<|^(?:%|---|\.\.\.)|[\]}]\s*:|["'[\]{},]#|[|>][+-]?[1-9]|\\\r?\n|\\U|(?:^|\s)-[ ]*(?:#.*)?$|` +
    `${NODE_START}(?:[&*!@\`]|\\?(?:\\s|$))`,
  'm',
);

// The YAML 1.2 core schema's scalars as `yaml` resolves them: its own tags (each a test and its
// conversion, in its order), not a copy; for plain scalars only: js-yaml resolves nothing else
// implicitly, as `yaml` does not. One js-yaml type per tag (it keeps the last of a tag), with the
// characters the tag's forms may start with: every plain scalar is offered to every type, and
// most are words, turned away by their first character (the differential tests hold these to
// `yaml`'s forms).
const FIRSTS: Record<string, string> = {
  'tag:yaml.org,2002:null': '~nN',
  'tag:yaml.org,2002:bool': 'tTfF',
  'tag:yaml.org,2002:int': '+-0123456789',
  'tag:yaml.org,2002:float': '+-.0123456789',
};

function coreScalars(): Type[] {
  const forms = new Map<string, [RegExp, (s: string) => unknown][]>();
  for (const tag of new Schema({ schema: 'core' }).tags) {
    if (!('test' in tag) || !tag.test || !tag.resolve) continue;
    const resolve = tag.resolve;
    const convert = (s: string): unknown => {
      const value = resolve(s, () => {}, { intAsBigInt: false } as Parameters<typeof resolve>[2]);
      return isScalar(value) ? value.value : value;
    };
    const list = forms.get(tag.tag) ?? [];
    list.push([tag.test, convert]);
    forms.set(tag.tag, list);
  }
  return [...forms].map(([tag, list]) => scalar(tag, FIRSTS[tag], list));
}

function scalar(tag: string, firsts: string | undefined, forms: [RegExp, (s: string) => unknown][]): Type {
  const formOf = (data: unknown) => {
    if (typeof data !== 'string') return undefined;
    // A tag this table does not know is offered every scalar.
    if (firsts !== undefined && data.length > 0 && !firsts.includes(data[0] as string)) return undefined;
    for (const form of forms) if (form[0].test(data)) return form;
    return undefined;
  };
  return new Type(tag, {
    kind: 'scalar',
    resolve: (data: unknown) => formOf(data) !== undefined,
    construct: (data: string) => (formOf(data) as [RegExp, (s: string) => unknown])[1](data),
  });
}

let schema: ReturnType<typeof FAILSAFE_SCHEMA.extend> | undefined;

/** Keys `yaml` names otherwise than js-yaml (null: '' against 'null'). */
const NULL_KEYS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** A line no implicit key can run over 1,024 characters in (`yaml`'s limit, counted in source). */
const LONG_LINE = /^[^\n]{1001}/m;

/**
 * The value of `text` when it is large and both YAML readers read it the same way, without a
 * problem; undefined otherwise (and always below `min` characters).
 */
export function quickYamlValue(text: string, min = QUICK_MIN_CHARS): { value: unknown } | undefined {
  if (text.length < min) return undefined;
  // A document start marker on the first line alone is the one marker taken.
  const start = /^--- *\r?\n/.exec(text);
  if (
    UNSURE.test(start ? text.slice(start[0].length) : text) ||
    LONG_LINE.test(text) ||
    flowCollectionKey(text)
  )
    return undefined;
  schema ??= FAILSAFE_SCHEMA.extend({ implicit: coreScalars() });
  let value: unknown;
  try {
    value = load(text, {
      schema,
      onWarning: (warning) => {
        throw warning;
      },
    });
  } catch {
    return undefined;
  }
  // An empty document, or one js-yaml read as several.
  if (value === undefined || !keysAgree(value)) return undefined;
  return { value };
}

/** A flow collection after `{` or `,`: the start of an entry, its key if the entry is a mapping's. */
const ENTRY_COLLECTION = /[{,]\s*[[{]/g;

/**
 * Whether a flow mapping may have a collection for a key with no value after it (`{ [a] }`, which
 * `yaml` names `[ a ]` and js-yaml `a`; one followed by `:` is UNSURE's). An entry that starts
 * with a collection is taken only inside a flow sequence, found by walking back to the bracket
 * that opens it: flow scalars hold no brackets, and a quote or comment on the way is doubt.
 */
function flowCollectionKey(text: string): boolean {
  ENTRY_COLLECTION.lastIndex = 0;
  for (let m = ENTRY_COLLECTION.exec(text); m !== null; m = ENTRY_COLLECTION.exec(text)) {
    if (m[0][0] === '{' || openerBefore(text, m.index) !== '[') return true;
  }
  return false;
}

function openerBefore(text: string, at: number): string | undefined {
  let depth = 0;
  for (let i = at - 1, stop = Math.max(0, at - 4096); i >= stop; i--) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '#') return undefined;
    if (c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) return c;
      depth--;
    }
  }
  return undefined;
}

/** Whether every key under `value` is one both readers name the same. */
function keysAgree(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (NULL_KEYS.has(key)) return false;
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return true;
}

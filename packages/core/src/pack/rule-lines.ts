// Where each rule's `id` is in a pack file's YAML, found by reading its lines, not by parsing it:
// for a link to a rule (the language server's `codeDescription`, hover and Explain), where placing
// one rule of a 10,000-rule termbase with `ParsedPack.locate` parsed the whole pack, then its YAML
// again with positions (2.3-2.8 s before an editor's first diagnostics). It reads the form packs are
// written in: `rules:` at the top level, holding a block list of mappings, each with its `id` on the
// item's line (`- id: ...`) or at its keys' indentation, its value a plain or quoted string on that
// line. Any other form, anywhere in the list, gives undefined: the caller then places the rules with
// the parsed pack, as before. Where it answers, its line is the one `locate(['rules', i, 'id'])`
// gives for the first rule with that id (a test compares the two over every pack at hand).

/**
 * Each rule id of a pack's YAML `text` and the 1-based line of its value (the first rule's, when
 * several share an id); undefined when the text is not in the form described above.
 */
export function ruleIdLines(text: string): Map<string, number> | undefined {
  return ruleList(text)?.ids;
}

/**
 * The pack's YAML `text` with one rule in its list, the first with id `id`, and everything else
 * of the pack as it is (for `nuance explain`, which parses that much rather than a 10,000-rule
 * termbase); null when the text is in the form described above and has no such rule; undefined
 * when it is not in that form (the caller parses the whole pack).
 */
export function packWithRule(text: string, id: string): string | null | undefined {
  const list = ruleList(text);
  if (list === undefined) return undefined;
  const item = list.itemOf.get(id);
  if (item === undefined) return null;
  const start = list.items[item] as number;
  const end = list.items[item + 1] ?? list.end;
  return text.slice(0, list.start) + text.slice(start, end) + text.slice(list.end);
}

/** What `ruleList` reads of a pack's list of rules. */
interface RuleList {
  /** Each id's line (1-based), the first rule's. */
  ids: Map<string, number>;
  /** Where each item of the list starts (the offset of its line), in order. */
  items: number[];
  /** Each id's item (the first rule's). */
  itemOf: Map<string, number>;
  /** The offsets of the list: after the `rules:` line, and where the next top-level key starts. */
  start: number;
  end: number;
}

function ruleList(text: string): RuleList | undefined {
  // A lone carriage return is a line break to YAML, which this reading would count apart.
  if (/\r(?!\n)/.test(text)) return undefined;
  const rules = rulesLine(text);
  if (rules === undefined) return undefined;
  const ids = new Map<string, number>();
  const items: number[] = [];
  const itemOf = new Map<string, number>();
  let listEnd = text.length;
  let itemIndent = -1;
  // The current item's keys' indentation, and whether its `id` was read.
  let keyIndent = -1;
  let hasId = true;
  // The last line read was an `id`'s: a line deeper than its key right after it would go on with
  // its value (a plain scalar over two lines).
  let afterId = false;
  // Line by line, as offsets into the text (no string per line: a termbase's pack has 100,000).
  let line = rules.line;
  for (let at = rules.next; at < text.length; line++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const from = at;
    at = end + 1;
    if (end > from && text.charCodeAt(end - 1) === 0x0d) end--;
    let k = from;
    while (k < end && text.charCodeAt(k) === 0x20) k++;
    const indent = k - from;
    if (k === end || text.charCodeAt(k) === 0x23) continue;
    if (text.charCodeAt(k) === 0x09 || (afterId && indent > keyIndent)) return undefined;
    afterId = false;
    const item = text.charCodeAt(k) === 0x2d && (k + 1 === end || text.charCodeAt(k + 1) === 0x20);
    // The list ends at the next top-level key (a list at column 0 is the key's too).
    if (indent === 0 && !item) {
      if (text.startsWith('---', k) || text.startsWith('...', k)) return undefined;
      listEnd = from;
      break;
    }
    if (itemIndent < 0) {
      if (!item) return undefined;
      itemIndent = indent;
    }
    if (indent === itemIndent) {
      if (!item || !hasId) return undefined;
      items.push(from);
      let key = k + 1;
      while (key < end && text.charCodeAt(key) === 0x20) key++;
      hasId = false;
      // `-` alone: the item's keys start on the next line, at its indentation.
      keyIndent = key === end ? -1 : key - from;
      if (keyIndent >= 0 && !readKey(key, end, line)) return undefined;
      continue;
    }
    if (indent < itemIndent) return undefined;
    if (keyIndent < 0) keyIndent = indent;
    if (indent === keyIndent) {
      if (!readKey(k, end, line)) return undefined;
    } else if (indent < keyIndent) return undefined;
  }
  return itemIndent >= 0 && hasId ? { ids, items, itemOf, start: rules.next, end: listEnd } : undefined;

  /** The key at `k` of the current item, on 1-based line `line` ending at `end`: false when it is not read. */
  function readKey(k: number, end: number, line: number): boolean {
    // A name (a letter or `_`, then letters, digits, `_` or `-`), blanks, a colon, then a blank
    // or the line's end. Read unit by unit: a regular expression's match per key was most of the
    // time of a termbase's 60,000 keys.
    let c = k;
    if (!isNameStart(text.charCodeAt(c))) return false;
    while (c < end && isNamePart(text.charCodeAt(c))) c++;
    const isId = c - k === 2 && text.charCodeAt(k) === 0x69 && text.charCodeAt(k + 1) === 0x64;
    while (c < end && (text.charCodeAt(c) === 0x20 || text.charCodeAt(c) === 0x09)) c++;
    if (c >= end || text.charCodeAt(c) !== 0x3a) return false;
    c++;
    if (c < end && text.charCodeAt(c) !== 0x20 && text.charCodeAt(c) !== 0x09) return false;
    if (!isId) return true;
    const id = idValue(text.slice(c, end));
    if (id === undefined || hasId) return false;
    hasId = true;
    afterId = true;
    if (!ids.has(id)) {
      ids.set(id, line);
      itemOf.set(id, items.length - 1);
    }
    return true;
  }
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

/**
 * The top-level `rules:` line with nothing after it (its 1-based line number, and the offset of
 * the line after it); undefined when there is none or more than one.
 */
function rulesLine(text: string): { line: number; next: number } | undefined {
  const found = [...text.matchAll(/^\uFEFF?rules[ \t]*:[ \t]*(?:#.*)?$/gm)];
  if (found.length !== 1) return undefined;
  const at = (found[0] as RegExpMatchArray).index ?? 0;
  // Not after a character JavaScript breaks lines at and YAML does not (U+2028, U+2029).
  if (at > 0 && text[at - 1] !== '\n') return undefined;
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) line++;
  const end = text.indexOf('\n', at);
  return { line: line + 1, next: end < 0 ? text.length : end + 1 };
}

// What a plain scalar must not start with to be read as one here, and the plain values YAML's core
// schema reads as something other than a string (a rule id is a string).
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The string a key's value on its own line is (`value`: the text after the colon); undefined otherwise. */
function idValue(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  let text: string;
  let rest: string;
  if (v[0] === '"' || v[0] === "'") {
    const close = v.indexOf(v[0], 1);
    if (close < 0) return undefined;
    text = v.slice(1, close);
    // Escapes, and a quote written twice: left to the parsed pack.
    if (text.includes('\\') || v[close + 1] === v[0]) return undefined;
    rest = v.slice(close + 1);
  } else {
    if (INDICATOR.test(v)) return undefined;
    const comment = v.search(/\s#/);
    text = (comment < 0 ? v : v.slice(0, comment)).trimEnd();
    rest = '';
    if (text.includes(': ') || NOT_A_STRING.test(text)) return undefined;
  }
  return /^\s*(?:#.*)?$/.test(rest) ? text : undefined;
}

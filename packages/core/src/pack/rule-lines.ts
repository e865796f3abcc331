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
  // A lone carriage return is a line break to YAML, which this reading would count apart.
  if (/\r(?!\n)/.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const start = rulesLine(lines, text);
  if (start < 0) return undefined;
  const ids = new Map<string, number>();
  let itemIndent = -1;
  // The current item's keys' indentation, and whether its `id` was read.
  let keyIndent = -1;
  let hasId = true;
  // The last line read was an `id`'s: a line deeper than its key right after it would go on with
  // its value (a plain scalar over two lines).
  let afterId = false;
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j] as string;
    const indent = leadingSpaces(line);
    if (indent === line.length || line[indent] === '#') continue;
    if (line[indent] === '\t' || (afterId && indent > keyIndent)) return undefined;
    afterId = false;
    const item = isItem(line, indent);
    // The list ends at the next top-level key (a list at column 0 is the key's too).
    if (indent === 0 && !item) {
      if (line.startsWith('---') || line.startsWith('...')) return undefined;
      break;
    }
    if (itemIndent < 0) {
      if (!item) return undefined;
      itemIndent = indent;
    }
    if (indent === itemIndent) {
      if (!item || !hasId) return undefined;
      const after = indent + 1 + leadingSpaces(line.slice(indent + 1));
      hasId = false;
      // `-` alone: the item's keys start on the next line, at its indentation.
      keyIndent = after === line.length ? -1 : after;
      if (keyIndent >= 0 && !readKey(line.slice(keyIndent), j)) return undefined;
      continue;
    }
    if (indent < itemIndent) return undefined;
    if (keyIndent < 0) keyIndent = indent;
    if (indent === keyIndent) {
      if (!readKey(line.slice(indent), j)) return undefined;
    } else if (indent < keyIndent) return undefined;
  }
  return itemIndent >= 0 && hasId ? ids : undefined;

  /** A key of the current item at line `j` (its text from the key on): false when it is not read. */
  function readKey(key: string, j: number): boolean {
    if (!/^[A-Za-z_][\w-]*\s*:(?:\s|$)/.test(key)) return false;
    if (!/^id\s*:/.test(key)) return true;
    const id = idValue(key.slice(key.indexOf(':') + 1));
    if (id === undefined || hasId) return false;
    hasId = true;
    afterId = true;
    if (!ids.has(id)) ids.set(id, j + 1);
    return true;
  }
}

/**
 * The index of the top-level `rules:` line with nothing after it; -1 when there is none or more.
 * Found in the whole text at once, not line by line (a termbase's pack has 100,000 lines).
 */
function rulesLine(lines: readonly string[], text: string): number {
  const found = [...text.matchAll(/^\uFEFF?rules[ \t]*:[ \t]*(?:#.*)?$/gm)];
  if (found.length !== 1) return -1;
  const at = (found[0] as RegExpMatchArray).index ?? 0;
  // Not after a character JavaScript breaks lines at and YAML does not (U+2028, U+2029).
  if (at > 0 && text[at - 1] !== '\n') return -1;
  let line = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) line++;
  return line < lines.length ? line : -1;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 0x20) n++;
  return n;
}

function isItem(line: string, indent: number): boolean {
  return line[indent] === '-' && (indent + 1 === line.length || line[indent + 1] === ' ');
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

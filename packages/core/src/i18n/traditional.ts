// Simplified -> Traditional per code point, for wording a pack writes once in Simplified and a
// Traditional document must be offered in its own script (a `requires` rule's required phrases).
// OpenCC's character table, first candidate: a character several Traditional ones merged into
// (后 <- 後 后) takes the commonest; a pack that needs another writes the Traditional itself.
import { S2T_PAIRS } from './s2t-table.js';

let table: Map<number, string> | undefined;

function buildTable(): Map<number, string> {
  const map = new Map<number, string>();
  const chars = Array.from(S2T_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]?.codePointAt(0) ?? 0, chars[i + 1] ?? '');
  return map;
}

export function toTraditional(text: string): string {
  table ??= buildTable();
  let out = '';
  for (const ch of text) out += table.get(ch.codePointAt(0) ?? 0) ?? ch;
  return out;
}

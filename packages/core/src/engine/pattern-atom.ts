// The literal every match of a pattern holds, which the pre-check looks for in its place.
import { normalizePhrase } from '../view/normalize.js';

/**
 * The pre-check atom of a pattern: the longest run of literal characters (Han, Hangul, lowercase
 * Latin letters and digits, as the match view writes them) that every match holds, wherever in
 * the pattern it is; undefined when it has none. `中[国方]的?[^。]{1,6}核心利益` gives 核心利益, not
 * 中: nearly every Chinese paragraph holds 中, few hold 核心利益. A character made optional by a
 * quantifier ends a run and is not in it; one repeated (`+`, `{2,}`) is in it and ends it; a
 * group, a class, an escape or any other character ends a run. A pattern with an alternation has
 * none (which branch matches is not known).
 */
export function patternAtom(source: string): string | undefined {
  if (/\|/.test(source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''))) return undefined;
  const runs: string[] = [];
  let run = '';
  const end = () => {
    if (run !== '') runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; ) {
    const cp = source.codePointAt(i) ?? 0;
    const next = i + (cp > 0xffff ? 2 : 1);
    if (!RUN_CHAR.test(String.fromCodePoint(cp))) {
      end();
      i = skipToken(source, i);
      continue;
    }
    const quantifier = source[next];
    if (quantifier === '?' || quantifier === '*' || quantifier === '+' || quantifier === '{') {
      // Optional (`?`, `*`, `{0,…}`): not in the run. Repeated: in it, but the run ends there.
      if (quantifier === '+' || (quantifier === '{' && !/^\{0*(?:,|\})/.test(source.slice(next))))
        run += String.fromCodePoint(cp);
      end();
      i = skipQuantifier(source, next);
      continue;
    }
    run += String.fromCodePoint(cp);
    i = next;
  }
  end();
  runs.sort((a, b) => b.length - a.length);
  return runs.find((r) => normalizePhrase(r) === r);
}

const RUN_CHAR = /^(?:[\p{Script=Han}\p{Script=Hangul}]|[a-z0-9])$/u;

/** The index after the token at `i` that is not a run character, with its quantifier. */
function skipToken(source: string, i: number): number {
  const c = source[i];
  let at = i + 1;
  if (c === '\\') {
    // `\p{…}`, `\u{…}`, `\k<…>`: the braces belong to the escape.
    at = i + 2;
    if (source[at] === '{') at = source.indexOf('}', at) + 1 || source.length;
    else if (source[i + 1] === 'k' && source[at] === '<') at = source.indexOf('>', at) + 1 || source.length;
  } else if (c === '[') at = classEnd(source, i);
  else if (c === '(') at = groupEnd(source, i);
  else if (c === '{') at = source.indexOf('}', i) + 1 || source.length;
  return skipQuantifier(source, at);
}

function skipQuantifier(source: string, i: number): number {
  let at = i;
  const c = source[at];
  if (c === '?' || c === '*' || c === '+') at++;
  else if (c === '{') at = source.indexOf('}', at) + 1 || source.length;
  else return at;
  return source[at] === '?' ? at + 1 : at;
}

/** The index after the class opening at `i` (escapes inside skipped). */
function classEnd(source: string, i: number): number {
  for (let at = i + 1; at < source.length; at++) {
    if (source[at] === '\\') at++;
    else if (source[at] === ']') return at + 1;
  }
  return source.length;
}

/** The index after the group opening at `i` (nested groups, classes and escapes inside skipped). */
function groupEnd(source: string, i: number): number {
  let depth = 0;
  for (let at = i; at < source.length; at++) {
    const c = source[at];
    if (c === '\\') at++;
    else if (c === '[') at = classEnd(source, at) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return at + 1;
  }
  return source.length;
}

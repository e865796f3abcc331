// The pre-check of Markdown without parsing it: core's `hasCandidate` (the rule set's own automaton
// over the match view) on the raw text with its inline markup taken out, so that only blocks that
// truly hold a candidate are parsed. It must never miss what the parse would give: the parse
// removes, between two characters of prose, only
// - delimiters, brackets, escapes and block quote markers (`*`, `_`, `~`, `[`, `]`, `\`, `>`),
//   which are taken out here too, joining the text around them;
// - container indentation and line-end whitespace, which the match view folds like any other
//   whitespace;
// - a link's `(destination "title")`, a reference's `[label]`, an inline HTML tag or comment and an
//   autolink (a separator: never joined, so taking it out only adds matches), which are taken out
//   of the text here and appended after it, after a U+FFFC, which no match crosses: where the
//   parse keeps one as literal text (an escaped `\<b>`, a `](x)` with no link before it) its
//   inside is still scanned.
// So every match in the parsed prose is a match here, as long as no phrase holds one of these
// characters (`UNSAFE`, asked of core's `prefilterSafety` per rule set) and no phrase starts or
// ends with a hyphen when something is taken out (its `edgeHyphen`). Where the grammar here is narrower than the
// parser's (a destination with parentheses or escapes, a processing instruction) or the parse
// decodes text (a character reference), the block counts as a candidate.
import { prefilterSafety, type RuleSet } from '@nuance/core';

// Where the scan stops: markup taken out, a span to set aside, or something to decline.
const SPECIAL = /[*_~[\]\\><&]/g;
// Characters whose presence in a phrase would let the parse's prose hold a match the scan misses.
const UNSAFE = ['*', '_', '~', '[', ']', '\\', '>', '<', '(', ')', '\uFFFC'];
const TAKEN_OUT = /[*_~[\]\\><]/;
const LINE = '(?:\\r\\n|\\r|\\n)';
const SPACE = `[ \\t]*${LINE}?[ \\t]*`;
// `](destination "title")`: a destination without parentheses, escapes or spaces (or in `<>`), an
// optional quoted title. Anything richer declines the block.
const DESTINATION = new RegExp(
  `\\]\\(${SPACE}(?:<[^<>\\r\\n\\\\]*>|[^\\s()<>\\\\\\x00-\\x1f]*)(?:${SPACE}(?:"[^"\\\\]*"|'[^'\\\\]*'))?${SPACE}\\)`,
  'y',
);
// `][label]`: a full reference's label.
const LABEL = /\][[^[\]\\]{0,999}\]/y;
// Inline HTML as CommonMark defines it, with whitespace as wide as it can be: where this does not
// match, the parser does not either, so `<` is literal text.
const WS = '[ \\t\\r\\n]';
const ATTRIBUTE = `${WS}+[A-Za-z_:][A-Za-z0-9_.:-]*(?:${WS}*=${WS}*(?:[^ \\t\\r\\n"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const OPEN_TAG = new RegExp(`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*${WS}*\\/?>`, 'y');
const CLOSE_TAG = new RegExp(`<\\/[A-Za-z][A-Za-z0-9-]*${WS}*>`, 'y');
const AUTOLINK =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/** What a rule set forbids taking out: computed once per rule set. */
interface Safety {
  /** Text holding any of these cannot be vouched for (a phrase holds them). */
  unsafe: string[];
  /** A phrase holds U+FFFC, which every separator becomes: no text can be vouched for. */
  never: boolean;
  edgeHyphen: boolean;
}

const safeties = new WeakMap<RuleSet, Safety>();

function safetyOf(ruleSet: RuleSet): Safety {
  let safety = safeties.get(ruleSet);
  if (!safety) {
    const { held, edgeHyphen } = prefilterSafety(ruleSet, UNSAFE.join(''));
    safety = { unsafe: held, never: held.includes('\uFFFC'), edgeHyphen };
    safeties.set(ruleSet, safety);
  }
  return safety;
}

/** A span the parse may remove: `[start, end)` of the source, scanned apart from `[from, to)`. */
interface Span {
  end: number;
  from: number;
  to: number;
}

/** The span of markup starting at `at` (a `]` or `<`); undefined: none (literal text); null: decline. */
function spanAt(source: string, at: number): Span | undefined | null {
  const c = source[at];
  const next = source[at + 1];
  if (c === ']') {
    if (next !== '(' && next !== '[') return undefined;
    const pattern = next === '(' ? DESTINATION : LABEL;
    pattern.lastIndex = at;
    const m = pattern.exec(source);
    return m ? { end: at + m[0].length, from: at + 2, to: at + m[0].length - 1 } : null;
  }
  if (next === '!') {
    if (source.startsWith('<!--', at)) {
      // micromark ends a comment at the first `-->`, which may overlap `<!--` (`<!-->`).
      const close = source.indexOf('-->', at + 2);
      return close < 0 ? undefined : { end: close + 3, from: at + 4, to: Math.max(at + 4, close) };
    }
    return /^<!(?:\[|[A-Za-z])/.test(source.slice(at, at + 3)) ? null : undefined;
  }
  if (next === '?') return null;
  for (const pattern of next === '/' ? [CLOSE_TAG] : [AUTOLINK, OPEN_TAG]) {
    pattern.lastIndex = at;
    const m = pattern.exec(source);
    if (m) return { end: at + m[0].length, from: at + 1, to: at + m[0].length - 1 };
  }
  return undefined;
}

/**
 * `source[from, to)` with its markup taken out, then each span set aside after a U+FFFC; undefined
 * when the text cannot be vouched for.
 */
function takeOut(source: string, from: number, to: number): string | undefined {
  const parts: string[] = [];
  const aside: Span[] = [];
  let run = from;
  // The spans set aside are taken out after this loop ends, so one regex serves every call.
  const special = SPECIAL;
  special.lastIndex = from;
  for (let m = special.exec(source); m !== null && m.index < to; m = special.exec(source)) {
    const at = m.index;
    const c = m[0];
    if (c === '&') {
      REFERENCE.lastIndex = at;
      if (REFERENCE.test(source)) return undefined;
      continue;
    }
    if (c === ']' || c === '<') {
      const span = spanAt(source, at);
      if (span === null || (span && span.end > to)) return undefined;
      if (span) {
        parts.push(source.slice(run, at));
        aside.push(span);
        run = span.end;
        special.lastIndex = span.end;
        continue;
      }
      if (c === '<') continue;
    }
    parts.push(source.slice(run, at));
    run = at + 1;
  }
  if (run === from) return source.slice(from, to);
  parts.push(source.slice(run, to));
  for (const span of aside) {
    const inside = takeOut(source, span.from, span.to);
    if (inside === undefined) return undefined;
    parts.push('\uFFFC', inside);
  }
  return parts.join('');
}

/**
 * The raw text of Markdown (a block or a whole document) for core's pre-check: every match of its
 * parsed prose is a match in it (see the top of this file). Undefined when it cannot vouch for the
 * text, which must then be parsed.
 */
export function rawText(source: string, ruleSet: RuleSet): string | undefined {
  const { unsafe, never, edgeHyphen } = safetyOf(ruleSet);
  if (never || unsafe.some((c) => source.includes(c))) return undefined;
  if (edgeHyphen && TAKEN_OUT.test(source)) return undefined;
  return takeOut(source, 0, source.length);
}

// A static, conservative check for regular expressions that can backtrack catastrophically.
// A pattern must compile with the `u` flag (else `bad-pattern`) and is `unsafe-pattern` when it has:
// - a backreference (`\1`, `\k<name>`);
// - a repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1, `{n}` with n > 1) that contains any
//   quantifier, `?` included, at any depth: `(a+)+`, `(a*)*`, `(?:x\s*)+`, `(a?){20}`;
// - a repeated group with alternatives that can start with the same character, or an empty or
//   non-literal start (a group, an assertion): `(a|a)*`, `(a|ab)*`, `(\w|_)+`, `(|a)+`.
// It does not reject polynomial cases such as `\s*\s*` or `.*x.*y`: at run time a pattern never
// sees more than 1,000 units of text at once (engine/patterns.ts), so their cost stays linear in
// the paragraph. It rejects some safe patterns such as `(ab|ac)+`: rewrite those without the group.

export type PatternCheck =
  | { ok: true }
  | { ok: false; code: 'bad-pattern' | 'unsafe-pattern'; message: string };

interface Frame {
  /** A quantifier occurs somewhere inside. */
  quantified: boolean;
  /** The first atom of each alternative: undefined = none yet (empty), null = not a simple atom. */
  firsts: (string | null | undefined)[];
}

export function checkPatternSafety(pattern: string): PatternCheck {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    // V8 says `Invalid regular expression: /…/u: Unterminated group`: keep only the reason.
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/u: /s, '');
    return {
      ok: false,
      code: 'bad-pattern',
      message: `Invalid regular expression \`${pattern}\`: ${reason}`,
    };
  }
  const reason = findUnsafe(pattern);
  return reason === undefined
    ? { ok: true }
    : {
        ok: false,
        code: 'unsafe-pattern',
        message: `Pattern \`${pattern}\` may backtrack catastrophically: ${reason}`,
      };
}

function findUnsafe(pattern: string): string | undefined {
  const stack: Frame[] = [{ quantified: false, firsts: [undefined] }];
  const top = () => stack[stack.length - 1] as Frame;
  const atom = (source: string | null) => {
    const frame = top();
    const last = frame.firsts.length - 1;
    if (frame.firsts[last] === undefined) frame.firsts[last] = source;
  };
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i] as string;
    if (char === '\\') {
      const escaped = readEscape(pattern, i);
      if (/^\\(?:[1-9]|k<)/.test(escaped)) return `backreference \`${escaped}\``;
      atom(escaped);
      i += escaped.length;
    } else if (char === '[') {
      const end = classEnd(pattern, i);
      atom(pattern.slice(i, end));
      i = end;
    } else if (char === '(') {
      atom(null);
      stack.push({ quantified: false, firsts: [undefined] });
      const head = /^\((?:\?(?:[:=!]|<[=!]|<[^>]*>))?/.exec(pattern.slice(i));
      i += head ? head[0].length : 1;
    } else if (char === '|') {
      top().firsts.push(undefined);
      i++;
    } else if (char === ')') {
      const group = stack.pop() as Frame;
      i++;
      const quantifier = readQuantifier(pattern, i);
      if (quantifier) {
        i += quantifier.length;
        if (quantifier.repeats && group.quantified) return 'a repeated group contains a quantifier';
        if (quantifier.repeats && group.firsts.length > 1 && alternativesOverlap(group.firsts)) {
          return 'a repeated group has alternatives that can start alike';
        }
      }
      const parent = top();
      parent.quantified ||= group.quantified || quantifier !== undefined;
    } else {
      const quantifier = readQuantifier(pattern, i);
      if (quantifier) {
        top().quantified = true;
        i += quantifier.length;
      } else {
        atom(char === '^' || char === '$' ? null : char);
        i += char.length;
      }
    }
  }
  return undefined;
}

function readEscape(pattern: string, i: number): string {
  const rest = pattern.slice(i);
  const match =
    /^\\(?:u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|\d+|[\s\S])/.exec(
      rest,
    );
  return match ? match[0] : '\\';
}

function classEnd(pattern: string, i: number): number {
  let j = i + 1;
  if (pattern[j] === '^') j++;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j + 1;
}

function readQuantifier(pattern: string, i: number): { length: number; repeats: boolean } | undefined {
  const match = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(pattern.slice(i));
  if (!match) return undefined;
  const [text, symbol, min, comma, max] = match;
  let repeats: boolean;
  if (symbol) repeats = symbol !== '?';
  else if (!comma) repeats = Number(min) > 1;
  else repeats = max === '' || max === undefined || Number(max) > 1;
  return { length: text.length, repeats };
}

function alternativesOverlap(firsts: readonly (string | null | undefined)[]): boolean {
  if (firsts.some((first) => first === undefined || first === null)) return true;
  const atoms = firsts as string[];
  for (let a = 0; a < atoms.length; a++) {
    for (let b = a + 1; b < atoms.length; b++) {
      if (atomsOverlap(atoms[a] as string, atoms[b] as string)) return true;
    }
  }
  return false;
}

function atomsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const plain = (atom: string) => [...atom].length === 1 && !'.'.includes(atom);
  if (plain(a) && plain(b)) return false;
  // Classes and escapes: look for a shared character in the Basic Multilingual Plane.
  const left = new RegExp(`^(?:${a})$`, 'u');
  const right = new RegExp(`^(?:${b})$`, 'u');
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    if (left.test(char) && right.test(char)) return true;
  }
  return false;
}

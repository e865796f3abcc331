// Phrase syntax: literal text, `[…]` an optional part, `{a|b}` alternatives; both nest.
// `\[ \] \{ \} \| \\` stand for the characters themselves.

import { isJsSpace } from '../text/js-space.js';

export const MAX_PHRASE_LITERALS = 64;
// Stop a runaway product early (`{a|b}` twenty times is a million strings) before deduplication.
const MAX_INTERMEDIATE = 4096;

export class PhraseError extends Error {
  /** UTF-16 index in the phrase where the problem is. */
  readonly index: number;

  constructor(message: string, index: number) {
    super(message);
    this.name = 'PhraseError';
    this.index = index;
  }
}

const PLAIN = 0;
/** No syntax, but whitespace that folding would change: at an end, a run, or other than a space. */
const LOOSE = 1;
const SYNTAX = 2;

/**
 * Whether a phrase holds syntax (`/[[\]{}|\\]/`), else whether its whitespace is loose
 * (`/^\s|\s$|\s\s|[^\S ]/`): one loop, not two regular expressions per phrase (a termbase
 * compiles 50,000).
 */
function shapeOf(phrase: string): number {
  const n = phrase.length;
  let loose = n === 0;
  // Whitespace before the first unit is at an end, as whitespace after the last is.
  let previous = true;
  for (let i = 0; i < n; i++) {
    const c = phrase.charCodeAt(i);
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x7c || c === 0x5c) return SYNTAX;
    // Printable ASCII but the space, and CJK (past U+3000), are never whitespace: most units are.
    if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff)) {
      previous = false;
      continue;
    }
    const space = isJsSpace(c);
    if (space && (c !== 0x20 || previous || i === n - 1)) loose = true;
    previous = space;
  }
  return loose ? LOOSE : PLAIN;
}

type Part = { literal: string } | { optional: Part[] } | { alternatives: Part[][] };

/**
 * The literals a phrase stands for, in order (optional parts absent first, alternatives left to
 * right), without duplicates, whitespace runs folded to one space and trimmed.
 * Throws PhraseError on a syntax error, an empty literal or more than 64 literals.
 */
export function expandPhrase(phrase: string): string[] {
  // Most phrases (every term a termbase gives) are plain text: no parse, no product.
  const shape = shapeOf(phrase);
  if (shape !== SYNTAX) {
    if (shape === PLAIN) return [phrase];
    const literal = phrase.replace(/\s+/g, ' ').trim();
    if (literal === '') throw new PhraseError('Empty phrase', 0);
    return [literal];
  }
  const parser = new Parser(phrase);
  const parts = parser.sequence('');
  const literals: string[] = [];
  const seen = new Set<string>();
  for (const raw of expandSequence(parts, phrase)) {
    const literal = raw.replace(/\s+/g, ' ').trim();
    if (literal === '') {
      throw new PhraseError(
        phrase.trim() === '' ? 'Empty phrase' : `Phrase \`${phrase}\` can expand to an empty literal`,
        0,
      );
    }
    if (!seen.has(literal)) {
      seen.add(literal);
      literals.push(literal);
    }
  }
  if (literals.length > MAX_PHRASE_LITERALS) throw tooMany(phrase);
  return literals;
}

class Parser {
  private index = 0;

  constructor(private readonly text: string) {}

  /** Parts up to (not including) one of `stops`, or the end. */
  sequence(stops: string): Part[] {
    const parts: Part[] = [];
    let literal = '';
    const flush = () => {
      if (literal !== '') parts.push({ literal });
      literal = '';
    };
    while (this.index < this.text.length) {
      const char = this.text[this.index] as string;
      if (stops.includes(char)) break;
      if (char === '\\') {
        const next = this.text[this.index + 1];
        if (next === undefined || !'[]{}|\\'.includes(next)) {
          throw new PhraseError(
            next === undefined
              ? 'A phrase cannot end with `\\`'
              : `Unknown escape \`\\${next}\`, expected one of \`\\[ \\] \\{ \\} \\| \\\\\``,
            this.index,
          );
        }
        literal += next;
        this.index += 2;
      } else if (char === '[') {
        flush();
        parts.push({ optional: this.optional() });
      } else if (char === '{') {
        flush();
        parts.push({ alternatives: this.alternatives() });
      } else if (char === ']' || char === '}') {
        throw new PhraseError(
          `Unexpected \`${char}\` without an opening \`${char === ']' ? '[' : '{'}\``,
          this.index,
        );
      } else if (char === '|') {
        throw new PhraseError('Unexpected `|` outside `{…}` (write `\\|` for the character)', this.index);
      } else {
        literal += char;
        this.index++;
      }
    }
    flush();
    return parts;
  }

  private optional(): Part[] {
    const start = this.index;
    this.index++;
    const parts = this.sequence(']');
    if (this.text[this.index] !== ']') throw new PhraseError('Unclosed `[`', start);
    this.index++;
    return parts;
  }

  private alternatives(): Part[][] {
    const start = this.index;
    this.index++;
    const alternatives: Part[][] = [];
    for (;;) {
      alternatives.push(this.sequence('|}'));
      const char = this.text[this.index];
      if (char === '}') {
        this.index++;
        return alternatives;
      }
      if (char !== '|') throw new PhraseError('Unclosed `{`', start);
      this.index++;
    }
  }
}

function expandSequence(parts: readonly Part[], phrase: string): string[] {
  let results = [''];
  for (const part of parts) {
    let options: string[];
    if ('literal' in part) options = [part.literal];
    else if ('optional' in part) options = ['', ...expandSequence(part.optional, phrase)];
    else options = part.alternatives.flatMap((alternative) => expandSequence(alternative, phrase));
    if (results.length * options.length > MAX_INTERMEDIATE) throw tooMany(phrase);
    results = results.flatMap((prefix) => options.map((option) => prefix + option));
  }
  return results;
}

function tooMany(phrase: string): PhraseError {
  return new PhraseError(`Phrase \`${phrase}\` expands to more than ${MAX_PHRASE_LITERALS} literals`, 0);
}

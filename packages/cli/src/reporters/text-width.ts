// Column alignment for terminals: the messages quote Chinese and Korean terms, so `.length` would
// misalign the rule id column. Wide and full-width characters take two cells (Unicode's East Asian
// Width, from get-east-asian-width); combining marks and invisible format characters take none.
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) width += 1;
    else if (!ZERO_WIDTH.test(char)) width += eastAsianWidth(code);
  }
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

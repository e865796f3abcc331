// The line index: lines end at \n, \r\n or a lone \r; 1-based lines and UTF-16 columns. A text
// without a carriage return is indexed by searching for line feeds, any other unit by unit.
import { describe, expect, it } from 'vitest';
import { createLineIndex } from '../src/text/lines.js';
import { mulberry32 } from './random.js';

/** Line starts as a regular expression finds the breaks. */
function reference(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

describe('the line index', () => {
  it('agrees with the line breaks a regular expression finds, with and without carriage returns', () => {
    const random = mulberry32(41);
    for (const pieces of [
      ['a', '中', '\n', '\n\n', '😀'],
      ['a', '中', '\n', '\r', '\r\n', '\n\r', '😀'],
    ]) {
      for (let n = 0; n < 500; n++) {
        let text = '';
        const count = Math.floor(random() * 20);
        for (let k = 0; k < count; k++) text += pieces[Math.floor(random() * pieces.length)];
        const index = createLineIndex(text);
        const starts = reference(text);
        expect({ text, count: index.lineCount }).toEqual({ text, count: starts.length });
        for (let line = 1; line <= starts.length; line++)
          expect(index.lineStart(line)).toBe(starts[line - 1]);
        for (let offset = 0; offset <= text.length; offset++) {
          let line = 0;
          while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
          expect(index.position(offset)).toEqual({
            line: line + 1,
            column: offset - (starts[line] as number) + 1,
          });
        }
      }
    }
  });

  it('places an offset between \\r and \\n on the line the \\r ends', () => {
    const index = createLineIndex('a\r\nb');
    expect(index.lineCount).toBe(2);
    expect(index.position(2)).toEqual({ line: 1, column: 3 });
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(createLineIndex('a\nb\n').lineCount).toBe(3);
  });
});

// The bundle's code in ASCII (bin.cjs decodes it as Latin-1, faster than UTF-8, into a string of
// one byte per character), with its source map moved to match.
import { decode, encode } from '@jridgewell/sourcemap-codec';

/**
 * `code` with every character esbuild left outside ASCII written as `\uXXXX`: esbuild escapes
 * them in strings and names but not in regular expression literals and comments, where `\uXXXX`
 * per UTF-16 unit means the same (a surrogate pair is read as one code point under the `u` flag,
 * and `\。` in a pattern is `。`), and `map` (esbuild's, for `code`) with the generated
 * columns after each such character moved by what the escape added, so that it still maps the
 * code bin.cjs runs. A backslash before the character is dropped (`\’` in a pattern is `’`).
 */
export function asciiCode(code, map) {
  const lines = code.split('\n');
  const shifts = lines.map(lineShifts);
  const mappings = decode(map.mappings);
  shifts.forEach((line, index) => {
    if (line.length === 0 || !mappings[index]) return;
    for (const segment of mappings[index]) segment[0] = movedColumn(segment[0], line);
  });
  return {
    code: lines.map(asciiLine).join('\n'),
    map: { ...map, mappings: encode(mappings) },
  };
}

const OUTSIDE = /(\\*)([^\x00-\x7f])/g;

function asciiLine(line) {
  return line.replace(OUTSIDE, (_, slashes, c) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Where a line's escapes start and what each adds to the columns after it, in order. */
function lineShifts(line) {
  const shifts = [];
  for (const m of line.matchAll(OUTSIDE)) {
    const slashes = m[1].length;
    const kept = slashes % 2 === 1 ? slashes - 1 : slashes;
    shifts.push({ at: m.index, added: kept + 6 - (slashes + 1) });
  }
  return shifts;
}

function movedColumn(column, shifts) {
  let moved = column;
  for (const { at, added } of shifts) if (at < column) moved += added;
  return moved;
}

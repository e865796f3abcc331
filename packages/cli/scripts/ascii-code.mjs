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
  const lines = code.split('\n').map(asciiLine);
  const mappings = decode(map.mappings);
  lines.forEach(({ shifts }, index) => {
    if (shifts.length === 0 || !mappings[index]) return;
    for (const segment of mappings[index]) segment[0] = movedColumn(segment[0], shifts);
  });
  return {
    code: lines.map((line) => line.text).join('\n'),
    map: { ...map, mappings: encode(mappings) },
  };
}

/** A line of code in ASCII, and where each escape starts and what it adds to the columns after it. */
function asciiLine(line) {
  const shifts = [];
  const text = line.replace(/(\\*)([^\x00-\x7f])/g, (whole, slashes, c, at) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    const escaped = `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    shifts.push({ at, added: escaped.length - whole.length });
    return escaped;
  });
  return { text, shifts };
}

function movedColumn(column, shifts) {
  let moved = column;
  for (const { at, added } of shifts) if (at < column) moved += added;
  return moved;
}

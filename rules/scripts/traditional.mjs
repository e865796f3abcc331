// A pack's Traditional Chinese texts from its Simplified ones, at build time (generate.mjs): opencc-js
// from mainland Simplified to Taiwan-standard characters (`cn` -> `tw`: characters and variants, not
// the Taiwan phrase tables, which would change the terms the texts quote), and the quotation marks
// Traditional text uses (“…” -> 「…」, ‘…’ -> 『…』). Code spans are quoted wording and stay as written.
// The output is reviewed and committed; a correction goes into CORRECTIONS, so the next build keeps it.
import * as OpenCC from 'opencc-js';

export const GENERATED_HANT_HEADER =
  '# Generated from zh-Hans.yaml by rules/scripts/generate.mjs (opencc-js cn -> tw); do not edit.';

// [converter output, reviewed Traditional]: where the character conversion picks the wrong form.
const CORRECTIONS = [
  ['伙伴', '夥伴'],
  ['聲明瞭', '聲明了'],
];

const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

function traditionalProse(text) {
  let out = convert(text).replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』');
  for (const [from, to] of CORRECTIONS) out = out.split(from).join(to);
  return out;
}

/** The zh-Hant locale file for a zh-Hans one: every text converted outside code spans. */
export function traditionalLocaleFile(simplified) {
  const body = simplified
    .split(/(`[^`\n]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : traditionalProse(part)))
    .join('')
    .replace(/^locale: zh-Hans$/m, 'locale: zh-Hant');
  return `${GENERATED_HANT_HEADER}\n${body}`;
}

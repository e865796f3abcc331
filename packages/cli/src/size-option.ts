import { UsageError } from './usage-error.js';

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--max-file-size`: bytes, or a number with K, M or G (KB, MB, GB; powers of 1,024). */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(text.trim());
  const bytes = match ? Math.floor(Number(match[1]) * SIZE_UNITS[match[2]!.toLowerCase()]!) : 0;
  if (bytes < 1 || !Number.isSafeInteger(bytes)) {
    throw new UsageError(
      `Unexpected value \`${text}\` for \`--max-file-size\`, expected a size such as \`16M\`, \`500K\` or \`20000000\``,
    );
  }
  return bytes;
}

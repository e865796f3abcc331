/** `--shard i/n`: this machine lints shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

export class ShardError extends Error {}

/**
 * The shard (0-based) of a path: FNV-1a over the UTF-8 bytes of the `/`-separated relative path,
 * mod n. It depends on the path only, so every machine of a CI matrix computes the same split
 * without talking to the others, and adding a file never moves another one.
 */
export function shardOf(path: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Shard count must be a positive integer, got ${n}`);
  return fnv1a(normalize(path)) % n;
}

/** Parse `i/n` (1-based): `2/3` is the second of three shards. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) {
    throw new ShardError(
      `Unexpected value \`${value}\` for \`--shard\`, expected \`INDEX/COUNT\` such as \`1/3\``,
    );
  }
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new ShardError(`Unexpected shard count 0 in \`--shard ${value}\`, expected 1 or more`);
  if (index < 1 || index > count) {
    throw new ShardError(
      `Unexpected shard index ${index} in \`--shard ${value}\`, expected 1 to ${count} (shards are numbered from 1)`,
    );
  }
  return { index, count };
}

/** The items of one shard, in their order; `key` gives the relative path (default: the item). */
export function selectShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string = String): T[] {
  return items.filter((item) => shardOf(key(item), shard.count) === shard.index - 1);
}

// `./a.md`, `a.md` and Windows' `a\\.md` name one file; NFC so macOS's decomposed file names
// land in the same shard as the composed names Linux machines see.
function normalize(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .normalize('NFC');
}

const encoder = new TextEncoder();

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

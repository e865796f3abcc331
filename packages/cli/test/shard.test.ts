import { describe, expect, it } from 'vitest';
import { parseShard, selectShard, shardOf } from '../src/shard.js';

const paths = Array.from(
  { length: 300 },
  (_, i) => `archive/${2020 + (i % 5)}/draft-${String(i).padStart(3, '0')}.${['en', 'zh', 'ko'][i % 3]}.md`,
);

describe('parseShard', () => {
  it('reads 1-based INDEX/COUNT', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it('rejects shard 0, an index above the count, a zero count and non-numbers', () => {
    expect(() => parseShard('0/3')).toThrow(
      'Unexpected shard index 0 in `--shard 0/3`, expected 1 to 3 (shards are numbered from 1)',
    );
    expect(() => parseShard('4/3')).toThrow('Unexpected shard index 4 in `--shard 4/3`, expected 1 to 3');
    expect(() => parseShard('1/0')).toThrow('Unexpected shard count 0 in `--shard 1/0`, expected 1 or more');
    expect(() => parseShard('a/b')).toThrow(
      'Unexpected value `a/b` for `--shard`, expected `INDEX/COUNT` such as `1/3`',
    );
    expect(() => parseShard('2')).toThrow('expected `INDEX/COUNT`');
  });
});

describe('shardOf and selectShard', () => {
  it('is FNV-1a of the path mod n, the same on every call', () => {
    // FNV-1a 32 of "a" is 0xe40c292c (the published test vector).
    expect(shardOf('a', 2 ** 31)).toBe(0xe40c292c % 2 ** 31);
    expect(shardOf('a', 7)).toBe(0xe40c292c % 7);
    expect(paths.map((p) => shardOf(p, 4))).toEqual(paths.map((p) => shardOf(p, 4)));
  });

  it('puts every path in exactly one shard, in input order, with shards of similar size', () => {
    for (const count of [1, 2, 3, 5]) {
      const shards = Array.from({ length: count }, (_, i) => selectShard(paths, { index: i + 1, count }));
      expect(shards.flat().sort()).toEqual([...paths].sort());
      for (const shard of shards) {
        expect(shard).toEqual(paths.filter((p) => shard.includes(p)));
        expect(shard.length).toBeGreaterThan((paths.length / count) * 0.8);
      }
    }
  });

  it('treats ./a, a\\b and decomposed Hangul as the same paths as a, a/b and composed Hangul', () => {
    expect(shardOf('./drafts/a.md', 1000)).toBe(shardOf('drafts/a.md', 1000));
    expect(shardOf('drafts\\a.md', 1000)).toBe(shardOf('drafts/a.md', 1000));
    expect(shardOf('외교.md'.normalize('NFD'), 1000)).toBe(shardOf('외교.md', 1000));
  });

  it('selects by a key', () => {
    const items = paths.map((p) => ({ shown: p }));
    expect(selectShard(items, { index: 2, count: 3 }, (i) => i.shown).map((i) => i.shown)).toEqual(
      selectShard(paths, { index: 2, count: 3 }),
    );
  });
});

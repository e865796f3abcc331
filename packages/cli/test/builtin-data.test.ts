// The built-in packs' data at the end of the CLI bundle (src/builtin-data.ts): what the build
// writes, the bin finds the end of the code by, and the bundle reads back.
import { closeSync, openSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataLength, encodeBuiltinData, TRAILER_BYTES } from '../src/builtin-data.js';
import { withTempDir } from './helpers.js';

describe('the built-in packs after the bundle code', () => {
  it('end the file with a comment no byte of the data can close, and a trailer giving its length', async () => {
    // Every byte value, `*/` and `/*` among them, and a star at the end.
    const bytes = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) % 256);
    bytes.set([0x2a, 0x2f, 0x2f, 0x2a, 0x2a], 100);
    const packs = [{ name: 'p', file: 'rules/p/pack.yaml', text: 'pack: p # */ **bold**\n' }];
    const encoded = encodeBuiltinData(packs, { p: bytes, q: Uint8Array.of(0x2a) });
    const text = encoded.toString('latin1');
    const block = text.slice(0, -TRAILER_BYTES);
    expect(text.slice(-TRAILER_BYTES)).toBe(`//nuance-data ${String(block.length).padStart(12, '0')}\n`);
    expect(block.startsWith('/*nuance-data ')).toBe(true);
    expect(block.endsWith('*/\n')).toBe(true);
    // The comment closes only at its end.
    expect(block.slice(0, -3).includes('*/')).toBe(false);
    // As Node compiles the file: code, then the comment and the trailer.
    const code = 'module.exports = 42;\n';
    expect(new Function('module', code + Buffer.from(encoded).toString('utf8'))).toBeTypeOf('function');

    await withTempDir(async (dir) => {
      const file = path.join(dir, 'bundle.cjs');
      await writeFile(file, Buffer.concat([Buffer.from(code), encoded]));
      const fd = openSync(file, 'r');
      try {
        expect(dataLength(fd, code.length + encoded.length)).toBe(block.length);
      } finally {
        closeSync(fd);
      }
    });
  });

  it('is read back as it was written, each compiled pack at a multiple of 4', async () => {
    const bytes = Uint8Array.from({ length: 999 }, (_, i) => (i * 13 + 0x2a) % 256);
    const packs = [
      {
        name: 'a',
        file: 'rules/a/pack.yaml',
        text: '**a** */',
        locales: { ko: { file: 'ko.yaml', text: '한국어' } },
      },
      { name: 'b', file: 'rules/b/pack.yaml', text: 'b' },
    ];
    const encoded = encodeBuiltinData(packs, { a: bytes, b: Uint8Array.of(1, 2, 3) });
    await withTempDir(async (dir) => {
      // The reader as the bundle has it: a CommonJS module reading its own file's end.
      const { build } = await import('esbuild');
      const reader = await build({
        entryPoints: [path.join(import.meta.dirname, '..', 'src', 'builtin-data.ts')],
        bundle: true,
        write: false,
        format: 'cjs',
        platform: 'node',
        logLevel: 'error',
      });
      const file = path.join(dir, 'bundle.cjs');
      await writeFile(file, Buffer.concat([Buffer.from(reader.outputFiles[0]!.text), encoded]));
      const { createRequire } = await import('node:module');
      const read = createRequire(import.meta.url)(file) as typeof import('../src/builtin-data.js');
      expect(read.builtinPackNames()).toEqual(['a', 'b']);
      expect(read.builtinPack('a')).toEqual(packs[0]);
      expect(read.builtinPack('c')).toBeUndefined();
      const a = read.builtinCompiled('a');
      expect(a && Buffer.from(a).equals(Buffer.from(bytes))).toBe(true);
      expect((a?.byteOffset ?? 1) % 4).toBe(0);
      expect([...(read.builtinCompiled('b') ?? [])]).toEqual([1, 2, 3]);
      expect(read.builtinCompiled('constructor')).toBeUndefined();
    });
  });
});

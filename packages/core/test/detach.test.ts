import { describe, expect, it } from 'vitest';
import { detached } from '../src/index.js';

describe('detached', () => {
  it('gives the same text back, of any length, surrogate pairs and all', () => {
    const source = `# 韩中 😀 Seoul and Beijing agreed to deepen the strategic cooperative partnership.`;
    for (let start = 0; start < source.length; start += 3) {
      for (let end = start; end <= source.length; end += 5) {
        const slice = source.slice(start, end);
        expect(detached(slice)).toBe(slice);
      }
    }
    expect(detached('')).toBe('');
  });
});

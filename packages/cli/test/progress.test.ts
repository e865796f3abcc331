import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.js';

function fakeStream(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  const stream: { isTTY: boolean; columns?: number; write(s: string): boolean } = {
    isTTY,
    write: (s: string) => writes.push(s) > 0,
  };
  if (columns !== undefined) stream.columns = columns;
  return { stream, writes };
}

describe('createProgress', () => {
  it('redraws one line on a terminal, at most every 100 ms, always showing the last file', () => {
    const { stream, writes } = fakeStream(true);
    let time = 1000;
    const progress = createProgress(stream, {}, { now: () => time });
    progress.update(1, 4, 'a.md');
    time += 50;
    progress.update(2, 4, 'b.md'); // throttled
    time += 60;
    progress.update(3, 4, 'c.md');
    time += 1;
    progress.update(4, 4);
    progress.done();
    expect(writes).toEqual([
      '\r\x1b[2Knuance: 1/4 files  a.md',
      '\r\x1b[2Knuance: 3/4 files  c.md',
      '\r\x1b[2Knuance: 4/4 files',
      '\r\x1b[2K',
    ]);
  });

  it('cuts the line to the terminal width, counting Chinese and Korean as two cells', () => {
    const { stream, writes } = fakeStream(true, 30);
    const progress = createProgress(stream, {}, { now: () => 0 });
    progress.update(12, 340, '외교/实用外交-draft.md');
    // Room for 29 cells: `nuance: 12/340 files  ` (22) + 외교 (4) + `/` (1) + 实 (2) leaves none for `…`.
    expect(writes).toEqual(['\r\x1b[2Knuance: 12/340 files  외교/…']);
  });

  it('writes nothing when piped or in CI', () => {
    for (const [isTTY, env] of [
      [false, {}],
      [true, { CI: 'true' }],
      [true, { CI: '1' }],
    ] as const) {
      const { stream, writes } = fakeStream(isTTY);
      const progress = createProgress(stream, env, { now: () => 0 });
      progress.update(1, 2, 'a.md');
      progress.update(2, 2, 'b.md');
      progress.done();
      expect(writes).toEqual([]);
    }
  });

  it('does not clear a line it never drew', () => {
    const { stream, writes } = fakeStream(true);
    createProgress(stream, {}).done();
    expect(writes).toEqual([]);
  });
});

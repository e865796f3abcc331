// hanStartOk's answers kept between runs (keepHanWords, hanWordsMade): a file of its own, for the
// answers and the loader are the module's, once per process.
import { describe, expect, it } from 'vitest';
import { hanWordsMade, keepHanWords } from '../src/index.js';
import { hanStartOk } from '../src/lang/han.js';

describe("the word segmenter's answers kept between runs", () => {
  it('are read once, when an answer is first not known, and trusted; what the segmenter answers is listed', () => {
    // 实用外交 after 奉行: a Han character before it, so the segmenter decides (6: its offset in the window).
    const text = '韩国政府奉行实用外交';
    let loads = 0;
    keepHanWords(() => {
      loads++;
      return [['6:韩国政府奉行实用外交', false]];
    });
    // After a space, no segmenter and no memory are needed.
    expect(hanStartOk('韩国 实用外交', 3)).toBe(true);
    expect(loads).toBe(0);
    // The kept answer (false, where the segmenter says true) is the one given.
    expect(hanStartOk(text, 6)).toBe(false);
    expect(loads).toBe(1);
    expect(hanWordsMade().size).toBe(0);
    // A window no run answered: the segmenter's answer, listed to be kept.
    expect(hanStartOk('双方奉行实用外交', 4)).toBe(true);
    expect(hanStartOk('实用外交的政策', 3)).toBe(false);
    expect([...hanWordsMade()]).toEqual([
      ['4:双方奉行实用外交', true],
      ['3:实用外交的政策', false],
    ]);
    expect(loads).toBe(1);
  });
});

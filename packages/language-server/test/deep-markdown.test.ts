// Deep Markdown in the editor (issue "Hardening": the server blocked 11 s on 6,000 nested `- `,
// then overflowed the stack): the deep block is read as plain text, as in the CLI, with a warning,
// and the rest of the draft keeps its diagnostics, before and after an edit.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { uriOf, useTestResources } from './client.js';

const { tempDir, client } = useTestResources('nuance-ls-deep-');

const ranges = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

describe('a block nested 6,000 levels deep', () => {
  it('is checked as plain text with a warning; the other blocks as Markdown', async () => {
    const dir = tempDir();
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'deep.md'));
    await c.open(uri, `韩国奉行实用外交。\n\n${'- '.repeat(6000)}实用外交\n`);
    const wushi = 'korea-china/wushi-not-shiyong';
    const expected = [`${wushi} 0:4`, 'nuance/markdown-too-deep 2:0', `${wushi} 2:12000`];
    expect(ranges(await c.diagnostics(uri, (d) => d.length === 3))).toEqual(expected);
    await c.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '今天' },
    ]);
    expect(ranges(await c.diagnostics(uri, (d) => d[0]?.range.start.character === 6))).toEqual([
      `${wushi} 0:6`,
      ...expected.slice(1),
    ]);
  });
});

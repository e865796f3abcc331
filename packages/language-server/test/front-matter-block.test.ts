// Front matter is only at the start of a document: a later block between `---` (or `+++`) lines is
// prose, in the server as in the CLI, before and after edits that re-parse only some blocks. The
// format comes from @nuance/unified: the file's extension, else the editor's language id.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { uriOf, useTestResources } from './client.js';

const { tempDir, client } = useTestResources('nuance-ls-fm-');

const ranges = (diagnostics: Diagnostic[]) =>
  diagnostics.map(
    (d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`,
  );

describe('a `---` block after the start of the document', () => {
  it('is checked, and still is after edits before and inside it', async () => {
    const dir = tempDir();
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'hr.md'));
    await c.open(uri, 'Press release.\n\n---\n韩国奉行实用外交。\n---\n');
    const wushi = 'korea-china/wushi-not-shiyong';
    expect(ranges(await c.diagnostics(uri, (d) => d.length > 0))).toEqual([`${wushi} 3:4-8`]);
    await c.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft ' },
    ]);
    expect(ranges(await c.diagnostics(uri, (d) => d.length > 0))).toEqual([`${wushi} 3:4-8`]);
    await c.change(uri, [
      { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, text: '政府' },
    ]);
    expect(ranges(await c.diagnostics(uri, (d) => d.length > 0))).toEqual([`${wushi} 3:6-10`]);
    // Turning the block into front matter (nothing before it) leaves no prose to check.
    await c.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' },
    ]);
    expect(await c.diagnostics(uri, (d) => d.length === 0)).toEqual([]);
  });

  it('follows the editor language id when the name has no Markdown or text extension', async () => {
    const c = await client();
    const text = '---\ntitle: 韩国奉行实用外交\n---\n';
    await c.open('untitled:Untitled-1', text, 'markdown');
    await c.open('untitled:Untitled-2', text, 'plaintext');
    expect(await c.diagnostics('untitled:Untitled-1')).toEqual([]);
    expect(ranges(await c.diagnostics('untitled:Untitled-2', (d) => d.length > 0))).toEqual([
      'korea-china/wushi-not-shiyong 1:11-15',
    ]);
  });
});

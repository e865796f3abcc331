// "No diagnostics appear for the explain view": the extension's Explain, against the real language
// server (in-process), shows a page that the client never sends to the server, and that gives no
// finding even if a client did, although it quotes the terms its rule warns about.
import { describe, expect, it } from 'vitest';
import type { DocumentFilter } from 'vscode-languageclient/node';
import { useTestResources } from '../../packages/language-server/test/client.js';
import { activateWith, clientOptions } from '../src/client.js';
import { EXPLAIN_SCHEME } from '../src/explain-view.js';
import { type FakeUri, stubs } from './vscode-stub.js';

const { client: server } = useTestResources('nuance-explain-');

/** VS Code's match of a document against a selector of scheme and language filters. */
function selected(selector: unknown, document: { scheme: string; languageId: string }): boolean {
  return (selector as DocumentFilter[]).some(
    (f) =>
      (f.scheme === undefined || f.scheme === document.scheme) &&
      (f.language === undefined || f.language === document.languageId),
  );
}

describe('the Explain view', () => {
  it('is a page the server never lints, and that would give no finding if it did', async () => {
    const lsp = await server();
    const draft = 'untitled:draft.md';
    await lsp.open(draft, '韩国奉行实用外交。\n', 'markdown');
    await lsp.diagnostics(draft, (d) => d.length === 1);

    const s = stubs({ uri: draft, line: 0, character: 5 });
    await activateWith(s.api, s.context, () => ({
      ...s.client,
      sendRequest: (method: string, params: unknown) => lsp.connection.sendRequest(method, params),
    }));
    await s.commands.get('nuance.explainRuleAtCursor')?.();
    const [, [uri]] = s.executed.at(-1) as [string, [FakeUri]];
    const page = s.providers.get(EXPLAIN_SCHEME)?.provideTextDocumentContent(uri) ?? '';
    expect(page).toContain('实用外交');
    expect(page).toContain('korea-china/wushi-not-shiyong');

    // The page is a `nuance-explain:` Markdown document: the client's selector does not take it.
    const { documentSelector } = clientOptions({ packDocs: '/ext/dist/packs' });
    expect(selected(documentSelector, { scheme: EXPLAIN_SCHEME, languageId: 'markdown' })).toBe(false);
    expect(selected(documentSelector, { scheme: 'untitled', languageId: 'markdown' })).toBe(true);

    // Linted anyway (another client, or a copy saved as a file), it gives nothing.
    await lsp.open('untitled:page.md', page, 'markdown');
    expect(await lsp.diagnostics('untitled:page.md')).toEqual([]);
    // Without its first line, the same text would light up with the rule's own examples.
    const body = page.slice(page.indexOf('\n\n') + 2);
    await lsp.open('untitled:body.md', body, 'markdown');
    expect((await lsp.diagnostics('untitled:body.md', (d) => d.length > 0)).length).toBeGreaterThan(0);
  });
});

// The server under bad input: config keys that are Object.prototype names, requests after
// `shutdown`, requests that throw, and documents in many folders outside the workspace.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { uriOf, useTestResources } from './client.js';

const WUSHI = 'korea-china/wushi-not-shiyong';
const DRAFT = '韩国奉行实用外交。\n';
const { tempDir, client } = useTestResources('nuance-ls-robust-');

async function failure(request: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await request;
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseError);
    const { code, message } = error as ResponseError<unknown>;
    return { code, message };
  }
  throw new Error('expected the request to fail');
}

describe('config keys named like Object.prototype members', () => {
  it('are problems in the config file, and the document is still linted', async () => {
    const dir = tempDir();
    const config = path.join(dir, '.nuancerc.yaml');
    writeFileSync(
      config,
      'constructor: 1\n__proto__: {packs: [x]}\ntoString: a\nvalueOf: b\nhasOwnProperty: c\nrules:\n  constructor: off\n',
    );
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'draft.md'));
    await c.open(uri, DRAFT);
    expect((await c.diagnostics(uri, (d) => d.length === 1)).map((d) => d.code)).toEqual([WUSHI]);
    const problems = await c.diagnostics(uriOf(config), (d) => d.length >= 5);
    expect(problems.map((d) => `${d.range.start.line + 1} ${String(d.code).replace('pack/', '')}`)).toEqual([
      '1 unknown-key',
      '2 unknown-key',
      '3 unknown-key',
      '4 unknown-key',
      '5 unknown-key',
      '7 unknown-rule',
    ]);
  });
});

describe('lifecycle', () => {
  it('after shutdown, answers requests with an error and lints nothing', async () => {
    const dir = tempDir();
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'draft.md'));
    await c.open(uri, DRAFT);
    await c.diagnostics(uri, (d) => d.length === 1);
    await c.connection.sendRequest('shutdown');
    const before = c.log.length;
    expect(
      await failure(
        c.connection.sendRequest('textDocument/hover', {
          textDocument: { uri },
          position: { line: 0, character: 5 },
        }),
      ),
    ).toEqual({
      code: ErrorCodes.InvalidRequest,
      message: 'The server is shut down: only `exit` is accepted',
    });
    expect((await failure(c.connection.sendRequest('shutdown'))).code).toBe(ErrorCodes.InvalidRequest);
    const other = uriOf(path.join(dir, 'other.md'));
    await c.open(other, DRAFT);
    await c.change(uri, [{ text: `${DRAFT}${DRAFT}` }]);
    // Give a lint every chance to run (debounce 0), then check nothing was published.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(c.log.slice(before)).toEqual([]);
  });
});

describe('a request that throws', () => {
  it('gets an error answer, and diagnostics of other documents go on', async () => {
    const dir = tempDir();
    const c = await client({ folders: [dir] });
    const first = uriOf(path.join(dir, 'first.md'));
    await c.open(first, DRAFT);
    await c.diagnostics(first, (d) => d.length === 1);
    // Parameters a handler cannot work with: each request is answered with an error.
    const codeAction = await failure(
      c.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: first },
        range: null,
        context: null,
      }),
    );
    expect(codeAction.code).toBe(ErrorCodes.InternalError);
    const hover = await failure(
      c.connection.sendRequest('textDocument/hover', { textDocument: null, position: null }),
    );
    expect(hover.code).toBe(ErrorCodes.InternalError);
    const second = uriOf(path.join(dir, 'second.md'));
    await c.open(second, `${DRAFT}\n${DRAFT}`);
    expect(await c.diagnostics(second, (d) => d.length === 2)).toHaveLength(2);
    await c.change(first, [{ text: `${DRAFT}${DRAFT}` }]);
    expect(await c.diagnostics(first, (d) => d.length === 2)).toHaveLength(2);
  });
});

describe('documents outside the workspace', () => {
  it('in many folders with their own configs are all linted right, with a bounded cache', async () => {
    const workspace = tempDir();
    const c = await client({ folders: [workspace] });
    const outside = tempDir();
    for (let i = 0; i < 40; i++) {
      const folder = path.join(outside, `f${i}`);
      const severity = ['error', 'warning', 'info', 'hint'][i % 4]!;
      mkdirSync(folder);
      writeFileSync(path.join(folder, '.nuancerc.yaml'), `rules:\n  ${WUSHI}: ${severity}\n`);
      const uri = uriOf(path.join(folder, 'draft.md'));
      await c.open(uri, DRAFT);
      const diagnostics = await c.diagnostics(uri, (d) => d.length === 1);
      expect(diagnostics[0]!.severity).toBe(1 + (i % 4));
      await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });
});

describe('a document over the size limit', () => {
  it('gets one diagnostic saying it was not linted, and the server goes on', async () => {
    const dir = tempDir();
    const c = await client({ folders: [dir] });
    const huge = uriOf(path.join(dir, 'huge.md'));
    await c.open(huge, '韩国奉行实用外交。'.repeat(700_000));
    const [only] = await c.diagnostics(huge, (d) => d.length === 1);
    expect(only).toMatchObject({
      code: 'nuance/unreadable-file',
      message: 'This document is 18 MB, more than the limit of 16 MB, so it was not linted',
    });
    const small = uriOf(path.join(dir, 'small.md'));
    await c.open(small, DRAFT);
    expect((await c.diagnostics(small, (d) => d.length === 1)).map((d) => d.code)).toEqual([WUSHI]);
  }, 30_000);
});

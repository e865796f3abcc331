import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { uriOf, useTestResources } from './client.js';

const { tempDir, client } = useTestResources('nuance-ls-bilingual-');

const XLIFF = [
  '<?xml version="1.0"?>',
  '<xliff version="2.0" srcLang="ko" trgLang="zh-CN"><file id="f">',
  '<unit id="1"><segment><source>한반도 비핵화를 지지한다.</source><target>支持<pc id="1">朝鲜</pc>无核化。</target></segment>',
  '<segment><source>이재명 정부는 실용외교를 추구한다.</source><target>李在明政府奉行实用外交。</target></segment></unit>',
  '</file></xliff>',
  '',
].join('\n');

describe('XLIFF in the editor', () => {
  it('gives diagnostics on the targets, and the hover shows the source segment and the concept', async () => {
    const dir = tempDir();
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'release.xlf'));
    await c.open(uri, XLIFF, 'xml');
    const diagnostics = await c.diagnostics(uri, (d) => d.length === 2);
    expect(
      diagnostics.map(
        (d) =>
          `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
      ),
    ).toEqual(['korea-china/denuclearization-scope 2:74-2:84', 'korea-china/wushi-not-shiyong 3:60-3:64']);
    const hover = (await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 61 },
    })) as Hover;
    const text = (hover.contents as { value: string }).value;
    expect(text).toContain('**Source segment** (`ko`, line 4): 이재명 정부는 실용외교를 추구한다.');
    const shifted = (await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 75 },
    })) as Hover;
    expect((shifted.contents as { value: string }).value).toContain(
      '**Bilingual check**: shifted concept; source `한반도 비핵화`; confusable set `korea-china/denuclearization-scope`',
    );
  });

  it('checks a release set translation against its source file on disk', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'statement.ko.md'), '사드 문제를 논의했다.\n');
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'statement.en.md'));
    await c.open(uri, 'They discussed the issue.\n', 'markdown');
    const diagnostics = await c.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostics.map((d) => d.code)).toEqual(['korea-china/thaad']);
  });

  it('reads the source as the editor has it: unsaved edits, a new file, and the disk again on close', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'statement.ko.md'), '한국은 입장을 밝혔다.\n');
    const c = await client({ folders: [dir] });
    const en = uriOf(path.join(dir, 'statement.en.md'));
    const ko = uriOf(path.join(dir, 'statement.ko.md'));
    await c.open(en, 'They discussed the issue.\n', 'markdown');
    expect(await c.diagnostics(en)).toEqual([]);
    // The source opened with text not on disk: the translation is checked against it at once.
    await c.open(ko, '사드 문제를 논의했다.\n', 'markdown');
    expect((await c.diagnostics(en, (d) => d.length === 1)).map((d) => d.code)).toEqual([
      'korea-china/thaad',
    ]);
    // Edited (unsaved) back: the translation's finding goes.
    await c.change(ko, [{ text: '한국은 입장을 밝혔다.\n' }]);
    expect(await c.diagnostics(en, (d) => d.length === 0)).toEqual([]);
    await c.change(ko, [{ text: '사드 문제를 논의했다.\n' }]);
    await c.diagnostics(en, (d) => d.length === 1);
    // Closed without saving: the file on disk is the source again.
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ko } });
    expect(await c.diagnostics(en, (d) => d.length === 0)).toEqual([]);
    // A member that exists only in the editor (never saved) is the source too.
    const zh = uriOf(path.join(dir, 'note.zh.md'));
    const koNew = uriOf(path.join(dir, 'note.ko.md'));
    await c.open(zh, '双方讨论了这个问题。\n', 'markdown');
    await c.open(koNew, '사드 문제를 논의했다.\n', 'markdown');
    expect((await c.diagnostics(zh, (d) => d.length === 1)).map((d) => d.code)).toEqual([
      'korea-china/thaad',
    ]);
  });
});

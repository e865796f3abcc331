// `@nuance/unified/lazy`: remark is loaded only when a document needs it. This file imports only
// the lazy entry point, so nothing else has loaded remark in its module graph.
import { compilePacks, parsePack } from '@nuance/core';
import { describe, expect, test } from 'vitest';
import { lintDocument, lintDocumentAsync, loadMarkdownParser, MarkdownParserNotLoaded } from '../src/lazy.js';

const { pack } = parsePack(
  `pack: l
rules:
  - id: l/wushi
    kind: term
    severity: error
    message: m
    terms:
      zh: [务实外交, {text: 实用外交, status: deprecated}]
`,
  'l.yaml',
);
if (!pack) throw new Error('test pack does not parse');
const { ruleSet } = compilePacks([pack]);

describe('the lazy entry point', () => {
  test('lints plain blocks, and documents with no candidate, without remark', () => {
    const text = '# 标题\n\n韩国奉行实用外交。\n\n**无关**的段落。\n';
    expect(lintDocument({ text, path: 'd.md', ruleSet }).findings.map((f) => f.actual)).toEqual(['实用外交']);
  });

  test('throws before remark is loaded for a block that needs it, and lintDocumentAsync loads it', async () => {
    const text = '韩国奉行<!-- 注 -->实用外交。\n';
    expect(() => lintDocument({ text, path: 'd.md', ruleSet })).toThrow(MarkdownParserNotLoaded);
    const result = await lintDocumentAsync({ text, path: 'd.md', ruleSet });
    expect(result.findings.map((f) => f.actual)).toEqual(['实用外交']);
    expect(lintDocument({ text, path: 'd.md', ruleSet }).findings).toEqual(result.findings);
    await loadMarkdownParser();
  });
});

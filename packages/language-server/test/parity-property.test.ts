// Property (fast-check, fixed seed): after any sequence of edits, the server's incremental lint of a
// Markdown document gives what the CLI's lint call gives for the same text (lintDocument as the
// CLI calls it: with its candidate pre-check, not a forced full parse), front matter, character
// references and directives included.
import { loadConfig } from '@nuance/config';
import { createLineIndex, type Finding, type RuleSet } from '@nuance/core';
import { documentLanguage, documentTopic, lintDocument } from '@nuance/unified';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fuzzCounter, fuzzRuns } from '../../core/test/fuzz-options.js';
import { documentLines, IncrementalLinter } from '../src/incremental.js';

let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = (await loadConfig({ cwd: '/' })).ruleSet;
});

const FILE = '/drafts/d.md';
const key = (f: Finding) =>
  `${f.ruleId} ${f.start}-${f.end} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message} ${JSON.stringify(f.context ?? [])}`;

const PIECES = [
  '---\n',
  '+++\n',
  'title: x\n',
  'topic: [korea, china]\n',
  '\n',
  '\n\n',
  '韩国奉行实用外交。',
  '&#23454;&#29992;外交',
  '&#x5B9E;用外交',
  '实',
  '用外交',
  'We restore the strategic cooperative partnership.',
  'US-ROK',
  '# ',
  '- ',
  '> ',
  '```\n',
  '<!-- nuance-disable-line -->',
  '`code`',
  ' ',
  '\r\n',
  '\r',
];
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 8 }),
  insert: fc.option(fc.constantFrom(...PIECES), { nil: undefined }),
});

describe('language server and CLI', () => {
  const inputs = fuzzCounter('language server = CLI after edits (edit sequences)');
  afterAll(() => inputs.report());

  it('give the same findings after every edit of a document', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }),
        fc.array(edit, { maxLength: 12 }),
        (start, edits) => {
          inputs.count();
          const linter = new IncrementalLinter();
          let text = start.join('');
          // The server's document takes the same edits as ranges, its line index with them.
          const document = TextDocument.create('file:///drafts/d.md', 'markdown', 1, text);
          for (const e of [{ at: 0, remove: 0, insert: undefined }, ...edits]) {
            // An editor never puts a position between \r and \n.
            const outOfCrLf = (offset: number) =>
              text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
            const at = outOfCrLf(e.at % (text.length + 1));
            const to = outOfCrLf(Math.min(at + e.remove, text.length));
            const range = { start: document.positionAt(at), end: document.positionAt(to) };
            TextDocument.update(document, [{ range, text: e.insert ?? '' }], document.version + 1);
            text = text.slice(0, at) + (e.insert ?? '') + text.slice(to);
            expect(document.getText()).toBe(text);
            // The facts as the server takes them (linting.ts); the text as the CLI reads `d.md`.
            const lang = documentLanguage({ text, path: FILE, lang: undefined, format: 'markdown' });
            const topic = documentTopic({
              text,
              path: FILE,
              format: 'markdown',
              topic: undefined,
              voice: undefined,
            });
            const facts = { format: 'markdown' as const, lang, topic };
            const server = linter.lint(text, ruleSet, facts, documentLines(document)).map(key);
            const cli = lintDocument({ text, path: FILE, ruleSet }).findings.map(key);
            expect(server).toEqual(cli);
          }
        },
      ),
      fuzzRuns(150, 30_000),
    );
  });
});

describe('documentLines', () => {
  it("gives core's line index positions over an editor's document, line ends of every kind", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '韩', '\n', '\r', '\r\n', '😀'), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          const lines = documentLines(TextDocument.create('untitled:x', 'markdown', 1, text));
          const expected = createLineIndex(text);
          expect(lines.lineCount).toBe(expected.lineCount);
          for (let offset = 0; offset <= text.length; offset++)
            expect(lines.position(offset)).toEqual(expected.position(offset));
          for (let line = 0; line <= expected.lineCount + 1; line++)
            expect(lines.lineStart(line)).toBe(expected.lineStart(line));
        },
      ),
      fuzzRuns(300, 10_000),
    );
  });

  it("is read through the getters of its class, none of its own (see core's lint.ts)", () => {
    const lines = documentLines(TextDocument.create('untitled:x', 'markdown', 1, 'a\nb'));
    const own = Object.values(Object.getOwnPropertyDescriptors(lines));
    expect(own.filter((d) => d.get !== undefined || d.set !== undefined)).toEqual([]);
    expect(lines.lineCount).toBe(2);
  });
});

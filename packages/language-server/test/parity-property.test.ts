// Property (fast-check, fixed seed): after any sequence of edits, the server's incremental lint of a
// Markdown document gives what the CLI's lint call gives for the same text (lintDocument as the
// CLI calls it: with its candidate pre-check, not a forced full parse), front matter, character
// references and directives included.
import { loadConfig } from '@nuance/config';
import type { Finding, RuleSet } from '@nuance/core';
import { documentLanguage, documentTopic, lintDocument } from '@nuance/unified';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzCounter, fuzzRuns } from '../../core/test/fuzz-options.js';
import { IncrementalLinter } from '../src/incremental.js';

let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = (await loadConfig({ cwd: '/' })).ruleSet;
});

const FILE = '/drafts/d.md';
const key = (f: Finding) => `${f.ruleId} ${f.start}-${f.end} ${f.message}`;

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
          for (const e of [{ at: 0, remove: 0, insert: undefined }, ...edits]) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + (e.insert ?? '') + text.slice(at + e.remove);
            // The facts as the server takes them (linting.ts); the text as the CLI reads `d.md`.
            const lang = documentLanguage({ text, path: FILE, lang: undefined, format: 'markdown' });
            const topic = documentTopic({
              text,
              path: FILE,
              format: 'markdown',
              topic: undefined,
              voice: undefined,
            });
            const server = linter.lint(text, ruleSet, { format: 'markdown', lang, topic }).map(key);
            const cli = lintDocument({ text, path: FILE, ruleSet }).findings.map(key);
            expect(server).toEqual(cli);
          }
        },
      ),
      fuzzRuns(150, 30_000),
    );
  });
});

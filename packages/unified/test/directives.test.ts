import { describe, expect, test } from 'vitest';
import { applyDirectives, directivesOf, parseMarkdown, segmentsOf, textSegments } from '../src/index.js';
import { fakeFinding, fakeRuleSet, proseOf } from './helpers.js';

const A = 'korea-china/a';
const B = 'korea-china/b';
const ruleSet = fakeRuleSet([A, B]);

function directives(source: string) {
  return directivesOf(parseMarkdown(source), source);
}

/** Findings of rules A and B on every `实用` of `text`; returns the surviving `ruleId@line:col`. */
function survivors(text: string, list = directives(text)): string[] {
  const findings = [];
  for (let at = text.indexOf('实用'); at >= 0; at = text.indexOf('实用', at + 1)) {
    findings.push(fakeFinding(text, A, at, at + 2), fakeFinding(text, B, at, at + 2));
  }
  return applyDirectives(findings, list, text, ruleSet).map((f) => `${f.ruleId}@${f.line}:${f.column}`);
}

describe('directivesOf', () => {
  test('each form, with and without rule ids and reasons', () => {
    const source = [
      '第一行 <!-- nuance-disable-line -->',
      '第二行 <!-- nuance-disable-line korea-china/a, korea-china/b -- quoted verbatim -->',
      '',
      '<!-- nuance-disable-next-line korea-china/a -->',
      '',
      '<!--nuance-disable-->',
      '',
      '<!-- nuance-enable korea-china/b -- back on -->',
      '<!-- nuance-disable-lines -->',
      '',
    ].join('\n');
    expect(directives(source)).toEqual([
      { kind: 'disable-line', rules: [], start: 4, end: 32, line: 1 },
      {
        kind: 'disable-line',
        rules: [A, B],
        reason: 'quoted verbatim',
        start: 37,
        end: 113,
        line: 2,
      },
      { kind: 'disable-next-line', rules: [A], start: 115, end: 162, line: 5 },
      { kind: 'disable', rules: [], start: 164, end: 185, line: 6 },
      { kind: 'enable', rules: [B], reason: 'back on', start: 187, end: 234, line: 8 },
    ]);
  });

  test('directives inside code blocks, inline code and indented code are ignored', () => {
    const source =
      '```\n<!-- nuance-disable -->\n```\n\n实用 `<!-- nuance-disable-line -->`\n\n    <!-- nuance-disable -->\n';
    expect(directives(source)).toEqual([]);
    expect(survivors(source)).toEqual([`${A}@5:1`, `${B}@5:1`]);
  });

  test('a multi-line disable-next-line applies to the line after its end', () => {
    const source = '<!-- nuance-disable-next-line\n  korea-china/a -->\n实用\n';
    expect(directives(source)).toMatchObject([{ kind: 'disable-next-line', rules: [A], line: 3 }]);
    expect(survivors(source)).toEqual([`${B}@3:1`]);
  });
});

describe('applyDirectives', () => {
  test('disable-line without rules: every finding starting on that line', () => {
    const source = '实用 <!-- nuance-disable-line -->\n实用\n';
    expect(survivors(source)).toEqual([`${A}@2:1`, `${B}@2:1`]);
  });

  test('disable-line with a rule: only that rule', () => {
    const source = '实用 <!-- nuance-disable-line korea-china/b -- reason -->\n';
    expect(survivors(source)).toEqual([`${A}@1:1`]);
  });

  test('disable-next-line: the next line only', () => {
    const source = '<!-- nuance-disable-next-line -->\n实用\n\n实用\n';
    expect(survivors(source)).toEqual([`${A}@4:1`, `${B}@4:1`]);
  });

  test('disable ... enable, all rules and one rule', () => {
    const source = [
      '实用',
      '<!-- nuance-disable -->',
      '实用',
      '<!-- nuance-enable korea-china/a -->',
      '实用',
      '<!-- nuance-enable -->',
      '实用',
      '<!-- nuance-disable korea-china/b -->',
      '实用',
    ].join('\n\n');
    expect(survivors(source)).toEqual([
      `${A}@1:1`,
      `${B}@1:1`,
      `${A}@9:1`,
      `${A}@13:1`,
      `${B}@13:1`,
      `${A}@17:1`,
    ]);
  });

  test('a disable-line inside a wrapped paragraph neither splits it nor reaches the next line', () => {
    const source = '韩国奉行实用外交。 <!-- nuance-disable-line -->\n又一次实用外交。\n';
    const segments = segmentsOf(parseMarkdown(source), source);
    expect(segments.map((segment) => proseOf(segment, source))).toEqual([
      '韩国奉行实用外交。 \n又一次实用外交。',
    ]);
    expect(survivors(source)).toEqual([`${A}@2:4`, `${B}@2:4`]);
  });

  test('an unknown rule id is a warning located exactly on the id', () => {
    const source = '实用\n\n<!-- nuance-disable-next-line korea-china/a, korea-china/nope -->\n实用\n';
    const result = applyDirectives([], directives(source), source, ruleSet);
    expect(result).toEqual([
      {
        ruleId: 'nuance/unknown-rule-in-directive',
        severity: 'warning',
        message:
          'Unknown rule `korea-china/nope` in `nuance-disable-next-line`: no loaded pack has a rule with this id',
        start: 49,
        end: 65,
        line: 3,
        column: 46,
        endLine: 3,
        endColumn: 62,
        actual: 'korea-china/nope',
        expected: [],
      },
    ]);
    expect(source.slice(49, 65)).toBe('korea-china/nope');
    // The known id in the same directive still applies.
    expect(survivors(source)).toEqual([
      `${A}@1:1`,
      `${B}@1:1`,
      'nuance/unknown-rule-in-directive@3:46',
      `${B}@4:1`,
    ]);
  });

  test('warnings merge with findings in document order', () => {
    const source = '实用\n\n<!-- nuance-disable-line other/x -->\n\n实用\n';
    expect(survivors(source)).toEqual([
      `${A}@1:1`,
      `${B}@1:1`,
      'nuance/unknown-rule-in-directive@3:26',
      `${A}@5:1`,
      `${B}@5:1`,
    ]);
  });

  test('plain-text directives suppress like Markdown ones', () => {
    const source =
      '实用\n<!-- nuance-disable-next-line korea-china/a -->\n实用\n实用 <!-- nuance-disable-line -->\n';
    expect(survivors(source, textSegments(source).directives)).toEqual([`${A}@1:1`, `${B}@1:1`, `${B}@3:1`]);
  });
});

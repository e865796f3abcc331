// A pack's rule ids placed by reading its lines (ruleIdLines) give the line the parsed pack's
// `locate(['rules', i, 'id'])` gives, for every rule of every pack at hand; any form the lines do
// not read gives undefined, never a wrong line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packWithRule, parsePack, ruleIdLines } from '../src/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** What the parsed pack places: each id's line (the first rule's of an id). */
function locatedLines(text: string): Map<string, number> {
  const { pack, problems } = parsePack(text, 'pack.yaml');
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const lines = new Map<string, number>();
  pack!.definition.rules.forEach((rule, i) => {
    if (!lines.has(rule.id)) lines.set(rule.id, pack!.locate(['rules', i, 'id']).line);
  });
  return lines;
}

const RULE = (id: string, phrase = '实用外交') =>
  `  - id: ${id}\n    kind: caution\n    severity: warning\n    message: m\n    phrases: [${phrase}]\n`;

describe('ruleIdLines', () => {
  it.each([
    'rules/korea-china/pack.yaml',
    'packages/core/test/context-shapes.pack.yaml',
    'packages/cli/test/fixtures/team.yaml',
    'packages/config/test/fixtures/project/packs/team.yaml',
  ])('places every rule of %s where the parsed pack does', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const lines = ruleIdLines(text);
    expect(lines).toBeDefined();
    expect(lines).toEqual(locatedLines(text));
  });

  it('reads the forms packs are written in', () => {
    const text = [
      '# A team pack',
      'pack: team',
      'description: |',
      '  rules:',
      '  - id: not/a-rule',
      'rules:',
      "# the list at the key's own indentation",
      '- id: team/plain # a comment',
      '  kind: caution',
      '  severity: warning',
      '  message: |',
      '    id: team/in-a-block',
      '',
      '  phrases: [实用外交]',
      '- kind: caution',
      '  id: "team/double"',
      '  severity: warning',
      '  message: m',
      '  phrases: [务实外交]',
      '-',
      '  kind: caution',
      "  id: 'team/single'",
      '  severity: warning',
      '  message: m',
      '  phrases:',
      '    - 韩国',
      '',
    ].join('\r\n');
    const lines = ruleIdLines(text);
    expect(lines).toEqual(
      new Map([
        ['team/plain', 8],
        ['team/double', 16],
        ['team/single', 22],
      ]),
    );
    expect(lines).toEqual(locatedLines(text));
  });

  it.each([
    [
      'a flow list',
      'pack: t\nrules: [{id: t/a, kind: caution, severity: warning, message: m, phrases: [x]}]\n',
    ],
    ['an item written as a flow mapping', 'pack: t\nrules:\n  - {id: t/a, kind: caution}\n'],
    ['an id over two lines', `pack: t\nrules:\n  - id: t/a\n      b\n${RULE('t/b')}`],
    ['an id on the line after its key', 'pack: t\nrules:\n  - id:\n      t/a\n    kind: caution\n'],
    ['an item with no id', `pack: t\nrules:\n${RULE('t/a')}  - kind: caution\n    message: m\n`],
    ['an item that merges its keys', 'pack: t\nrules:\n  - <<: *base\n    id: t/a\n'],
    ['an anchored item', 'pack: t\nrules:\n  - &base\n    id: t/a\n'],
    ['an id with an escape', 'pack: t\nrules:\n  - id: "t/\\u0061"\n'],
    ['an id quoted with a quote inside', "pack: t\nrules:\n  - id: 't/a''b'\n"],
    ['an id that is a number', 'pack: t\nrules:\n  - id: 123\n'],
    ['an id that is null', 'pack: t\nrules:\n  - id: ~\n'],
    ['two ids in one item', 'pack: t\nrules:\n  - id: t/a\n    id: t/b\n'],
    ['rules that is a mapping', 'pack: t\nrules:\n  a:\n    id: t/a\n'],
    ['two rules keys', `pack: t\nrules:\n${RULE('t/a')}rules:\n${RULE('t/b')}`],
    ['no rules key at the top level', 'pack: t\nother:\n  rules:\n  - id: t/a\n'],
    ['a second document', `pack: t\nrules:\n${RULE('t/a')}---\npack: u\n`],
    ['a lone carriage return', `pack: t\rrules:\n${RULE('t/a')}`],
    ['keys at two indentations in one item', 'pack: t\nrules:\n  -   id: t/a\n    kind: caution\n'],
    ['a tab before a key', 'pack: t\nrules:\n  - id: t/a\n\tkind: caution\n'],
  ])('gives nothing for %s', (_, text) => {
    expect(ruleIdLines(text)).toBeUndefined();
  });

  it('places a repeated id at its first rule, as a lookup of the parsed rules by id does', () => {
    const text = `pack: t\nrules:\n${RULE('t/a')}${RULE('t/b')}${RULE('t/a', '务实外交')}`;
    expect(ruleIdLines(text)).toEqual(
      new Map([
        ['t/a', 3],
        ['t/b', 8],
      ]),
    );
  });

  it("places every rule of a generated 2,000-rule termbase as its parsed pack's locate does", () => {
    let text = 'pack: big\ndescription: "a generated termbase"\nrules:\n';
    for (let i = 0; i < 2000; i++) {
      const id = `big/t${String(i).padStart(5, '0')}`;
      const quoted = i % 3 === 0 ? `"${id}"` : i % 3 === 1 ? `'${id}'` : id;
      text += `  - id: ${quoted}\n    kind: term\n    severity: warning\n    message: 'Use \`{expected}\`'\n    terms:\n      zh:\n        - "词${i}"\n        - { text: "旧${i}", status: deprecated, use: "词${i}" }\n`;
    }
    const lines = ruleIdLines(text);
    expect(lines?.size).toBe(2000);
    expect(lines).toEqual(locatedLines(text));
  });
});

describe('packWithRule', () => {
  /** Each rule's definition, parsed from the pack with that rule alone, against the whole pack's. */
  function eachAlone(text: string): void {
    const { pack } = parsePack(text, 'pack.yaml');
    const whole = pack!.definition;
    const seen = new Set<string>();
    for (const rule of whole.rules) {
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      const alone = packWithRule(text, rule.id);
      expect(typeof alone, rule.id).toBe('string');
      const parsed = parsePack(alone as string, 'pack.yaml');
      expect(
        parsed.problems.filter((p) => p.severity === 'error'),
        rule.id,
      ).toEqual([]);
      const definition = parsed.pack!.definition;
      expect(definition.rules, rule.id).toEqual([rule]);
      // Everything else of the pack as it was: its name, description, contexts, homepage...
      expect({ ...definition, rules: [] }).toEqual({ ...whole, rules: [] });
    }
  }

  it.each([
    'rules/korea-china/pack.yaml',
    'packages/core/test/context-shapes.pack.yaml',
    'packages/cli/test/fixtures/team.yaml',
    'packages/config/test/fixtures/project/packs/team.yaml',
  ])('gives each rule of %s as the whole pack parses it', (file) => {
    eachAlone(readFileSync(path.join(ROOT, file), 'utf8'));
  });

  it('keeps what follows the list, and gives null for an id the pack does not have', () => {
    const text = `pack: t\nrules:\n${RULE('t/a')}${RULE('t/b', '务实外交')}${RULE('t/a', '韩国')}homepage: https://example.org/t\n`;
    eachAlone(text);
    expect(packWithRule(text, 't/a')).toBe(
      `pack: t\nrules:\n${RULE('t/a')}homepage: https://example.org/t\n`,
    );
    expect(packWithRule(text, 't/c')).toBeNull();
    expect(packWithRule('pack: t\nrules: [{id: t/a}]\n', 't/a')).toBeUndefined();
  });

  it('gives each rule of a generated 2,000-rule termbase', () => {
    let text = 'pack: big\ndescription: "a generated termbase"\nrules:\n';
    for (let i = 0; i < 2000; i++) {
      text += `  - id: big/t${String(i).padStart(5, '0')}\n    kind: term\n    severity: warning\n    message: 'Use \`{expected}\`'\n    terms:\n      zh:\n        - "词${i}"\n        - { text: "旧${i}", status: deprecated, use: "词${i}" }\n`;
    }
    eachAlone(text);
  });
});

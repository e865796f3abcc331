import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { configJsonSchema, packJsonSchema } from '../src/pack/json-schema.js';
import { parsePack } from '../src/pack/parse.js';

// Every kind and shorthand (the full normalized form is checked in pack-parse.test.ts).
const VALID_PACK = `pack: demo
homepage: https://example.org/demo
contexts:
  korea: {phrases: {en: [South Korea, Seoul]}, not: [North Korea], lang: [ko]}
rules:
  - id: demo/wushi-not-shiyong
    kind: term
    severity: error
    message: Use \`{expected}\` instead of \`{actual}\`
    audiences: {zh: 务实 is constructive}
    exceptions: [实用新型]
    terms:
      zh:
        - 务实外交
        - {text: 实用外交, status: deprecated, use: 务实外交, use-hant: 務實外交}
      en:
        - {pattern: 'peripheral\\s+diplomacy', status: forbidden}
    examples:
      valid: [韩国奉行务实外交。]
      invalid: [⟦实用外交⟧, {text: 韩国奉行⟦实用外交⟧。, output: 韩国奉行务实外交。}]
  - id: demo/strategic-partner
    kind: caution
    severity: warning
    message: m
    phrases: [strategic cooperative partner, '战略合作伙伴[关系]']
    patterns: {en: ['strategic\\s+partner']}
    unless: [economic and diplomatic cooperation]
  - id: demo/core-interests
    kind: requires
    severity: info
    message: m
    when: {en: [China's core interests], ko: ['중국[의] 핵심 이익']}
    require: [South Korea's core interests]
    lookahead: 1
    context: [{sets: [korea], within: [sentence, 2, document]}]
  - id: demo/pragmatic
    kind: consistency
    severity: hint
    message: m
    groups: [[practical diplomacy, pragmatic diplomacy]]
`;

const committed = (name: string) => readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');

// Every property of every object schema, with its path (for the message when one lacks docs).
function properties(schema: unknown, path = '#'): [string, Record<string, unknown>][] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value)) {
        found.push([`${path}/${name}`, property as Record<string, unknown>]);
        found.push(...properties(property, `${path}/${name}`));
      }
    } else {
      found.push(...properties(value, `${path}/${key}`));
    }
  }
  return found;
}

function validator(schema: object) {
  return new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);
}

describe('generated JSON Schemas', () => {
  test('the committed files equal what the code generates', () => {
    expect(committed('pack.schema.json')).toBe(`${JSON.stringify(packJsonSchema(), null, 2)}\n`);
    expect(committed('config.schema.json')).toBe(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

  test('every property has a title and a description for editor hovers', () => {
    for (const schema of [packJsonSchema(), configJsonSchema()]) {
      const undocumented = properties(schema)
        .filter(
          ([, property]) => typeof property.title !== 'string' || typeof property.description !== 'string',
        )
        .map(([path]) => path);
      expect(undocumented).toEqual([]);
    }
  });

  test('the pack schema accepts a pack with every shorthand and rejects what the parser rejects', () => {
    const validate = validator(packJsonSchema());
    expect(parsePack(VALID_PACK, 'p.yaml').problems).toEqual([]);
    expect(validate(parse(VALID_PACK))).toBe(true);
    const broken = parse(VALID_PACK);
    broken.rules[0].severity = 'loud';
    broken.rules[1].phrase = ['x'];
    broken.rules[0].terms.en.push({ text: 'a', pattern: 'b' });
    expect(validate(broken)).toBe(false);
  });

  test('the config schema accepts null values and a single audience', () => {
    const validate = validator(configJsonSchema());
    expect(validate({ packs: null, audience: 'zh', rules: { 'a/b': 'off' } })).toBe(true);
    expect(validate({ audience: ['zh', 'ko'], lang: 'en', accept: ['x'], ignore: ['a/**'] })).toBe(true);
    expect(validate({ rules: { 'a/b': 'loud' } })).toBe(false);
    expect(validate({ audiences: 'zh' })).toBe(false);
  });
});

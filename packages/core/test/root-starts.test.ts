import { setFlagsFromString } from 'node:v8';
import { describe, expect, test } from 'vitest';
import type { CompiledRuleSet } from '../src/engine/compiled.js';
import { RootStarts, rootStarts, skipAtRoot } from '../src/engine/root-skip.js';
import { compilePacks, deserializeRuleSet, serializeRuleSet, serializeRuleSetBytes } from '../src/index.js';
import { parsePack } from '../src/pack/parse.js';

// What the pass at the root reads has one shape wherever it comes from, so that V8 keeps the code
// it optimized for it: `RootStarts` with or without pattern atoms, and an automaton's tables built
// or read from a serialized rule set (root-skip.ts, double-array.ts's automatonTables); and so do
// the phrase references the scan reads for each match (serial-refs.ts).

const PACK = `pack: x
rules:
  - id: x/term
    kind: term
    severity: warning
    message: m
    terms:
      en: [{text: pragmatic diplomacy, status: deprecated, use: practical diplomacy}, practical diplomacy]
  - id: x/pattern
    kind: caution
    severity: info
    message: m
    phrases: [per mille]
    patterns: ['zeal\\w*']
`;

// V8's own answer to whether two objects have one shape (its hidden class): natives syntax, turned
// on for the functions compiled after it.
setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

function ruleSet(): CompiledRuleSet {
  const { pack, problems } = parsePack(PACK, 'x.yaml');
  if (!pack || problems.length > 0) throw new Error(`pack does not parse: ${JSON.stringify(problems)}`);
  return compilePacks([pack]).ruleSet as CompiledRuleSet;
}

describe('RootStarts', () => {
  const rs = ruleSet();
  const withAtoms = rootStarts(rs.automaton, rs.patternAtoms);
  const without = rootStarts(rs.automaton);

  test('has the same fields, in the same order, with or without pattern atoms', () => {
    expect(withAtoms).toBeInstanceOf(RootStarts);
    expect(without).toBeInstanceOf(RootStarts);
    expect(Object.keys(without as RootStarts)).toEqual(Object.keys(withAtoms as RootStarts));
    expect(withAtoms?.withAtoms).toBe(true);
    expect(without?.withAtoms).toBe(false);
    // Never null: an automaton with no phrase stands in for the atoms.
    expect(without?.atoms).toBeTypeOf('object');
    expect(Object.keys(without?.atoms ?? {})).toEqual(Object.keys(rs.automaton.tables));
    expect(sameMap(without as RootStarts, withAtoms as RootStarts)).toBe(true);
    expect(sameMap((without as RootStarts).atoms, (withAtoms as RootStarts).atoms)).toBe(true);
  });

  test('without pattern atoms, passes over what only a pattern atom starts', () => {
    // \`zeal\` is the pattern's atom (a literal all its matches hold); no phrase starts with z.
    const text = 'On zealous terms';
    expect(skipAtRoot(text, 0, text.length, without as RootStarts)).toBe(text.length);
    expect(skipAtRoot(text, 0, text.length, withAtoms as RootStarts)).toBe(text.indexOf('zeal'));
  });

  test('stops before a phrase, with or without atoms, at the same place', () => {
    const text = 'Seoul chose pragmatic diplomacy';
    const stop = skipAtRoot(text, 0, text.length, without as RootStarts);
    expect(stop).toBeLessThanOrEqual(text.indexOf('pragmatic'));
    expect(skipAtRoot(text, 0, text.length, withAtoms as RootStarts)).toBe(stop);
  });
});

describe('automaton tables', () => {
  const rs = ruleSet();
  const built = Object.keys(rs.automaton.tables);

  test('read from a serialized rule set have the fields of built ones, in the same order', () => {
    for (const serialized of [serializeRuleSet(rs), serializeRuleSetBytes(rs)]) {
      const back = deserializeRuleSet(serialized).ruleSet as CompiledRuleSet;
      expect(Object.keys(back.automaton.tables)).toEqual(built);
      expect(Object.keys(back.patternAtoms?.tables ?? {})).toEqual(built);
      expect(sameMap(back.automaton.tables, rs.automaton.tables)).toBe(true);
      expect(sameMap(back.patternAtoms?.tables ?? {}, rs.automaton.tables)).toBe(true);
    }
    expect(Object.keys(rs.patternAtoms?.tables ?? {})).toEqual(built);
  });
});

describe('phrase references read from the byte form of a rule set', () => {
  const rs = ruleSet();

  // The form the CLI and the language server read (the built-in packs, the pack cache).
  test('have one shape whatever fields a phrase has, and the values of the built ones', () => {
    const back = deserializeRuleSet(serializeRuleSetBytes(rs)).ruleSet as CompiledRuleSet;
    const refs = back.refs.all();
    expect(refs).toEqual(rs.refs.all());
    // A term (language, item, quiet for the preferred one) and a caution's phrase (neither).
    expect(new Set(refs.map((r) => r.item === undefined)).size).toBe(2);
    expect(new Set(refs.map((r) => r.quiet === true)).size).toBe(2);
    const [first, ...rest] = refs;
    for (const ref of rest) expect(sameMap(ref, first as object)).toBe(true);
  });
});

// The pre-check with context conditions: which sets a text may mention and which conditions its
// candidates wait on (preCheck's `hits`), and whether a candidate may be licensed (mayBeLicensed).
// The property at the end is what a caller relies on to pass over a text: a segment that gives a
// finding always holds a candidate that mayBeLicensed says may be.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { CompiledRuleSet } from '../src/engine/compiled.js';
import {
  type ContextHits,
  deserializeRuleSet,
  lintSegments,
  mayBeLicensed,
  preCheck,
  type RuleSet,
  serializeRuleSetBytes,
} from '../src/index.js';
import { blockSegments, ruleSetFromYaml } from './helpers.js';
import { mulberry32 } from './random.js';

// The shapes of the built-in pack's conditions, shared with unified's test of the blocks passed over.
const PACK = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'context-shapes.pack.yaml'), 'utf8');

const ruleSet = ruleSetFromYaml(PACK);
const rs = ruleSet as CompiledRuleSet;
const setIndex = (name: string) => rs.contextSets.findIndex((s) => s.name === name);
const sets = (...names: string[]) => names.map(setIndex).sort();

function hitsOf(text: string, of: RuleSet = ruleSet): ContextHits {
  const hits = preCheck(text, of, true).hits;
  if (!hits) throw new Error(`no hits for ${text}`);
  return { ...hits, sets: [...hits.sets].sort() };
}

describe('the hits of the pre-check', () => {
  test('name the sets a text may mention and the conditions its candidates wait on', () => {
    const tech = rs.compiled.findIndex((r) => r.source.def.id === 'c/tech');
    const hits = hitsOf('中国与韩国扩大 semiconductors 合作');
    expect(hits.sets).toEqual(sets('china', 'korea', 'cooperation'));
    expect(hits.open).toBe(false);
    expect(hits.conditions).toEqual([rs.compiled[tech]?.condition]);
    expect(hitsOf('Nothing here.')).toEqual({ sets: [], open: false, conditions: [] });
  });

  test('are read to the end of the text, past the first candidate and the first mention', () => {
    const hits = hitsOf('韩国 实用外交, then 战略合作伙伴关系 and China, then 합作 협력');
    expect(hits.sets).toEqual(sets('china', 'korea', 'cooperation'));
    expect(hits.conditions).toHaveLength(2);
  });

  test('a term with its own condition waits on it; one without is open, as a `require` phrase is', () => {
    const own = hitsOf('实用外交');
    expect(own.open).toBe(false);
    expect(own.conditions).toHaveLength(1);
    expect(hitsOf('practical diplomacy').open).toBe(true);
    // With a lookahead, a paragraph holding the required phrase alone decides a finding elsewhere.
    expect(hitsOf('core interests of Korea').open).toBe(true);
  });

  test('quiet phrases and blocking ones are no candidate; a `not` phrase is no mention', () => {
    expect(hitsOf('务实外交')).toEqual({ sets: [], open: false, conditions: [] });
    // The raw check reads no `not`: North Korea may mention korea (the answer is only "may").
    expect(hitsOf('North Korea').sets).toEqual([]);
    expect(hitsOf('South Korea').sets).toEqual(sets('korea'));
  });

  test('a pattern that may match is open, read past the phrases that made the text a candidate', () => {
    const patterned = ruleSetFromYaml(`pack: q
contexts:
  korea: {phrases: [韩国]}
rules:
  - id: q/core
    kind: caution
    severity: info
    message: m
    phrases: [核心利益, AI]
    patterns: ['中[国方]的?[^。]{1,6}核心利益']
    context: {sets: [korea], within: sentence}
  - id: q/open
    kind: caution
    severity: info
    message: m
    phrases: [practical diplomacy]
`);
    const of = (text: string) => preCheck(text, patterned, true).hits as ContextHits;
    // The phrase waits on its condition; the pattern's atom (核心利益) is there too: open.
    expect(of('中国的重大核心利益').open).toBe(true);
    // A weak phrase first, then the atom: a candidate of its own, not one of weak phrases only.
    expect(preCheck('AI then 中国的重大核心利益', patterned, true)).toMatchObject({ candidate: true });
    expect(preCheck('AI then 中国的重大核心利益', patterned, true).weakOnly).toBeUndefined();
    expect(of('AI then 中国的重大核心利益').open).toBe(true);
    // No atom: the phrase alone, waiting on korea.
    expect(of('AI 会议')).toMatchObject({ open: false, conditions: [expect.any(Number)] });
    // An open phrase first: the atoms need not be read on (the answer is the same).
    expect(of('practical diplomacy, 核心利益')).toMatchObject({ open: true });
  });

  test('are the same from a serialized rule set', () => {
    const read = deserializeRuleSet(serializeRuleSetBytes(ruleSet)).ruleSet;
    for (const text of [
      '中国与韩国扩大 semiconductors 合作',
      '实用外交',
      'practical diplomacy',
      '务实外交',
    ]) {
      const a = hitsOf(text);
      const b = hitsOf(text, read);
      expect(b).toEqual(a);
    }
  });

  test('are absent where the view folder declines the text, and without `mentions`', () => {
    expect(preCheck('cafe\u0301 实用外交', ruleSet, true).hits).toBeUndefined();
    expect(preCheck('实用外交', ruleSet, false).hits).toBeUndefined();
    const noContext = ruleSetFromYaml(`pack: n
rules:
  - {id: n/x, kind: caution, severity: info, message: m, phrases: [实用外交]}
`);
    expect(preCheck('实用外交', noContext, true)).toEqual({ candidate: true, mention: false });
  });
});

describe('mayBeLicensed', () => {
  const nowhere = () => false;
  const everywhere = () => true;
  const may = (text: string, elsewhere: (set: number) => boolean = nowhere, topic?: string[]) =>
    mayBeLicensed(ruleSet, hitsOf(text), elsewhere, topic);

  test('a place in the sentence or a window of sentences: only the text itself can satisfy it', () => {
    // c/tech: cooperation in the sentence, whatever the rest of the document says.
    expect(may('반도체 수출이 늘었다.', everywhere)).toBe(false);
    expect(may('중국과 한국의 반도체 협력.')).toBe(true);
    // china may be in the structure (a heading elsewhere), korea too.
    expect(may('반도체 협력을 강화한다.', everywhere)).toBe(true);
    expect(may('반도체 협력을 강화한다.', (set) => set === setIndex('china'))).toBe(false);
    // A term's own condition (korea in the sentence) is not the structure's.
    expect(may('实用外交', everywhere)).toBe(false);
    expect(may('韩国奉行实用外交。')).toBe(true);
  });

  test('the paragraph and the document: the text itself or another part of the document', () => {
    expect(may('双方发展战略合作伙伴关系。')).toBe(false);
    expect(may('双方发展战略合作伙伴关系。', everywhere)).toBe(true);
    expect(may('中国与韩国发展战略合作伙伴关系。')).toBe(true);
    expect(may('中国发展战略合作伙伴关系。', (set) => set === setIndex('korea'))).toBe(true);
  });

  test('a declared topic satisfies a set; a set named by a language may always hold', () => {
    expect(may('双方发展战略合作伙伴关系。', nowhere, ['korea', 'china'])).toBe(true);
    expect(may('双方发展战略合作伙伴关系。', nowhere, ['korea'])).toBe(false);
    expect(may('한미일 협력')).toBe(true);
  });

  test('an open candidate may always be licensed, and a text of several takes the best', () => {
    expect(may('practical diplomacy')).toBe(true);
    expect(may('实用外交，战略合作伙伴关系')).toBe(false);
    // The term waits on korea in its sentence; the partner rule on both, anywhere in the document.
    expect(may('实用外交，战略合作伙伴关系', everywhere)).toBe(true);
    expect(may('实用外交，战略合作伙伴关系 in 韩国', (set) => set === setIndex('china'))).toBe(true);
  });

  test('a set licensed under one condition of a list is not asked again under the next', () => {
    const twice = ruleSetFromYaml(`pack: t
contexts:
  korea: {phrases: [韩国]}
rules:
  - id: t/x
    kind: caution
    severity: info
    message: m
    phrases: [战略合作伙伴关系]
    context: [{sets: [korea], within: structure}, {sets: [korea], within: sentence}]
`);
    const hits = preCheck('战略合作伙伴关系', twice, true).hits as ContextHits;
    // A heading's mention licenses under the first; the engine does not ask the second.
    expect(mayBeLicensed(twice, hits, () => true)).toBe(true);
    expect(mayBeLicensed(twice, hits, () => false)).toBe(false);
  });
});

// Paragraphs of sentences drawn from candidates, mentions and neutral words: every paragraph that
// gives a finding holds a candidate mayBeLicensed allows, `elsewhere` being the other paragraphs.
// Candidates, mentions and neutral words (one per line), shared with unified's test.
const PIECES = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'context-shapes.words.txt'), 'utf8')
  .split('\n')
  .filter((word) => word !== '');
const ENDS = ['. ', '。', ' ', ' ', '! ', '다. '];

describe('a segment that gives a finding', () => {
  test('holds a candidate mayBeLicensed allows (2,000 random documents)', () => {
    const next = mulberry32(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
    let findings = 0;
    let passedOver = 0;
    for (let round = 0; round < 2000; round++) {
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(PIECES) + pick(ENDS)).join(''),
      );
      const text = paragraphs.join('\n\n');
      const segments = blockSegments(text);
      const topic = next() < 0.1 ? [pick(['korea', 'china', 'cooperation'])] : [];
      const hits = segments.map((s) => {
        const piece = s.pieces[0] as { start: number; end: number };
        return hitsOf(text.slice(piece.start, piece.end));
      });
      const mentioned = new Set(hits.flatMap((h) => h.sets));
      const found = lintSegments({ text, segments, topic }, ruleSet);
      findings += found.length;
      segments.forEach((segment, i) => {
        const piece = segment.pieces[0] as { start: number; end: number };
        const inIt = found.filter((f) => f.start >= piece.start && f.end <= piece.end);
        const allowed = mayBeLicensed(ruleSet, hits[i] as ContextHits, (set) => mentioned.has(set), topic);
        if (!allowed) {
          passedOver++;
          expect({ text, topic, inIt }).toEqual({ text, topic, inIt: [] });
        }
      });
    }
    expect(findings).toBeGreaterThan(1000);
    expect(passedOver).toBeGreaterThan(1000);
  });
});

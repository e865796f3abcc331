import { describe, expect, test } from 'vitest';
import {
  hasBoundedCandidate,
  hasCandidate,
  hasContextMention,
  lintSegments,
  needsContext,
  preCheck,
  prefilterSafety,
} from '../src/index.js';
import { ruleSetFromYaml } from './helpers.js';

const ruleSet = ruleSetFromYaml(`pack: p
contexts:
  korea:
    phrases: [韩国, South Korea]
rules:
  - id: p/wushi
    kind: term
    severity: error
    message: m
    context: [{sets: [korea], within: [paragraph]}]
    terms:
      zh: [务实外交, {text: 实用外交, status: deprecated}]
      en: [{text: Korea-China, status: deprecated, use: ROK-China}, ROK-China]
  - id: p/scope
    kind: requires
    severity: warning
    scope: segment
    message: m
    when: [core interests]
    require: [mutual respect]
`);

const weak = ruleSetFromYaml(`pack: w
rules:
  - id: w/ai
    kind: caution
    severity: info
    message: m
    phrases: [AI, G7]
  - id: w/long
    kind: caution
    severity: info
    message: m
    phrases: [artificial intelligence]
`);

describe('weak phrases (one to three Latin letters or digits)', () => {
  test('make a text a candidate, said to be by weak phrases only', () => {
    expect(preCheck('He said so again.', weak, false)).toEqual({
      candidate: true,
      mention: false,
      weakOnly: true,
    });
    expect(hasCandidate('He said so again.', weak)).toBe(true);
    // A strong phrase anywhere: a candidate, not by weak phrases only.
    expect(preCheck('He said artificial intelligence.', weak, false)).toEqual({
      candidate: true,
      mention: false,
    });
    expect(preCheck('Nothing here.', weak, false)).toEqual({ candidate: false, mention: false });
  });

  test('stand as words only where the scan of prose would take them', () => {
    for (const text of [
      'The AI plan.',
      "AI's rise",
      'AIs',
      '(AI)',
      '韩国AI',
      'G7 summit',
      'AI\nnext',
      '`x`AI',
    ])
      expect({ text, bounded: hasBoundedCandidate(text, weak) }).toEqual({ text, bounded: true });
    for (const text of ['He said so again.', 'maintain', 'aim', 'G77', 'G7x', 'xG7', 'mAI', 'A\u200bIm'])
      expect({ text, bounded: hasBoundedCandidate(text, weak) }).toEqual({ text, bounded: false });
  });

  test('agree with the lint of the same text as prose: bounded exactly where a finding is', () => {
    const texts = [
      'said AI',
      'said',
      'AI-driven',
      'the AIs',
      'G7s',
      'aid',
      '2G7',
      'KAIST',
      'ＡＩ plan',
      'x ＡＩ',
      'AI_x',
    ];
    for (const text of texts) {
      const findings = lintSegments({ text, segments: [{ pieces: [{ start: 0, end: text.length }] }] }, weak);
      expect({ text, bounded: hasBoundedCandidate(text, weak) }).toEqual({
        text,
        bounded: findings.length > 0,
      });
    }
  });
});

describe('the pre-check', () => {
  test('is the automaton over the match view: folded text, joined lines and hyphens count', () => {
    expect(hasCandidate('韓國奉行實用\n外交。', ruleSet)).toBe(true);
    expect(hasCandidate('Korea China ties', ruleSet)).toBe(true);
    expect(hasCandidate('KOREA–CHINA', ruleSet)).toBe(true);
    expect(hasCandidate('core  interests', ruleSet)).toBe(true);
    // Only phrases that can decide a finding: not a `require` phrase, not a context mention.
    expect(hasCandidate('mutual respect for 韩国', ruleSet)).toBe(false);
    expect(hasCandidate('实用 外交 in English', ruleSet)).toBe(true);
    expect(hasCandidate('实用工具', ruleSet)).toBe(false);
  });

  test('finds context mentions apart', () => {
    expect(needsContext(ruleSet)).toBe(true);
    expect(hasContextMention('South  Korea', ruleSet)).toBe(true);
    expect(hasContextMention('实用外交', ruleSet)).toBe(false);
  });

  test('answers both in one pass (preCheck)', () => {
    for (const text of ['实用外交', 'South Korea', '实用外交 in South Korea', 'nothing', 'cafe\u0301']) {
      expect(preCheck(text, ruleSet, true)).toEqual({
        candidate: hasCandidate(text, ruleSet),
        mention: hasContextMention(text, ruleSet),
      });
      expect(preCheck(text, ruleSet, false).mention).toBe(false);
    }
  });

  test('counts text the view folder declines as holding both', () => {
    expect(hasCandidate('cafe\u0301', ruleSet)).toBe(true);
    expect(hasContextMention('cafe\u0301', ruleSet)).toBe(true);
  });

  test('says which characters a phrase holds, and whether one ends with a hyphen', () => {
    // Korea-China is `korea china` in the view: no phrase holds a hyphen.
    expect(prefilterSafety(ruleSet, '*-[外')).toEqual({ held: ['外'], edgeHyphen: false });
    const hyphen = ruleSetFromYaml(`pack: h
rules:
  - id: h/anti
    kind: caution
    severity: info
    message: m
    phrases: [anti-]
`);
    expect(prefilterSafety(hyphen, '*').edgeHyphen).toBe(true);
  });

  test('is never false where the engine finds something, on long text fed in slices', () => {
    const text = `${'无关的文字。'.repeat(5000)}韩国奉行实用外交。`;
    expect(hasCandidate(text, ruleSet)).toBe(true);
    const findings = lintSegments(
      { text, segments: [{ pieces: [{ start: 0, end: text.length }] }] },
      ruleSet,
    );
    expect(findings.map((f) => f.actual)).toEqual(['实用外交']);
  });
});

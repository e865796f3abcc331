import { describe, expect, test } from 'vitest';
import type { CompiledRule, CompiledRuleSet } from '../src/engine/compiled.js';
import { CANDIDATE, MENTION, scanRaw, WEAK } from '../src/engine/prefilter.js';
import {
  deserializeRuleSet,
  hasBoundedCandidate,
  hasCandidate,
  hasContextMention,
  lintSegments,
  needsContext,
  preCheck,
  prefilterSafety,
  type RuleSet,
  serializeRuleSetBytes,
} from '../src/index.js';
import { ViewFolder } from '../src/view/fold.js';
import { buildView } from '../src/view/normalize.js';
import { ruleSetFromYaml } from './helpers.js';
import { mulberry32 } from './random.js';

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

describe('a bounded candidate, over generated text', () => {
  test('is there exactly where the lint of the text as prose finds something', () => {
    const random = mulberry32(31);
    const pieces = [
      'AI',
      'said',
      'again',
      ' ',
      '  ',
      '\n',
      'ＡＩ',
      '-',
      's',
      "'s",
      '韩国',
      'G7',
      'G77',
      'x',
      '7',
      '\u200b',
      'artificial',
      'intelligence',
      ' intelligence',
      '.',
      '_',
      'maintain',
      'KAIST',
      '(',
      ')',
    ];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const count = 1 + Math.floor(random() * 10);
      for (let k = 0; k < count; k++) text += pieces[Math.floor(random() * pieces.length)];
      const findings = lintSegments({ text, segments: [{ pieces: [{ start: 0, end: text.length }] }] }, weak);
      expect({ text, bounded: hasBoundedCandidate(text, weak) }).toEqual({
        text,
        bounded: findings.length > 0,
      });
    }
  });
});

describe('the pre-check of text that reads as its prose (asProse)', () => {
  const words = ruleSetFromYaml(`pack: m
contexts:
  korea: {phrases: [韩国, South Korea, 한국]}
rules:
  - id: m/terms
    kind: term
    severity: warning
    message: m
    context: [{sets: [korea]}]
    terms:
      en: [{text: Korea-China, status: deprecated}, {text: strategic partner, status: deprecated}]
      ko: [{text: 중공, status: deprecated}, {text: 실용 외교, status: deprecated}]
  - id: m/ai
    kind: caution
    severity: info
    message: m
    phrases: [AI, G7, 韩国]
`);
  const lintProse = (text: string, rs: RuleSet) =>
    lintSegments({ text, segments: [{ pieces: [{ start: 0, end: text.length }] }] }, rs);

  test('passes over phrases in the middle of Latin and Hangul words', () => {
    expect(preCheck('He said so again.', weak, false, true)).toEqual({ candidate: false, mention: false });
    expect(preCheck('He said AI again.', weak, false, true)).toMatchObject({
      candidate: true,
      weakOnly: true,
    });
    expect(preCheck('xG7 and _AI, 9AI', weak, false, true).candidate).toBe(false);
    // A Latin phrase after Hangul, or after a digit that ends no word (G7 after a space), starts a word.
    expect(preCheck('한AI', weak, false, true).candidate).toBe(true);
    expect(preCheck('(G7)', weak, false, true).candidate).toBe(true);
    // 중공 in 집중공략 (a concentrated attack), 한국 in 대한국: inside words; after a space, words.
    expect(preCheck('집중공략 대한국', words, true, true)).toMatchObject({
      candidate: false,
      mention: false,
    });
    expect(preCheck('중공과 한국', words, true, true)).toMatchObject({ candidate: true, mention: true });
    // Han has no such rule (the word segmenter decides): 韩国 is looked for everywhere.
    expect(preCheck('南韩国', words, false, true).candidate).toBe(true);
    // Without asProse, every match counts.
    expect(preCheck('집중공략 대한국', words, true)).toMatchObject({ candidate: true, mention: true });
  });

  test('is never false where the lint of the text as prose finds something, over generated texts', () => {
    const random = mulberry32(41);
    const pieces = [
      'AI',
      'said',
      'G7',
      'x',
      '_',
      '9',
      ' ',
      '\n',
      '-',
      'Korea',
      '-China',
      'South',
      'strategic',
      'partner',
      '대',
      '한국',
      '중공',
      '집',
      '실용',
      ' 외교',
      '韩国',
      '南',
      'ＡＩ',
      '\u200b',
      '\u00ad',
      'cafe\u0301',
      '。',
    ];
    let ruledOut = 0;
    for (const rs of [weak, words]) {
      for (let n = 0; n < 2000; n++) {
        let text = '';
        const count = 1 + Math.floor(random() * 10);
        for (let k = 0; k < count; k++) text += pieces[Math.floor(random() * pieces.length)];
        const prose = preCheck(text, rs, true, true);
        const raw = preCheck(text, rs, true);
        const findings = lintProse(text, rs);
        expect({ text, candidate: prose.candidate || findings.length === 0 }).toEqual({
          text,
          candidate: true,
        });
        // Never more than without: only matches the boundary check rejects are passed over.
        expect({
          text,
          more: (prose.candidate && !raw.candidate) || (prose.mention && !raw.mention),
        }).toEqual({
          text,
          more: false,
        });
        if (raw.candidate && !prose.candidate) ruledOut++;
      }
    }
    expect(ruledOut).toBeGreaterThan(300);
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
      expect(preCheck(text, ruleSet, true)).toMatchObject({
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

describe('passing over text at the root (the pre-check skips what cannot start a phrase)', () => {
  // The reference: every flag of the automaton (and the pattern atoms) over the whole view at once.
  function reference(text: string, rs: CompiledRuleSet): { candidate: boolean; mention: boolean } {
    // Text the folder declines (a combining mark) holds both, as the pre-check says of it.
    const mentions = needsContext(rs);
    if (!new ViewFolder(false).fold(text)) return { candidate: true, mention: mentions };
    const view = buildView(text).text;
    const units = Uint16Array.from(view, (c) => c.charCodeAt(0));
    let flags = rs.automaton.flagsIn(units, units.length, CANDIDATE | MENTION | WEAK).flags;
    if (rs.patternAtoms) flags |= rs.patternAtoms.flagsIn(units, units.length, CANDIDATE).flags;
    if (rs.unanchoredPattern) flags |= CANDIDATE;
    return { candidate: (flags & (CANDIDATE | WEAK)) !== 0, mention: mentions && (flags & MENTION) !== 0 };
  }

  // Mentions are looked for only where a rule has a context (the scan stops once it has what it wants).
  function checked(text: string, rs: CompiledRuleSet) {
    const got = preCheck(text, rs, true);
    return { text, candidate: got.candidate, mention: needsContext(rs) ? got.mention : false };
  }

  const withPatterns = ruleSetFromYaml(`pack: q
contexts:
  korea: {phrases: [韩国, South Korea, 대한민국]}
rules:
  - id: q/terms
    kind: term
    severity: warning
    message: m
    context: [{sets: [korea]}]
    terms:
      zh: [务实外交, {text: 实用外交, status: deprecated}, {text: 中, status: deprecated}]
      ko: [{text: 실용 외교, status: deprecated}, 한중]
      en: [{text: strategic partner, status: deprecated}, {text: e-commerce, status: deprecated}, ROK]
  - id: q/pattern
    kind: caution
    severity: info
    message: m
    phrases: [zz top]
    patterns: ['core\\s+interests?', 'anti-\\w+']
`);

  // Pieces that take every rule of the view: phrases and their halves, whitespace runs and line
  // breaks between Han, Hangul and Latin, hyphens, fullwidth and Traditional forms, invisibles.
  const pieces = [
    '实用',
    '外交',
    '务实',
    '中',
    '中国',
    '韩国',
    '韓國',
    '實用',
    ' ',
    '  ',
    '\n',
    '\u3000',
    '\u00a0',
    '-',
    '–',
    'e',
    'E',
    '-commerce',
    'strategic',
    'partner',
    'South',
    'Korea',
    'ROK',
    'ＲＯＫ',
    'core',
    'interests',
    'anti',
    '실용',
    '외교',
    '한중',
    '대한민국',
    '\u200b',
    '\u00ad',
    '。',
    '，',
    'x',
    'zz',
    'top',
    'cafe\u0301',
    '\u{20000}',
    'e-',
    'st',
    're',
    '实',
    '用',
    '外',
    '交',
    '务',
    '한',
    '중',
    '실',
  ];

  test('where the view joins what the text splits, or splits what it joins', () => {
    const texts = [
      '实 用外交',
      '实\n用外交',
      '实\u3000用 外交',
      '實 用外交',
      '务\n实外交 韩国',
      '韩 国 实用外交',
      '실 용 외교',
      '실\n용외교',
      '한 중',
      'e-commerce',
      'e -commerce',
      'E\u00adcommerce',
      'e\u200b-commerce',
      'strategic\npartner',
      'strategic-partner',
      'strategic\u00a0 partner',
      'South\u200bKorea',
      'South-Korea',
      'x core\n\ninterests',
      'anti-x',
      'anti - x',
      '中',
      'Ｒ\u200bＯＫ',
    ];
    for (const rs of [ruleSet, weak, withPatterns] as CompiledRuleSet[])
      for (const text of texts) expect(checked(text, rs)).toEqual({ text, ...reference(text, rs) });
  });

  test('finds what the whole view holds, over 4,000 generated texts', () => {
    const random = mulberry32(11);
    for (const rs of [ruleSet, weak, withPatterns] as CompiledRuleSet[]) {
      for (let n = 0; n < 1500; n++) {
        let text = '';
        const count = 1 + Math.floor(random() * 12);
        for (let k = 0; k < count; k++) text += pieces[Math.floor(random() * pieces.length)];
        expect(checked(text, rs)).toEqual({ text, ...reference(text, rs) });
      }
    }
  });

  // With `onFlagged` the pre-check reads the whole text and gives every phrase with flags it finds,
  // walking the automata over the text itself where its view needs no folding: what it gives is
  // what the automata give over the whole view at once.
  function flaggedIds(text: string, rs: CompiledRuleSet) {
    const ids = new Set<number>();
    const got = scanRaw(text, rs, CANDIDATE | MENTION, { onFlagged: (id) => ids.add(id) });
    // A caller reads nothing else of a text the folder declines (preCheck gives no hits).
    if (got.declined) return { text, declined: true };
    return { text, ids: [...ids].sort((a, b) => a - b), pattern: got.pattern === true };
  }
  let pass = 1 << 30;
  function flaggedReference(text: string, rs: CompiledRuleSet) {
    if (!new ViewFolder(false).fold(text)) return { text, declined: true };
    const view = buildView(text).text;
    const units = Uint16Array.from(view, (c) => c.charCodeAt(0));
    const ids = new Set<number>();
    rs.automaton.flagsIn(units, units.length, 0, 0, { each: (id) => ids.add(id), pass: pass++ });
    const atoms = rs.patternAtoms?.flagsIn(units, units.length, CANDIDATE).flags ?? 0;
    const pattern = rs.unanchoredPattern === true || (atoms & CANDIDATE) !== 0;
    return { text, ids: [...ids].sort((a, b) => a - b), pattern };
  }

  test('gives every phrase the whole view holds, reading to the end (onFlagged), over generated texts', () => {
    const random = mulberry32(13);
    const some = { ids: 0, pattern: 0 };
    for (const rs of [ruleSet, weak, withPatterns] as CompiledRuleSet[]) {
      for (let n = 0; n < 1500; n++) {
        let text = '';
        const count = 1 + Math.floor(random() * 12);
        for (let k = 0; k < count; k++) text += pieces[Math.floor(random() * pieces.length)];
        const got = flaggedIds(text, rs);
        expect(got).toEqual(flaggedReference(text, rs));
        if ((got.ids?.length ?? 0) > 1) some.ids++;
        if (got.pattern) some.pattern++;
      }
    }
    // The texts hold several phrases, and patterns' atoms, often enough to tell (133 and 285).
    expect(some.ids).toBeGreaterThan(100);
    expect(some.pattern).toBeGreaterThan(200);
  });

  test('over long text, with phrases far apart and at the edges of its windows', () => {
    const random = mulberry32(12);
    const rs = withPatterns as CompiledRuleSet;
    for (let n = 0; n < 200; n++) {
      let text = '';
      while (text.length < 300) {
        text += random() < 0.9 ? 'x y 无关的文字 다른 말 '.slice(0, 1 + Math.floor(random() * 15)) : '';
        text += pieces[Math.floor(random() * pieces.length)];
      }
      expect(checked(text, rs)).toEqual({ text, ...reference(text, rs) });
      expect(flaggedIds(text, rs)).toEqual(flaggedReference(text, rs));
    }
  });
});

describe("a term rule's preferred and admitted terms", () => {
  const yaml = (consistent: boolean) => `pack: t
rules:
  - id: t/wushi
    kind: term
    severity: warning
    message: m
    consistent: ${consistent}
    terms:
      zh: [务实外交, {text: 务实路线, status: admitted}, {text: 实用外交, status: deprecated}]
      en: [{text: pragmatic diplomacy, status: forbidden}]
`;
  const plain = ruleSetFromYaml(yaml(false));
  const grouped = ruleSetFromYaml(yaml(true));

  test('make no text a candidate, for they give no finding, unless the rule is consistent', () => {
    for (const text of ['韩国奉行务实外交。', '务实路线', '务实外交和务实路线']) {
      expect(hasCandidate(text, plain), text).toBe(false);
      expect(lintSegments({ text, segments: [{ pieces: [{ start: 0, end: text.length }] }] }, plain)).toEqual(
        [],
      );
      expect(hasCandidate(text, grouped), text).toBe(true);
    }
    // The consistent rule finds two variants of one concept: why its preferred terms stay candidates.
    const both = '务实外交和务实路线';
    expect(
      lintSegments({ text: both, segments: [{ pieces: [{ start: 0, end: both.length }] }] }, grouped),
    ).not.toEqual([]);
    for (const text of ['韩国奉行实用外交。', 'Seoul calls it pragmatic diplomacy.']) {
      expect(hasCandidate(text, plain), text).toBe(true);
      expect(hasCandidate(text, grouped), text).toBe(true);
    }
  });

  test('are quiet: their rule is not asked for findings where they are all it matched', () => {
    const lint = (text: string, rs: RuleSet) =>
      lintSegments({ text, segments: [{ pieces: [{ start: 0, end: text.length }] }] }, rs);
    // The rule as compiled, and as read back from its serialized form (the quiet flag is in it).
    const back = deserializeRuleSet(serializeRuleSetBytes(plain)).ruleSet;
    for (const [rs, consistent] of [
      [plain, false],
      [back, false],
      [grouped, true],
    ] as const) {
      const rule = (rs as CompiledRuleSet).compiled[0] as CompiledRule;
      const refs = (rs as CompiledRuleSet).refs.all().filter((r) => r.rule === 0);
      expect(refs.filter((r) => r.quiet).map((r) => r.literal)).toEqual(
        consistent ? [] : ['务实外交', '务实路线'],
      );
      let asked = 0;
      const findings = rule.findings.bind(rule);
      rule.findings = (doc, matches) => {
        asked++;
        return findings(doc, matches);
      };
      // Two paragraphs: the first has only preferred and admitted terms, the second a deprecated one.
      const text = '韩国奉行务实外交。\n\n务实路线和实用外交';
      const split = {
        text,
        segments: [{ pieces: [{ start: 0, end: 9 }] }, { pieces: [{ start: 11, end: text.length }] }],
      };
      const found = lintSegments(split, rs);
      expect(found.map((f) => f.actual)).toEqual(consistent ? ['务实路线', '实用外交'] : ['实用外交']);
      // Asked of the second paragraph alone; the consistent rule, of the whole text, once.
      expect(asked).toBe(1);
      asked = 0;
      expect(lint('务实外交和务实路线', rs).length).toBe(consistent ? 1 : 0);
      expect(asked).toBe(consistent ? 1 : 0);
    }
  });
});

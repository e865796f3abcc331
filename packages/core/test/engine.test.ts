import { describe, expect, it } from 'vitest';
import type { CompiledRule, CompiledRuleSet } from '../src/engine/compiled.js';
import { runLint } from '../src/engine/lint.js';
import {
  applyEdits,
  createScanCache,
  fixText,
  lintSegments,
  type RuleSet,
  type ScanCache,
} from '../src/index.js';
import type { Segment } from '../src/types.js';
import { blockSegments, lintText, rows, ruleSetFromYaml } from './helpers.js';
import { mulberry32 } from './random.js';

const PACK = `
pack: t
contexts:
  korea:
    phrases:
      en: [South Korea, Seoul]
      zh: [韩国, 韩方]
rules:
  - id: t/wushi
    kind: term
    severity: error
    message: Use \`{expected}\` instead of \`{actual}\`
    exceptions: [实用新型]
    terms:
      zh:
        - 务实外交
        - {text: 实用外交, status: deprecated, use: 务实外交, use-hant: 務實外交}
        - {text: 实用路线, status: deprecated, use: 务实路线, use-hant: 務實路線}
  - id: t/bare-shiyong
    kind: term
    severity: hint
    message: "\`{actual}\`"
    exceptions: [实用新型]
    terms:
      zh:
        - 务实
        - {text: 实用, status: deprecated}
  - id: t/nanhan
    kind: term
    severity: warning
    message: Use \`{expected}\` instead of \`{actual}\`
    terms:
      zh: [韩国, {text: 南韩, status: deprecated}]
  - id: t/neighborhood
    kind: term
    severity: warning
    message: Use \`{expected}\` instead of \`{actual}\`
    terms:
      en:
        - neighborhood diplomacy
        - {text: neighbourhood diplomacy, status: admitted}
        - {text: peripheral diplomacy, status: deprecated}
  - id: t/korea
    kind: term
    severity: warning
    message: Use \`{expected}\` instead of \`{actual}\`
    terms:
      ko: [한국, {text: 코리아, status: deprecated}]
  - id: t/scp
    kind: caution
    severity: warning
    message: State the scope of \`{actual}\`
    audiences: {zh: economic and diplomatic, ko: may include security}
    phrases:
      - strategic cooperative partner
      - strategic cooperative partnership
      - 战略合作伙伴[关系]
      - 전략적 협력 동반자[ 관계]
    unless: [economic cooperation]
  - id: t/ko-terms
    kind: caution
    severity: info
    message: "\`{actual}\`"
    phrases: [실용외교, 중공, 한국, 상호 존중, 한·중 관계]
  - id: t/core
    kind: requires
    severity: warning
    message: "\`{actual}\` without \`{expected}\`"
    scope: segment
    when:
      en: ["{China's|Chinese} core interests"]
      zh: ["中{国|方}[的]核心利益"]
    require:
      en: ["{South Korea's|Korea's} core interests"]
      zh: ["韩{国|方}[的]核心利益"]
    context: {sets: [korea], within: paragraph}
  - id: t/core-latin
    kind: caution
    severity: hint
    message: "\`{actual}\`"
    phrases: [core interests, 李在明, Kim Jong-un, G20, 2+2 dialogue]
  - id: t/practical
    kind: consistency
    severity: warning
    message: Use \`{expected}\` consistently
    fix: true
    groups:
      - [practical diplomacy, pragmatic diplomacy]
`;

const rs = ruleSetFromYaml(PACK);
const only = (text: string, ruleId: string) => rows(lintText(text, rs).filter((f) => f.ruleId === ruleId));

describe('positions', () => {
  it('counts lines after CRLF and lone CR, columns in UTF-16 units', () => {
    expect(only('First line\r\n韩国奉行实用外交。', 't/wushi')).toEqual(['2:5-2:9 t/wushi 实用外交']);
    expect(only('First line\r韩国奉行实用外交。', 't/wushi')).toEqual(['2:5-2:9 t/wushi 实用外交']);
    expect(only('a\rb\r\nc\n😀实用外交', 't/wushi')).toEqual(['4:3-4:7 t/wushi 实用外交']);
  });

  it('reports a term after Hangul and an emoji with exact offsets', () => {
    const [f] = lintText('한국은 😀 实用外交를', rs).filter((x) => x.ruleId === 't/wushi');
    expect(f).toMatchObject({ start: 7, end: 11, line: 1, column: 8, endColumn: 12, actual: '实用外交' });
  });

  it('matches a term split by a zero-width space and keeps its original span', () => {
    const [f] = lintText('奉行实\u200b用外交', rs).filter((x) => x.ruleId === 't/wushi');
    expect(f).toMatchObject({ start: 2, end: 7, column: 3, endColumn: 8, actual: '实\u200b用外交' });
  });

  it('folds compatibility ideographs, dot and dash variants', () => {
    expect(only('總統 \uf9e1在明 said', 't/core-latin')).toEqual(['1:4-1:7 t/core-latin \uf9e1在明']);
    expect(only('Meet Kim Jong\u2010un today', 't/core-latin')).toEqual([
      '1:6-1:17 t/core-latin Kim Jong\u2010un',
    ]);
    expect(only('한ㆍ중 관계를 발전', 't/ko-terms')).toEqual(['1:1-1:7 t/ko-terms 한ㆍ중 관계']);
    expect(only('한・중 관계', 't/ko-terms')).toEqual(['1:1-1:7 t/ko-terms 한・중 관계']);
  });
});

describe('matching', () => {
  it('matches Han across a line break between Han characters', () => {
    expect(only('韩国奉行实用\n外交。', 't/wushi')).toEqual(['1:5-2:3 t/wushi 实用\n外交']);
  });

  it('rejects a Han candidate that does not start a word', () => {
    expect(only('我们要切实用以指导实践。', 't/bare-shiyong')).toEqual([]);
    expect(only('越南韩国关系', 't/nanhan')).toEqual([]);
    expect(only('南韩与越南', 't/nanhan')).toEqual(['1:1-1:3 t/nanhan 南韩']);
  });

  it('honours exceptions that contain a candidate', () => {
    expect(only('这是一项实用新型专利。', 't/bare-shiyong')).toEqual([]);
    expect(only('这项技术非常实用。', 't/wushi')).toEqual([]);
  });

  it('matches Korean terms with attached particles and free spacing', () => {
    expect(only('한국 실용외교를 지지한다', 't/ko-terms')).toEqual([
      '1:1-1:3 t/ko-terms 한국',
      '1:4-1:8 t/ko-terms 실용외교',
    ]);
    expect(only('전략적 협력동반자 관계를 맺었다', 't/scp')).toEqual([
      '1:1-1:13 t/scp 전략적 협력동반자 관계',
    ]);
    expect(only('전략적협력동반자관계로서의 의미', 't/scp')).toEqual(['1:1-1:11 t/scp 전략적협력동반자관계']);
    expect(only('전략적 협력 동반자 관계 도약', 't/scp')).toEqual(['1:1-1:14 t/scp 전략적 협력 동반자 관계']);
    expect(only('전략적 협력 동반자 관계입니다.', 't/scp')).toEqual([
      '1:1-1:14 t/scp 전략적 협력 동반자 관계',
    ]);
  });

  it('rejects Korean candidates followed by other Hangul', () => {
    expect(only('중공업 육성', 't/ko-terms')).toEqual([]);
    expect(only('한국인 관광객', 't/ko-terms')).toEqual([]);
    expect(only('실용외교적 접근', 't/ko-terms')).toEqual([]);
  });

  it('matches English with curly apostrophes, line wraps, inflection and Han neighbours', () => {
    expect(only('Seoul and South Korea: China’s core interests matter.', 't/core')).toEqual([
      '1:24-1:46 t/core China’s core interests',
    ]);
    expect(only('a Strategic Cooperative\nPartnership was agreed', 't/scp')).toEqual([
      '1:3-2:12 t/scp Strategic Cooperative\nPartnership',
    ]);
    expect(
      only('strategic cooperative partners and the strategic cooperative partnership’s aims', 't/scp'),
    ).toEqual([
      '1:1-1:30 t/scp strategic cooperative partner',
      '1:40-1:73 t/scp strategic cooperative partnership',
    ]);
    expect(only('中国core interests', 't/core-latin')).toEqual(['1:3-1:17 t/core-latin core interests']);
    expect(only('hardcore interests', 't/core-latin')).toEqual([]);
  });

  it('checks a digit at either end of a phrase like a Latin word boundary', () => {
    expect(only('At the G20 summit and the G20’s agenda', 't/core-latin')).toEqual([
      '1:8-1:11 t/core-latin G20',
      '1:27-1:30 t/core-latin G20',
    ]);
    expect(only('G200 and AG20 and G20x', 't/core-latin')).toEqual([]);
    expect(only('a 2+2 dialogue; a 12+2 dialogue; 在G20峰会上', 't/core-latin')).toEqual([
      '1:3-1:15 t/core-latin 2+2 dialogue',
      '1:35-1:38 t/core-latin G20',
    ]);
  });

  it('matches Traditional text against Simplified phrases', () => {
    expect(only('韓國奉行實用外交。', 't/wushi')).toEqual(['1:5-1:9 t/wushi 實用外交']);
    expect(only('中韓戰略合作夥伴關係', 't/scp')).toEqual(['1:3-1:11 t/scp 戰略合作夥伴關係']);
  });
});

describe('rule kinds', () => {
  it('caution: one finding per match with readings, silenced by unless in the sentence', () => {
    const [f] = lintText('We are strategic cooperative partners.', rs).filter((x) => x.ruleId === 't/scp');
    expect(f?.audiences).toEqual({ zh: 'economic and diplomatic', ko: 'may include security' });
    expect(f?.expected).toEqual([]);
    expect(f?.fix).toBeUndefined();
    expect(only('A strategic cooperative partnership for economic cooperation.', 't/scp')).toEqual([]);
    expect(
      only('A strategic cooperative partnership. It covers economic cooperation.', 't/scp'),
    ).toHaveLength(1);
    // Only the sentence counts, whichever paragraphs hold the phrase, an `unless` or both.
    const paragraphs = [
      'Economic cooperation grew.',
      'A strategic cooperative partnership for economic cooperation.',
      'A strategic cooperative partnership. Economic cooperation, too.',
      'Economic cooperation. A strategic cooperative partnership for economic cooperation.',
    ].join('\n\n');
    expect(lintText(paragraphs, rs).flatMap((f) => (f.ruleId === 't/scp' ? [f.line] : []))).toEqual([5]);
  });

  it('caution: the audience filter keeps one reading and silences rules without it', () => {
    const zh = ruleSetFromYaml(PACK, { audience: 'zh-CN' });
    const [f] = lintText('战略合作伙伴关系', zh).filter((x) => x.ruleId === 't/scp');
    expect(f?.audiences).toEqual({ zh: 'economic and diplomatic' });
    const en = ruleSetFromYaml(PACK, { audience: 'en' });
    expect(lintText('战略合作伙伴关系', en).filter((x) => x.ruleId === 't/scp')).toEqual([]);
  });

  it('requires: one finding per segment without the required phrase, only with context', () => {
    const text = [
      'South Korea respects China’s core interests and Chinese core interests.',
      '',
      'South Korea respects China’s core interests, and China respects South Korea’s core interests.',
      '',
      'China will defend China’s core interests.',
      '',
      '韩方尊重中国的核心利益。',
      '',
      '中方坚定维护中国核心利益。',
    ].join('\n');
    const found = lintText(text, rs).filter((x) => x.ruleId === 't/core');
    expect(rows(found)).toEqual([
      '1:22-1:44 t/core China’s core interests',
      '7:5-7:12 t/core 中国的核心利益',
    ]);
    expect(found[0]?.expected).toEqual(["South Korea's core interests", "Korea's core interests"]);
    expect(found[0]?.suggestions).toBeUndefined();
  });

  it('consistency: the first variant is the reference', () => {
    const found = lintText(
      'Pragmatic diplomacy first.\n\nThen practical diplomacy and Practical diplomacy.',
      rs,
    );
    expect(rows(found)).toEqual([
      '3:6-3:25 t/practical practical diplomacy',
      '3:30-3:49 t/practical Practical diplomacy',
    ]);
    expect(found.map((f) => f.expected[0])).toEqual(['pragmatic diplomacy', 'Pragmatic diplomacy']);
  });

  it('term: admitted and preferred terms give no finding', () => {
    expect(lintText('neighbourhood diplomacy and neighborhood diplomacy; 务实外交; 韩国', rs)).toEqual([]);
  });

  it('accept phrases are never reported', () => {
    const acc = ruleSetFromYaml(PACK, { accept: ['strategic cooperative partnership of 2008'] });
    expect(lintText('the strategic cooperative partnership of 2008 holds', acc)).toEqual([]);
    expect(lintText('a strategic cooperative partnership now', acc)).toHaveLength(1);
  });

  it('severity overrides and off', () => {
    const o = ruleSetFromYaml(PACK, { rules: { 't/wushi': 'info', 't/scp': 'off' } });
    const found = lintText('实用外交与战略合作伙伴', o).filter((f) => f.ruleId !== 't/bare-shiyong');
    expect(found.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['t/wushi info']);
  });
});

describe('fixes', () => {
  const fix = (text: string) =>
    fixText(text, (t) => lintSegments({ text: t, segments: blockSegments(t) }, rs)).output;

  it('writes the fix in the script of the match', () => {
    const [f] = lintText('韓國奉行實用外交。', rs).filter((x) => x.ruleId === 't/wushi');
    expect(f?.expected).toEqual(['務實外交']);
    expect(f?.fix).toEqual({ start: 4, end: 6, text: '務實' });
    expect(fix('韓國奉行實用外交。')).toBe('韓國奉行務實外交。');
    expect(fix('奉行实用外交和实用路线')).toBe('奉行务实外交和务实路线');
  });

  it('re-selects a Korean particle, widening the edit over it', () => {
    const [f] = lintText('코리아가 주도한다', rs).filter((x) => x.ruleId === 't/korea');
    expect(f).toMatchObject({ start: 0, end: 3, actual: '코리아', expected: ['한국'] });
    expect(f?.fix).toEqual({ start: 0, end: 4, text: '한국이' });
    expect(fix('코리아가 주도한다. 코리아를 보라. 코리아의 길')).toBe(
      '한국이 주도한다. 한국을 보라. 한국의 길',
    );
  });

  it('keeps the letter case and the inflection outside the replaced part', () => {
    expect(fix('Peripheral diplomacy matters.')).toBe('Neighborhood diplomacy matters.');
    expect(fix('PERIPHERAL DIPLOMACY')).toBe('NEIGHBORHOOD DIPLOMACY');
    expect(fix("China's peripheral diplomacy's aims")).toBe("China's neighborhood diplomacy's aims");
    const [f] = lintText('Peripheral diplomacy', rs);
    expect(f?.fix).toEqual({ start: 0, end: 10, text: 'Neighborhood' });
  });

  it('gives no fix when the edit would cover markup', () => {
    const text = '实用**外交';
    const findings = lintSegments(
      {
        text,
        segments: [
          {
            pieces: [
              { start: 0, end: 2 },
              { start: 4, end: 6 },
            ],
          },
        ],
      },
      rs,
    ).filter((f) => f.ruleId === 't/wushi');
    expect(findings[0]).toMatchObject({
      start: 0,
      end: 6,
      actual: '实用外交',
      fix: { start: 0, end: 2, text: '务实' },
    });
    const across = '实**用外交';
    const [g] = lintSegments(
      {
        text: across,
        segments: [
          {
            pieces: [
              { start: 0, end: 1 },
              { start: 3, end: 6 },
            ],
          },
        ],
      },
      rs,
    ).filter((f) => f.ruleId === 't/wushi');
    expect(g?.actual).toBe('实用外交');
    expect(g?.fix).toBeUndefined();
  });

  it('resolves overlapping fixes over passes and is idempotent', () => {
    const overlap = ruleSetFromYaml(`
pack: o
rules:
  - {id: o/a, kind: term, severity: error, message: m, terms: {en: [alpha gamma, {text: alpha beta, status: deprecated}]}}
  - {id: o/b, kind: term, severity: error, message: m, terms: {en: [zeta delta, {text: beta delta, status: deprecated, use: bxta delta}]}}
  - {id: o/c, kind: term, severity: error, message: m, terms: {en: [omega delta, {text: gamma delta, status: deprecated}]}}
`);
    const lint = (t: string) => lintSegments({ text: t, segments: blockSegments(t) }, overlap);
    const first = lint('alpha beta delta');
    expect(first.map((f) => f.fix)).toEqual([
      { start: 6, end: 9, text: 'gamm' },
      { start: 7, end: 8, text: 'x' },
    ]);
    const applied = applyEdits(
      'alpha beta delta',
      first.flatMap((f) => (f.fix ? [f.fix] : [])),
    );
    expect(applied.output).toBe('alpha gamma delta');
    expect(applied.skipped).toEqual([{ start: 7, end: 8, text: 'x' }]);
    const result = fixText('alpha beta delta', lint);
    expect(result).toMatchObject({ output: 'alpha omega delta', passes: 2, fixed: 2 });
    expect(fixText(result.output, lint)).toMatchObject({ output: result.output, passes: 0, fixed: 0 });
    expect(fix(fix('韓國奉行實用外交。Peripheral diplomacy'))).toBe(
      fix('韓國奉行實用外交。Peripheral diplomacy'),
    );
  });
});

describe('minimal edits keep what the view ignores', () => {
  it('keeps a line break inside a wrapped term', () => {
    const [f] = lintText('韩国奉行实用\n外交。', rs).filter((x) => x.ruleId === 't/wushi');
    expect(f?.fix).toEqual({ start: 4, end: 6, text: '务实' });
    const [g] = lintText('We follow Peripheral\ndiplomacy.', rs);
    expect(g?.fix).toEqual({ start: 10, end: 20, text: 'Neighborhood' });
    const [h] = lintText('奉行实\u200b用外交', rs).filter((x) => x.ruleId === 't/wushi');
    expect(h?.fix).toEqual({ start: 2, end: 5, text: '务实' });
  });
});

/** `text`'s findings linted with `cache`, after checking that they are a lint's without one. */
function lintCachedAsFresh(text: string, cache: ReturnType<typeof createScanCache>) {
  const segments = blockSegments(text);
  const cached = lintSegments({ text, segments, cache }, rs);
  expect(cached).toEqual(lintSegments({ text, segments }, rs));
  return cached;
}

describe('scan cache', () => {
  it('gives the same findings as a fresh lint while reusing unchanged segments', () => {
    const cache = createScanCache();
    const docs = [
      '韩国奉行实用外交。\n\nPeripheral diplomacy.\n\nA strategic cooperative partnership.',
      'New first line.\n\n韩国奉行实用外交。\n\nPeripheral diplomacy.\n\nA strategic cooperative partnership.',
      'New first line.\n\n韩国奉行实用外交，实用路线。\n\nPeripheral diplomacy.\n\nA strategic cooperative partnership.',
    ];
    let previous = new Set<unknown>();
    docs.forEach((text, i) => {
      const segments = blockSegments(text);
      lintCachedAsFresh(text, cache);
      const entries = new Set(cache.entries.values());
      expect(cache.entries.size).toBe(segments.length);
      if (i === 1) expect([...previous].every((e) => entries.has(e))).toBe(true);
      if (i === 2) expect([...entries].filter((e) => previous.has(e))).toHaveLength(3);
      previous = entries;
    });
    const other = ruleSetFromYaml(PACK, { rules: { 't/wushi': 'off' } });
    const text = docs[0] ?? '';
    expect(lintSegments({ text, segments: blockSegments(text), cache }, other)).toEqual(
      lintSegments({ text, segments: blockSegments(text) }, other),
    );
  });
});

describe('scan cache, a document whose language its edits change', () => {
  it("reads each version's letters: its findings' locale is a fresh lint's", () => {
    const cache = createScanCache();
    const versions = [
      '韩国奉行实用外交。\n\n这是中文。',
      '韩国奉行实用外交。\n\n이 문서는 이제 대부분 한국어로 쓰여 있습니다. 한국어 문장이 길다.',
      '韩国奉行实用外交。\n\nThis paragraph is now written in English, and it is long enough to count.',
      '韩国奉行实用外交。\n\n这是中文。',
    ];
    const locales = versions.map(
      (text) => lintCachedAsFresh(text, cache).find((f) => f.ruleId === 't/wushi')?.locale,
    );
    expect(locales).toEqual(['zh-Hans', 'ko', 'en', 'zh-Hans']);
  });
});

/** A `requires` rule that reads the paragraph after its match's (a lookahead of one). */
const NEXT_PARAGRAPH_RULE = `  - id: w/core
    kind: requires
    severity: warning
    message: m
    scope: segment
    lookahead: 1
    when: {en: ["China's core interests"]}
    require: {en: ["Korea's core interests"]}
`;

/** A lint with `cache`, checked against one without it; `cached` is called between the two. */
function cachedLint(cache: ScanCache, ruleSet: RuleSet, cached?: () => void) {
  return (text: string, segments: Segment[] = blockSegments(text)) => {
    const found = lintSegments({ text, segments, cache }, ruleSet);
    cached?.();
    expect(found).toEqual(lintSegments({ text, segments }, ruleSet));
    return found;
  };
}

describe('scan cache, a rule that reads the paragraph after its match', () => {
  const windowed = ruleSetFromYaml(`pack: w\nrules:\n${NEXT_PARAGRAPH_RULE}`);
  const rule = (windowed as CompiledRuleSet).compiled[0] as CompiledRule;
  const asked: number[][] = [];
  const findings = rule.findings.bind(rule);
  rule.findings = (doc, matches) => {
    asked.push([...new Set(matches.map((m) => m.seg.index))]);
    return findings(doc, matches);
  };
  const at = (text: string, list: readonly { start: number }[]) =>
    list.map((f) => text.slice(f.start).split('.')[0]);

  it('makes again the findings of an edited paragraph and of the one before it, and keeps the rest', () => {
    let seen: number[][] = [];
    const checked = cachedLint(createScanCache(), windowed, () => {
      seen = asked.slice();
    });
    const lint = (text: string) => {
      asked.length = 0;
      return checked(text);
    };
    const paragraphs = [
      "A: China's core interests.",
      "Korea's core interests.",
      "B: China's core interests.",
      'Plain.',
      "C: China's core interests.",
    ];
    const doc = (list: string[]) => list.join('\n\n');
    let text = doc(paragraphs);
    expect(at(text, lint(text))).toEqual(["China's core interests", "China's core interests"]);
    // The paragraph after B now says it: B's finding goes, made again with its next paragraph's
    // matches; C's is kept (A's and the paragraph after it are not read at all).
    paragraphs[3] = "Plain, and Korea's core interests.";
    text = doc(paragraphs);
    const second = lint(text);
    expect(second.map((f) => f.start)).toEqual([text.indexOf('C: ') + 3]);
    expect(seen).toEqual([[2, 3, 4]]);
    // The paragraph after A no longer says it (nor anything the rule reads): A gets a finding, made
    // of A's matches alone; B's and C's are kept.
    paragraphs[1] = 'Nothing here.';
    text = doc(paragraphs);
    expect(lint(text).map((f) => f.start)).toEqual([3, text.indexOf('C: ') + 3]);
    expect(seen).toEqual([[0]]);
  });

  it('makes a finding again when the text between its paragraph and the next changes', () => {
    // The middle paragraph is no segment (as a code block is not): its letters keep the two apart.
    const segmentsOf = (text: string): Segment[] => {
      const second = text.lastIndexOf('Korea');
      return [
        { pieces: [{ start: 0, end: text.indexOf('.') + 1 }] },
        { pieces: [{ start: second, end: text.length }] },
      ];
    };
    const checked = cachedLint(createScanCache(), windowed);
    const lint = (text: string) => checked(text, segmentsOf(text));
    expect(lint("China's core interests.\n\nxx\n\nKorea's core interests.")).toHaveLength(1);
    // Only markup between them now: the next paragraph is read, and says it.
    expect(lint("China's core interests.\n\n--\n\nKorea's core interests.")).toHaveLength(0);
    expect(lint("China's core interests.\n\nyy\n\nKorea's core interests.")).toHaveLength(1);
  });

  it("makes a finding again when the next paragraph's pieces change, its text the same", () => {
    const lint = cachedLint(createScanCache(), windowed);
    const first = "China's core interests.\n\nKorea's core interests.\n\nTail.";
    expect(lint(first, blockSegments(first))).toHaveLength(0);
    // The edit is in the third paragraph; the caller now reads the second without its first word
    // (as a link whose definition went away elsewhere may be read): the first has nothing after it.
    const second = `${first.slice(0, -1)} x.`;
    const segments = blockSegments(second);
    const korea = second.indexOf('Korea');
    segments[1] = {
      pieces: [{ start: second.indexOf(' core', korea), end: second.indexOf('.', korea) + 1 }],
    };
    expect(lint(second, segments)).toHaveLength(1);
  });
});

describe('scan cache, rules that read the paragraphs after a match, over random edits', () => {
  const rs = ruleSetFromYaml(`pack: w
rules:
${NEXT_PARAGRAPH_RULE}  - id: w/two
    kind: requires
    severity: info
    message: m
    scope: segment
    lookahead: 2
    when: {en: [mutual respect]}
    require: {en: [equal footing]}
  - id: w/sentence
    kind: requires
    severity: hint
    message: m
    scope: sentence
    lookahead: 1
    when: {en: [strategic partnership]}
    require: {en: [economic cooperation]}
`);
  const BLOCKS = [
    "China's core interests.",
    "Korea's core interests.",
    "China's core interests, and Korea's core interests.",
    'Mutual respect.',
    'On an equal footing.',
    'A strategic partnership. Economic cooperation.',
    'A strategic partnership.',
    'Economic cooperation first.',
    'Plain words.',
    // Not segments (as a code block is not): with letters, they keep two paragraphs apart.
    '~ xx',
    '~ --',
  ];
  const segmentsOf = (text: string) =>
    blockSegments(text).filter((seg) => !text.startsWith('~', seg.pieces[0]?.start ?? 0));

  it('give what a lint without a cache gives after every edit', () => {
    let linted = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = mulberry32(seed);
      const pick = () => BLOCKS[Math.floor(rnd() * BLOCKS.length)] as string;
      const blocks = Array.from({ length: 8 }, pick);
      const cache = createScanCache();
      for (let step = 0; step < 40; step++) {
        const at = Math.floor(rnd() * blocks.length);
        const kind = rnd();
        if (kind < 0.5) blocks[at] = pick();
        else if (kind < 0.75) blocks[at] = `${blocks[at]} x`;
        else if (kind < 0.87) blocks.splice(at, 0, pick());
        else if (blocks.length > 2) blocks.splice(at, 1);
        const text = blocks.join('\n\n');
        const segments = segmentsOf(text);
        const cached = lintSegments({ text, segments, cache }, rs);
        expect({ seed, step, text, findings: cached }).toEqual({
          seed,
          step,
          text,
          findings: lintSegments({ text, segments }, rs),
        });
        linted += cached.length;
      }
    }
    // The rules found something to keep or make again, or this test proves nothing.
    expect(linted).toBeGreaterThan(1000);
  });
});

describe('segment offsets', () => {
  it('a segment placed with an offset gives the findings of the same pieces in document offsets', () => {
    const text =
      '# 韩国奉行实用外交\n\n韩国奉行**实用**外交，Peripheral diplomacy.\n\nA strategic cooperative partnership.';
    const absolute: Segment[] = [
      { pieces: [{ start: 2, end: 10 }], role: 'heading' },
      {
        pieces: [
          { start: 12, end: 16 },
          { start: 18, end: 20 },
          { start: 22, end: 46 },
        ],
        context: [0],
      },
      { pieces: [{ start: 48, end: 84 }], context: [0] },
    ];
    const relative = absolute.map((segment, i) => {
      const offset = [0, 12, 40][i] ?? 0;
      const pieces = segment.pieces.map((p) => ({ ...p, start: p.start - offset, end: p.end - offset }));
      return { ...segment, pieces, offset };
    });
    const findings = lintSegments({ text, segments: absolute }, rs);
    expect(findings.map((f) => `${f.ruleId} ${f.start}-${f.end}`)).toEqual([
      't/bare-shiyong 6-8',
      't/wushi 6-10',
      't/bare-shiyong 18-20',
      't/wushi 18-24',
      't/neighborhood 25-45',
      't/scp 50-83',
    ]);
    expect(lintSegments({ text, segments: relative }, rs)).toEqual(findings);
  });
});

describe('very many findings', () => {
  it('gives 150,000 findings of one rule without overflowing the stack', () => {
    const paragraph = '韩国奉行实用外交。'.repeat(50);
    const text = `${paragraph}\n\n`.repeat(3000);
    const findings = lintText(text, rs).filter((f) => f.ruleId === 't/wushi');
    expect(findings).toHaveLength(150_000);
    expect(findings.at(-1)?.line).toBe(5999);
  });
});

describe("a lint's document", () => {
  it('is read through the getters of its class, none of its own', () => {
    // V8 keeps the getters of an object literal (closures over the lint) in its hidden class,
    // where every scavenge after the lint still finds them: each lint of an editor's document then
    // survived and was promoted with all its segments, scans and findings (core README).
    const text = '奉行实用外交 with South Korea.';
    const { doc, findings } = runLint({ text, segments: blockSegments(text) }, rs);
    expect(findings.length).toBeGreaterThan(0);
    const own = Object.entries(Object.getOwnPropertyDescriptors(doc));
    expect(own.filter(([, d]) => d.get !== undefined || d.set !== undefined).map(([k]) => k)).toEqual([]);
    expect([doc.lines.lineCount, doc.locale, doc.inScript('hans', undefined)]).toEqual([1, 'en', true]);
  });
});

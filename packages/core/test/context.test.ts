// Context conditions: context sets in a pack, conditions on rules and terms, where a mention
// counts, declared topics and languages, and what a finding records about why it fired.
import { describe, expect, it } from 'vitest';
import { type Finding, lintSegments, needsContext, type Segment } from '../src/index.js';
import { blockSegments, rows, ruleSetFromYaml } from './helpers.js';

const PACK = `
pack: t
contexts:
  korea:
    phrases:
      en: [South Korea, Korea, Seoul, ROK, Republic of Korea]
      zh: [韩国, 韩方, 中韩, 韩中]
      ko: [한국, 한중]
    not: [North Korea, Democratic People's Republic of Korea]
  china:
    phrases:
      en: [China, Beijing]
      zh: [中国, 中方, 中韩, 韩中]
      ko: [중국, 한중]
  rok-voice:
    phrases: [우리 정부]
    lang: [ko]
rules:
  - id: t/respect
    kind: caution
    severity: info
    message: "\`{actual}\`"
    phrases: [mutual respect, 相互尊重, 상호 존중]
    context: {sets: [korea, china], within: paragraph}
  - id: t/partner
    kind: caution
    severity: warning
    message: "Scope of \`{actual}\`"
    phrases: [strategic cooperative partnership, 战略合作伙伴关系]
    unless: [economic and diplomatic, 经济和外交]
    escalate:
      phrases: [security, military, 安全, 军事]
      severity: error
      message: "\`{actual}\` extended to security"
    context: {sets: [korea, china]}
  - id: t/near
    kind: caution
    severity: hint
    message: "\`{actual}\`"
    phrases: [pledge]
    context: {sets: [korea], within: 1}
  - id: t/shiyong
    kind: term
    severity: error
    message: "Use \`{expected}\` for \`{actual}\`"
    terms:
      zh:
        - 务实外交
        - {text: 实用外交, status: deprecated, use: 务实外交}
        - {text: 实用合作, status: deprecated, use: 务实合作, severity: warning, context: {sets: [korea], within: sentence}}
        - {text: 非核化, status: deprecated, use: 无核化, script: hans}
  - id: t/order
    kind: term
    severity: warning
    message: "Use \`{expected}\` for \`{actual}\`"
    context: {sets: [rok-voice]}
    terms:
      ko: [한미, {text: 미한, status: deprecated, use: 한미}]
  - id: t/reciprocity
    kind: requires
    severity: warning
    message: "\`{actual}\` alone"
    scope: segment
    lookahead: 1
    when: [China's core interests]
    patterns: ['中[国方].{0,6}核心利益']
    require: [Korea's core interests, 韩方核心利益]
    context: {sets: [korea], within: [paragraph, document]}
`;

const rs = ruleSetFromYaml(PACK);
const lint = (text: string, extra: { topic?: string[]; lang?: string; segments?: Segment[] } = {}) =>
  lintSegments(
    {
      text,
      segments: extra.segments ?? blockSegments(text),
      ...(extra.topic ? { topic: extra.topic } : {}),
      ...(extra.lang ? { lang: extra.lang } : {}),
    },
    rs,
  );
const ids = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.actual}`);

describe('context sets and conditions', () => {
  it('fires only where every set is mentioned', () => {
    expect(ids(lint('Seoul and Beijing value mutual respect.'))).toEqual(['t/respect mutual respect']);
    expect(ids(lint('China and Pakistan value mutual respect.'))).toEqual([]);
    expect(ids(lint('中韩双方应相互尊重。'))).toEqual(['t/respect 相互尊重']);
    expect(ids(lint('中巴双方应相互尊重。'))).toEqual([]);
    expect(ids(lint('한중 양국은 상호 존중을 강조했다.'))).toEqual(['t/respect 상호 존중']);
    expect(needsContext(rs)).toBe(true);
  });

  it('does not count a mention inside a `not` phrase', () => {
    expect(ids(lint('North Korea and China value mutual respect.'))).toEqual([]);
    expect(ids(lint("The Democratic People's Republic of Korea and China value mutual respect."))).toEqual(
      [],
    );
    expect(ids(lint('The Republic of Korea and China value mutual respect.'))).toEqual([
      't/respect mutual respect',
    ]);
  });

  it('records the licensing mentions, nearest first, with positions', () => {
    const [f] = lint('Korea, then China.\n\nSeoul and Beijing value mutual respect.');
    expect(f?.context).toEqual([
      {
        set: 'korea',
        via: 'mention',
        text: 'Seoul',
        start: 20,
        end: 25,
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 6,
      },
      {
        set: 'china',
        via: 'mention',
        text: 'Beijing',
        start: 30,
        end: 37,
        line: 3,
        column: 11,
        endLine: 3,
        endColumn: 18,
      },
    ]);
  });

  it('counts a paragraph only with its structural context', () => {
    const text = 'Korea-China talks\n\nBoth value mutual respect.';
    const plain = blockSegments(text);
    expect(ids(lint(text, { segments: plain }))).toEqual([]);
    const structured: Segment[] = [
      { ...plain[0]!, role: 'heading' },
      { ...plain[1]!, context: [0] },
    ];
    expect(rows(lint(text, { segments: structured }))).toEqual(['3:12-3:26 t/respect mutual respect']);
  });

  it('counts only the structure for `structure`', () => {
    const pack = ruleSetFromYaml(`
pack: s
contexts:
  korea: {phrases: [Korea]}
rules:
  - id: s/r
    kind: caution
    severity: info
    message: m
    phrases: [respect]
    context: {sets: [korea], within: structure}
`);
    const text = 'Korea talks\n\nKorea: respect.';
    const plain = blockSegments(text);
    const run = (segments: Segment[]) => lintSegments({ text, segments }, pack).map((f) => f.actual);
    expect(run([{ ...plain[0]!, role: 'heading' }, plain[1]!])).toEqual([]);
    expect(
      run([
        { ...plain[0]!, role: 'heading' },
        { ...plain[1]!, context: [0] },
      ]),
    ).toEqual(['respect']);
  });

  it('counts the document head for `document`, and a declared topic anywhere', () => {
    const text =
      'South Korea and China met.\n\nLater.\n\nThey restored the strategic cooperative partnership.';
    const segments = blockSegments(text).map((s, i) => (i === 0 ? { ...s, head: true } : s));
    expect(ids(lint(text, { segments }))).toEqual(['t/partner strategic cooperative partnership']);
    expect(ids(lint(text))).toEqual([]);
    const [f] = lint('They restored the strategic cooperative partnership.', { topic: ['korea', 'china'] });
    expect(f?.context).toEqual([
      { set: 'korea', via: 'topic' },
      { set: 'china', via: 'topic' },
    ]);
  });

  it('never reports from a context segment, but counts its mentions for the head', () => {
    const text = 'title: 韩中会谈\n\n双方同意恢复战略合作伙伴关系。\n\n相互尊重';
    const plain = blockSegments(text);
    const segments: Segment[] = [
      { ...plain[0]!, role: 'context', head: true },
      plain[1]!,
      { pieces: plain[2]!.pieces, role: 'context' },
    ];
    expect(ids(lint(text, { segments }))).toEqual(['t/partner 战略合作伙伴关系']);
  });

  it('takes a sentence window', () => {
    expect(ids(lint('Seoul spoke. We pledge.'))).toEqual(['t/near pledge']);
    expect(ids(lint('Seoul spoke. Then. We pledge.'))).toEqual([]);
  });

  it('satisfies a set by the document language', () => {
    expect(ids(lint('미한 동맹을 강화한다.', { lang: 'ko' }))).toEqual(['t/order 미한']);
    expect(ids(lint('우리 정부는 미한 동맹을 강화한다.'))).toEqual(['t/order 미한']);
    // A document that does not say its language is read from its prose.
    expect(ids(lint('미한 동맹을 강화한다.'))).toEqual(['t/order 미한']);
    expect(ids(lint('미한 동맹을 강화한다.', { lang: 'en' }))).toEqual([]);
    expect(lint('미한 동맹', { lang: 'ko-KR' })[0]?.context).toEqual([
      { set: 'rok-voice', via: 'language', lang: 'ko-KR' },
    ]);
  });
});

describe('per-term context and severity', () => {
  it("keeps a fixed collocation in any text, and a term's own condition and severity", () => {
    expect(rows(lint('巴基斯坦奉行实用外交。'))).toEqual(['1:7-1:11 t/shiyong 实用外交']);
    expect(ids(lint('中巴开展实用合作。'))).toEqual([]);
    const [f] = lint('韩方希望开展实用合作。');
    expect(f).toMatchObject({ ruleId: 't/shiyong', severity: 'warning', actual: '实用合作' });
    expect(f?.expected).toEqual(['务实合作']);
  });

  it('a configured severity wins over a term’s own', () => {
    const configured = ruleSetFromYaml(PACK, { rules: { 't/shiyong': 'hint' } });
    const [f] = lintSegments(
      { text: '韩方希望开展实用合作。', segments: blockSegments('韩方希望开展实用合作。') },
      configured,
    );
    expect(f?.severity).toBe('hint');
  });

  it('applies a Simplified-only term to Simplified text and not to Traditional, nor for a Taiwan audience', () => {
    expect(ids(lint('双方致力于实现半岛非核化。'))).toEqual(['t/shiyong 非核化']);
    expect(ids(lint('雙方致力於實現半島非核化。'))).toEqual([]);
    expect(ids(lint('非核化。'))).toEqual(['t/shiyong 非核化']);
    const taiwan = ruleSetFromYaml(PACK, { audience: ['zh-TW'] });
    const text = '双方致力于实现半岛非核化。';
    expect(lintSegments({ text, segments: blockSegments(text) }, taiwan)).toEqual([]);
  });
});

describe('caution escalation', () => {
  it('escalates with its own message and severity, over `unless`', () => {
    const text = 'Seoul and Beijing extend the strategic cooperative partnership to security.';
    const [f] = lint(text);
    expect(f).toMatchObject({
      severity: 'error',
      message: '`strategic cooperative partnership` extended to security',
    });
    expect(
      ids(
        lint(
          'Seoul and Beijing limit the strategic cooperative partnership to economic and diplomatic ties.',
        ),
      ),
    ).toEqual([]);
    expect(lint('Seoul and Beijing keep the strategic cooperative partnership.')[0]?.severity).toBe(
      'warning',
    );
  });
});

describe('requires with lookahead and patterns', () => {
  it('accepts the require phrase in the next paragraph directly after', () => {
    expect(
      ids(lint("Seoul respects China's core interests.\n\nBeijing respects Korea's core interests.")),
    ).toEqual([]);
    expect(
      ids(
        lint(
          "Seoul respects China's core interests.\n\nOther news.\n\nBeijing respects Korea's core interests.",
        ),
      ),
    ).toEqual(["t/reciprocity China's core interests"]);
  });

  it('does not take a paragraph left out of the lint for the next one', () => {
    const text =
      "Seoul respects China's core interests.\n\nOther news.\n\nBeijing respects Korea's core interests.";
    const all = blockSegments(text);
    // The middle paragraph held no match, so a block-skipping caller may leave it out.
    expect(ids(lint(text, { segments: [all[0]!, all[2]!] }))).toEqual([
      "t/reciprocity China's core interests",
    ]);
  });

  it('matches a when pattern with characters between its parts', () => {
    expect(rows(lint('韩国尊重中方的重大核心利益。'))).toEqual(['1:5-1:14 t/reciprocity 中方的重大核心利益']);
  });
});

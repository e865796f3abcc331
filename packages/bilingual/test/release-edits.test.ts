// A release set's translation edited as a translator edits it, and sometimes its source: after every
// edit, the lint that keeps what the last one found (release-set.ts: the target's scans and findings,
// the source's scans) gives what a first lint of the same two texts gives.
import { lintBilingual, type Segment } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/test/random.js';
import { lintReleaseTarget } from '../src/index.js';
import { koreaChina } from './helpers.js';

// Paragraph pairs with what the pack reads: mentions of Korea and China, the partnership, 实用 and
// 务实, numbers; some with nothing.
const PAIRS: readonly (readonly [string, string])[] = [
  ['한국과 중국은 전략적 협력 동반자 관계를 발전시키기로 했다.', '两国同意发展战略合作伙伴关系。'],
  ['이재명 정부는 실용외교를 추구한다.', '李在明政府奉行实用外交。'],
  ['이재명 정부는 실용외교를 추구한다.', '李在明政府奉行务实外交。'],
  ['양측은 올해 예산 3억 달러를 6월 10일에 확정했다.', '双方于6月10日确定了今年3亿美元的预算。'],
  ['양국은 교류를 강화한다.', '两国加强交流。'],
  ['중국 측은 전략적 협력 동반자 관계를 강조했다.', '中方强调战略合作伙伴关系。'],
  ['양국 외교장관은 서울에서 회담을 가졌다.', '两国外长在首尔举行会谈。'],
  ['한국은 상호 존중을 바탕으로 관계를 발전시킨다.', '韩方在相互尊重的基础上发展关系。'],
];

const EDITS_PER_RUN = 40;

function documents(pairs: readonly (readonly [string, string])[]): { ko: string; zh: string } {
  return {
    ko: `# 성명\n\n${pairs.map((p) => p[0]).join('\n\n')}\n`,
    zh: `# 声明\n\n${pairs.map((p) => p[1]).join('\n\n')}\n`,
  };
}

describe('a release set edited again and again', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives after each edit what a first lint gives (seed ${seed})`, () => {
      const random = mulberry32(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      const ruleSet = koreaChina();
      let pairs = Array.from({ length: 12 }, () => pick(PAIRS));
      let { ko, zh } = documents(pairs);
      const lint = (path: string, target: string, source: string) =>
        lintReleaseTarget(
          { path: `/edits/${path}.zh.md`, text: target },
          { path: `/edits/${path}.ko.md`, text: source, shown: 'statement.ko.md' },
          { ruleSet },
        );
      const kinds: string[] = [];
      for (let step = 0; step < EDITS_PER_RUN; step++) {
        const kind = random();
        if (kind < 0.5) {
          // A character typed or deleted somewhere in the translation.
          const at = 1 + Math.floor(random() * (zh.length - 1));
          zh =
            random() < 0.5
              ? `${zh.slice(0, at)}${pick(['国', '。', ' ', '中方', '3'])}${zh.slice(at)}`
              : zh.slice(0, at) + zh.slice(at + 1);
          kinds.push('type');
        } else if (kind < 0.7) {
          // A paragraph of the translation replaced by another's.
          const k = Math.floor(random() * pairs.length);
          const other = pick(PAIRS);
          pairs = pairs.map((p, i) => (i === k ? ([p[0], other[1]] as const) : p));
          zh = documents(pairs).zh;
          kinds.push('retranslate');
        } else if (kind < 0.85) {
          // A paragraph added to both, or dropped from the translation only (no longer one to one).
          if (random() < 0.5) {
            pairs = [...pairs.slice(0, 3), pick(PAIRS), ...pairs.slice(3)];
            ({ ko, zh } = documents(pairs));
            kinds.push('add');
          } else {
            zh = zh.replace(/\n\n[^\n#]+\n\n/u, '\n\n');
            kinds.push('drop');
          }
        } else {
          // The source edited: a mention taken out or put in, a word changed.
          ko = random() < 0.5 ? ko.replace('한국과 중국은', '양국은') : ko.replace('양국은', '한국과 중국은');
          ko = ko.replace('추구한다', random() < 0.5 ? '추구했다' : '추구한다');
          kinds.push('source');
        }
        const again = lint('kept', zh, ko);
        const first = lint(`fresh-${seed}-${step}`, zh, ko);
        expect(again, `${kinds.join(' ')}\n${zh}`).toEqual(first);
      }
      // The run went through every kind of edit and found something to check.
      expect(new Set(kinds).size).toBeGreaterThanOrEqual(4);
      expect(lint('kept', zh, ko).length).toBeGreaterThan(0);
    });
  }
});

describe("a translation's source scanned once", () => {
  it('is scanned again when the same segments come with another text', () => {
    // One segment over the whole line: the same pieces read 한국 in one text and 양국 in the other.
    const named = '한국과 중국은 전략적 협력 동반자 관계를 발전시킨다.';
    const unnamed = '양국은 전략적 협력 동반자 관계를 발전시킨다.'.padEnd(named.length, '.');
    const segments: Segment[] = [{ pieces: [{ start: 0, end: named.length }] }];
    const zh = '两国同意发展战略合作伙伴关系。';
    const target: Segment[] = [{ pieces: [{ start: 0, end: zh.length }] }];
    const lint = (ko: string) =>
      lintBilingual(
        {
          source: { text: ko, segments, lang: 'ko' },
          target: { text: zh, segments: target, lang: 'zh' },
          units: [{ source: [0], target: [0] }],
        },
        koreaChina(),
      ).filter((f) => f.ruleId === 'korea-china/strategic-cooperative-partner');
    expect(lint(named)).toHaveLength(1);
    expect(lint(unnamed)).toEqual([]);
    expect(lint(named)).toHaveLength(1);
  });
});

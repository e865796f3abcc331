import { loadConfig } from '@nuance/config';
import type { Finding, RuleSet } from '@nuance/core';
import { lintDocument } from '@nuance/unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocumentFacts, IncrementalLinter } from '../src/incremental.js';

const MARKDOWN: DocumentFacts = { format: 'markdown', lang: undefined, topic: [] };

let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = (await loadConfig({ cwd: '/' })).ruleSet;
});

const key = (f: Finding) =>
  `${f.ruleId} ${f.start}-${f.end} ${f.line}:${f.column} ${f.message} ${f.expected.join('|')}`;

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces that move block, container and fence boundaries, directives, references and terms.
const FRAGMENTS = [
  '实用外交',
  '务实外交',
  '实用路线',
  '战略合作伙伴关系',
  '전략적 협력 동반자 관계',
  '실용외교',
  'strategic cooperative partnership',
  'pragmatic diplomacy',
  'practical diplomacy',
  '\n\n',
  '\n',
  ' ',
  '- ',
  '1. ',
  '> ',
  '    ',
  '```\n',
  '~~~',
  '# ',
  '---\n',
  '+++\n',
  '\n\n---\n韩国奉行实用外交。\n---\n',
  '\n\n+++\n',
  '\n\n  ```\n',
  '- ```\n',
  '<custom>\n',
  '| a | b |\n| - | - |\n',
  '<!-- nuance-disable-line -->',
  '<!-- nuance-disable -->',
  '<!-- nuance-enable -->',
  '<!-- nuance-disable-next-line korea-china/wushi-not-shiyong -->\n',
  '<div>\n',
  '<!--\n',
  '-->',
  '&#23454;用外交',
  '[实用外交][r]',
  '[r]: https://example.org\n',
  '**实用**外交',
  '`实用外交`',
  '😀',
  '한국',
  '。',
  'Seoul and Beijing',
  '韩国奉行',
  '核心利益',
  'mutual respect',
  '相互尊重',
];

const BASE = [
  '# 关于恢复中韩关系的声明',
  '6月10日，双方同意恢复2008年建立的**战略合作伙伴关系**。',
  '韩国新政府奉行以国家利益为中心的实用外交。\n双方应切实用外交手段化解分歧。',
  '- 韩方尊重中国的核心利益。\n- 扩大[韩流](https://www.kocis.go.kr/)演出。\n\n  继续段落 实用路线',
  '> 双方应在相互尊重的基础上发展关系。',
  '| 领域 | 重点 |\n| --- | --- |\n| 经济 | 新政府的实用路线 |',
  '```\n实用外交 in code\n```',
  'Seoul pursues pragmatic diplomacy; later, practical diplomacy.',
  '이재명 정부는 실용외교를 추구한다. 전략적 협력 동반자 관계.',
].join('\n\n');

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const kind = rnd();
  if (kind < 0.55) {
    const fragment = FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)] ?? '';
    return text.slice(0, at) + fragment + text.slice(at);
  }
  if (kind < 0.85) {
    const length = Math.floor(rnd() * 12);
    return text.slice(0, at) + text.slice(at + length);
  }
  // Retype a character, as a typist does.
  return `${text.slice(0, at)}${String.fromCharCode(0x4e00 + Math.floor(rnd() * 50))}${text.slice(at + 1)}`;
}

describe('incremental re-lint', () => {
  it('gives the findings of one full parse after every one of 1,000 random edits', () => {
    let partial = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = random(seed);
      const linter = new IncrementalLinter();
      let text = BASE;
      for (let step = 0; step < 50; step++) {
        text = edit(text, rnd);
        if (text.length > 4000) text = BASE;
        const incremental = linter.lint(text, ruleSet, MARKDOWN).map(key);
        const full = lintDocument({ text, ruleSet, format: 'markdown', fullParse: true }).findings.map(key);
        if (JSON.stringify(incremental) !== JSON.stringify(full)) {
          expect({ seed, step, text, incremental }).toEqual({ seed, step, text, incremental: full });
        }
      }
      partial += linter.stats.partial;
    }
    // Most edits must take the per-block path, or this test proves nothing about it.
    expect(partial).toBeGreaterThan(400);
  });

  it('re-parses only the touched block when a paragraph is edited', () => {
    const linter = new IncrementalLinter();
    const text = `${'A paragraph about trade.\n\n'.repeat(50)}韩国奉行实用外交。\n`;
    expect(linter.lint(text, ruleSet, MARKDOWN).map((f) => f.start)).toEqual([1304]);
    const edited = `A paragraph about 实用路线 trade.\n\n${text.slice(26)}`;
    expect(linter.lint(edited, ruleSet, MARKDOWN).map((f) => f.start)).toEqual([18, 1309]);
    // One split of the whole text, then one re-split around the edit; of the 51 blocks only the
    // flagged one and the document head (the pack has context conditions) were parsed, then only
    // the edited one and the paragraph after it (a `requires` rule of the pack reads the paragraph
    // after a match: segmentReach).
    expect(linter.stats).toEqual({
      full: 1,
      partial: 1,
      parsed: 4,
      parsedLength: 9 + 24 + 29 + 24,
      unlicensed: 0,
    });
    // Opening a fence changes what follows it: the whole document (but its last line ending) is
    // now one block, parsed again.
    const fenced = `\`\`\`\n${edited}`;
    expect(linter.lint(fenced, ruleSet, MARKDOWN)).toEqual([]);
    expect(linter.stats).toEqual({
      full: 1,
      partial: 2,
      parsed: 5,
      parsedLength: 86 + fenced.length - 1,
      unlicensed: 0,
    });
  });

  it('checks a later `---` block as prose, not front matter, before and after an edit', () => {
    const linter = new IncrementalLinter();
    const lint = (text: string) =>
      linter.lint(text, ruleSet, MARKDOWN).map((f) => `${f.ruleId} ${f.line}:${f.column}`);
    const text = 'Press release.\n\n---\n韩国奉行实用外交。\n---\n';
    expect(lint(text)).toEqual(['korea-china/wushi-not-shiyong 4:5']);
    expect(lint(`Draft press release.${text.slice(14)}`)).toEqual(['korea-china/wushi-not-shiyong 4:5']);
    expect(lint(text.replace('韩国', '韩国政府'))).toEqual(['korea-china/wushi-not-shiyong 4:7']);
    expect(lint(text.replace(/---/g, '+++'))).toEqual(['korea-china/wushi-not-shiyong 4:5']);
    // At offset 0 the same lines are front matter, never prose.
    expect(lint(text.slice(16))).toEqual([]);
  });
});

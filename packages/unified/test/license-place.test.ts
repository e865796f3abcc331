// Which mention a license cites must not depend on the segments core is given: the block model
// gives only the blocks that can matter, numbered otherwise than a full parse's segments.
import { compilePacks, parsePack } from '@nuance/core';
import { describe, expect, test } from 'vitest';
import { lintDocument } from '../src/index.js';

const PACK = `pack: p
contexts:
  korea: {phrases: {zh: [韩国, 中韩]}}
  china: {phrases: {zh: [中国, 中韩, 习近平]}}
rules:
  - id: p/partner
    kind: caution
    severity: warning
    message: m
    phrases: [战略合作伙伴关系]
    context: {sets: [korea, china], within: [paragraph, document]}
`;

const parsed = parsePack(PACK, 'p.yaml');
if (!parsed.pack) throw new Error('test pack does not parse');
const { ruleSet } = compilePacks([parsed.pack]);

function draft(fillers: number): string {
  const filler = 'The delegations reviewed progress on trade and tourism.\n\n';
  return `# 关于恢复中韩关系的声明\n\n李在明总统与习近平主席通电话。\n\n${filler.repeat(fillers)}# 韩国\n\n双方恢复战略合作伙伴关系，韩国新政府。\n`;
}

describe('the mention a license cites', () => {
  test('is the nearest in the document head by offset, in the blocks as in a full parse', () => {
    // Ten documents, so that the paragraph's index in a full parse is odd and even: by index, two
    // head mentions a segment apart once tied and the first (the title's) was cited.
    for (let fillers = 0; fillers < 10; fillers++) {
      const text = draft(fillers);
      const blocks = lintDocument({ text, path: 'd.md', ruleSet }).findings;
      const full = lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings;
      expect({ fillers, blocks }).toEqual({ fillers, blocks: full });
      expect(full.map((f) => f.context?.map((c) => c.text))).toEqual([['韩国', '习近平']]);
    }
  });
});

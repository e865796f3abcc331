// Synthetic drafts of any size for the language server and the one-small-file runs: a typical
// draft has one flagged paragraph in ten, a dense one flags every paragraph. Same size, same text.

const FLAGGED = [
  '6月10日，李在明总统与习近平主席通电话，双方同意恢复2008年建立的战略合作伙伴关系，韩国新政府奉行实用外交。',
  'Seoul and Beijing agreed to deepen the strategic cooperative partnership on the basis of mutual respect, while the ministers discussed trade, culture and tourism.',
  '이재명 정부는 국익 중심의 실용외교를 추구하며, 한중 관계를 전략적 협력 동반자 관계로 복원하기로 했다.',
  'The delegations reviewed progress on the free trade agreement, visa-free entry for group tourists and cultural exchanges over the coming year.',
  '- 韩方尊重中国的核心利益，愿与中方恢复战略沟通。\n- 双方力争在年底前完成谈判。',
  '> 双方应在相互尊重的基础上发展关系，推进务实合作。',
];

const NEUTRAL = [
  '双方就经贸、人文、旅游等领域的合作深入交换了意见，同意加强各层级交流。',
  'The ministers discussed trade, culture and tourism at length during the meeting in Seoul.',
  '양국 외교장관은 서울에서 회담을 갖고 경제와 문화 협력 방안을 논의했다.',
];

/** A Markdown draft of at least `size` UTF-16 units. */
export function draft(size: number, dense: boolean): string {
  let text = '# 关于恢复中韩关系的声明\n\n';
  for (let i = 0; text.length < size; i++) {
    const paragraph = dense || i % 10 === 5 ? FLAGGED[i % FLAGGED.length] : NEUTRAL[i % NEUTRAL.length];
    text += `${paragraph}\n\n`;
  }
  return text;
}

/** Korean source paragraphs and their Chinese translations, one flagged (实用外交) in three. */
const PARALLEL: readonly (readonly [string, string])[] = [
  [
    '양국 외교장관은 서울에서 회담을 갖고 경제와 문화 협력 방안을 논의했다.',
    '两国外长在首尔举行会谈，讨论了经济和文化合作方案。',
  ],
  [
    '이재명 정부는 국익 중심의 실용외교를 추구하며 한중 관계를 복원하기로 했다.',
    '李在明政府奉行以国家利益为中心的实用外交，决定恢复韩中关系。',
  ],
  ['양측은 올해 예산 3억 달러를 6월 10일에 확정했다.', '双方于6月10日确定了今年3亿美元的预算。'],
];

/**
 * A release set: a Korean statement and its Chinese translation (of at least `size` UTF-16
 * units), paragraph for paragraph, so that each paragraph is a unit of its own.
 */
export function releaseSet(size: number): { ko: string; zh: string } {
  let ko = '# 한중 관계 복원에 관한 성명\n\n';
  let zh = '# 关于恢复中韩关系的声明\n\n';
  for (let i = 0; zh.length < size; i++) {
    const [source, target] = PARALLEL[i % PARALLEL.length]!;
    ko += `${source}\n\n`;
    zh += `${target}\n\n`;
  }
  return { ko, zh };
}

// The server's own words around a finding (hover headings, why a rule applies), in the finding's
// locale: a Chinese or Korean draft's hover reads in its language from the heading down.
import type { ContextLicense, Locale } from '@nuance/core';

export interface UiTexts {
  preferred: string;
  because: string;
  readings: string;
  source: string;
  docs: string;
  /** A licence in the hover (Markdown). */
  license(c: ContextLicense): string;
  /** A licensing mention in the Problems panel (plain text, the term in `quote`). */
  /** `sets`: the context sets the mention names, as a list in the locale (`korea and china`). */
  /** A mention that licensed a finding: its related information, under the diagnostic (which names
   *  the rule: the entry does not, as it was sent for each finding at every keystroke). */
  mentionApplies(quoted: string, sets: string): string;
}

export const UI_TEXTS: Readonly<Record<Locale, UiTexts>> = {
  en: {
    preferred: 'Preferred',
    because: 'Applies because',
    readings: 'Readings',
    source: 'Source',
    docs: 'Rule documentation',
    license: (c) =>
      c.via === 'mention'
        ? `\`${c.text ?? ''}\` (${c.set}, line ${c.line})`
        : c.via === 'topic'
          ? `the document's topic is ${c.set}`
          : `a \`${c.lang ?? ''}\` document is ${c.set}`,
    mentionApplies: (quoted, sets) => `${quoted} names ${sets}, so the rule applies`,
  },
  'zh-Hans': {
    preferred: '建议用语',
    because: '适用原因',
    readings: '不同读者的理解',
    source: '出处',
    docs: '规则说明',
    license: (c) =>
      c.via === 'mention'
        ? `\`${c.text ?? ''}\`（${c.set}，第${c.line}行）`
        : c.via === 'topic'
          ? `文档声明的主题是 ${c.set}`
          : `\`${c.lang ?? ''}\` 文档属于 ${c.set}`,
    mentionApplies: (quoted, sets) => `${quoted}提到了 ${sets}，因此适用本规则`,
  },
  'zh-Hant': {
    preferred: '建議用語',
    because: '適用原因',
    readings: '不同讀者的理解',
    source: '出處',
    docs: '規則說明',
    license: (c) =>
      c.via === 'mention'
        ? `\`${c.text ?? ''}\`（${c.set}，第${c.line}行）`
        : c.via === 'topic'
          ? `文件聲明的主題是 ${c.set}`
          : `\`${c.lang ?? ''}\` 文件屬於 ${c.set}`,
    mentionApplies: (quoted, sets) => `${quoted}提到了 ${sets}，因此適用本規則`,
  },
  ko: {
    preferred: '권장 표현',
    because: '적용 이유',
    readings: '독자별 읽힘',
    source: '출처',
    docs: '규칙 설명',
    license: (c) =>
      c.via === 'mention'
        ? `\`${c.text ?? ''}\`(${c.set}, ${c.line}행)`
        : c.via === 'topic'
          ? `문서가 선언한 주제: ${c.set}`
          : `\`${c.lang ?? ''}\` 문서: ${c.set}`,
    mentionApplies: (quoted, sets) => `${quoted}에 ${sets} 언급이 있어 이 규칙 적용`,
  },
};

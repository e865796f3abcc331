// The words the report puts around a finding, in the finding's locale (its draft's language), so
// a Chinese or Korean draft's findings read in its language from the heading down. The page's own
// frame (totals, filters) stays English.
import type { ReportFinding } from '../src/reporters/html/report-data.js';

export interface FindingLabels {
  because: string;
  preferred: string;
  preferredOneOf: string;
  more(n: number): string;
  readings: string;
  readBy(tag: string): string;
  source: string;
  about: string;
  why: string;
  mention(set: string, line: number, column: number): string;
  topic(set: string): string;
  language(lang: string, set: string): string;
}

const EN: FindingLabels = {
  because: 'Applies because: ',
  preferred: 'Preferred: ',
  preferredOneOf: 'Preferred (one of): ',
  more: (n) => `+${n} more`,
  readings: 'Readings by audience',
  readBy: (tag) => `Read by ${tag}`,
  source: 'Source: ',
  about: 'About this rule',
  why: 'Note, readings and source',
  mention: (set, l, c) => ` (${set}, ${l}:${c})`,
  topic: (set) => `the document's topic is ${set}`,
  language: (lang, set) => `a ${lang} document is ${set}`,
};

const HANS: FindingLabels = {
  because: '适用原因：',
  preferred: '建议用语：',
  preferredOneOf: '建议用语（任选其一）：',
  more: (n) => `还有 ${n} 个`,
  readings: '不同读者的理解',
  readBy: (tag) => `${tag} 读者`,
  source: '出处：',
  about: '规则说明',
  why: '说明、读者理解和出处',
  mention: (set, l, c) => `（${set}，${l}:${c}）`,
  topic: (set) => `文档声明的主题是 ${set}`,
  language: (lang, set) => `${lang} 文档属于 ${set}`,
};

const HANT: FindingLabels = {
  ...HANS,
  because: '適用原因：',
  preferred: '建議用語：',
  preferredOneOf: '建議用語（任選其一）：',
  more: (n) => `還有 ${n} 個`,
  readings: '不同讀者的理解',
  readBy: (tag) => `${tag} 讀者`,
  source: '出處：',
  about: '規則說明',
  why: '說明、讀者理解和出處',
  topic: (set) => `文件聲明的主題是 ${set}`,
  language: (lang, set) => `${lang} 文件屬於 ${set}`,
};

const KO: FindingLabels = {
  because: '적용 이유: ',
  preferred: '권장 표현: ',
  preferredOneOf: '권장 표현(택일): ',
  more: (n) => `${n}개 더 보기`,
  readings: '독자별 읽힘',
  readBy: (tag) => `${tag} 독자`,
  source: '출처: ',
  about: '규칙 설명',
  why: '설명, 독자별 읽힘, 출처',
  mention: (set, l, c) => `(${set}, ${l}:${c})`,
  topic: (set) => `문서가 선언한 주제: ${set}`,
  language: (lang, set) => `${lang} 문서: ${set}`,
};

const BY_LOCALE: Readonly<Record<NonNullable<ReportFinding['o']>, FindingLabels>> = {
  'zh-Hans': HANS,
  'zh-Hant': HANT,
  ko: KO,
};

export function labelsOf(x: ReportFinding): FindingLabels {
  return x.o === undefined ? EN : BY_LOCALE[x.o];
}

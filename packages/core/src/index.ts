export type { BilingualInput, BilingualSide, BilingualUnit } from './bilingual/bilingual-types.js';
export { lintBilingual } from './bilingual/lint.js';
export { type NumberMention, type NumberValue, numbersOf, sameValue } from './bilingual/numbers.js';
export {
  type ContextHits,
  mayBeLicensed,
  type PreCheckResult,
  preCheck,
} from './engine/context-precheck.js';
export { type ApplyResult, applyEdits, type FixResult, fixText } from './engine/edits.js';
export {
  compilePacks,
  createScanCache,
  hasBoundedCandidate,
  hasCandidate,
  hasContextMention,
  type LintInput,
  lintSegments,
  needsContext,
  type ScanCache,
  segmentReach,
} from './engine/lint.js';
export { type PrefilterSafety, prefilterSafety, type RawScanResult } from './engine/prefilter.js';
export type { CompileOptions, RuleInfo, RuleSet } from './engine/rule-set.js';
export {
  type RecordReader,
  SERIAL_HEAD_BYTES,
  serialLength,
  serialRecordsAt,
} from './engine/serial-bytes.js';
export { contentHash, stringListIn } from './engine/serial-codec.js';
export {
  deserializeRuleSet,
  RULE_SET_FORMAT,
  ruleSetKey,
  type SerializeBytesOptions,
  serializeRuleSet,
  serializeRuleSetBytes,
} from './engine/serialize.js';
export { particleFits } from './i18n/ko-josa.js';
export { documentLocale, isLocale, LOCALES, type Locale, localeOfTag } from './i18n/locale.js';
export { applyPackLocale } from './i18n/locale-file.js';
export { fillMessage, plainText, QUOTES } from './i18n/message.js';
export { missingTexts, type RuleLocales, type RuleTexts, textsIn } from './i18n/rule-texts.js';
export { toTraditional } from './i18n/traditional.js';
export { wordingIn } from './i18n/wording.js';
export type { DescriptionPart, RuleDescription } from './kinds/kind.js';
export { describeRule } from './kinds/registry.js';
export { TERM_STATUSES } from './kinds/term.js';
export {
  addLetters,
  countLetters,
  documentLanguageOf,
  hanScript,
  hanScriptOfLetters,
  type LetterCounts,
  type LettersEnough,
  languageOfLetters,
  noLetters,
} from './lang/document-script.js';
export { hanWordsMade, keepHanWords } from './lang/han.js';
export { type NuanceConfig, type PackOptions, parseConfig } from './pack/config.js';
export type { PackDataLocator } from './pack/data-source.js';
export type {
  ImportedTerm,
  ImportedTermFields,
  ImportedTermPack,
  ImportedTermRule,
} from './pack/imported-terms.js';
export { configJsonSchema, packJsonSchema, packLocaleJsonSchema } from './pack/json-schema.js';
export {
  importedTermPack,
  type PackParse,
  parseImportedTermPack,
  parsePack,
  parsePackData,
} from './pack/parse.js';
export { expandPhrase, PhraseError } from './pack/phrase.js';
export { packWithRule, ruleIdLines } from './pack/rule-lines.js';
export type * from './pack/types.js';
export { type RecentBound, RecentMap } from './recent-map.js';
export { minimalReplacement, type Replacement } from './text/affix.js';
export { hasUtf8Bom, stripBom } from './text/bom.js';
export { detached } from './text/detach.js';
export { isJsSpace } from './text/js-space.js';
export { audienceMatches, isLanguageTag, LANGUAGE_TAG_SOURCE, readingsFor } from './text/language-tag.js';
export { createLineIndex, type LineIndex } from './text/lines.js';
export { lastAtMost, lastKeyAtMost } from './text/search.js';
export { splitSentences } from './text/sentences.js';
export {
  isToolRule,
  TOOL_RULES,
  type ToolFindingPlace,
  type ToolRule,
  type ToolRuleId,
  toolFinding,
  toolRule,
} from './tool-rules.js';
export type * from './types.js';
export { buildView, normalizePhrase } from './view/normalize.js';
export { buildProse } from './view/prose.js';
export { foldT2S, isTraditional } from './view/t2s.js';

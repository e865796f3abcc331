import type { RuleLocales } from '../i18n/rule-texts.js';
import type { RuleKindName } from '../kinds/registry.js';
import type { Examples } from '../pack/rule-parts.js';
import type { Severity } from '../types.js';

/** What adapters may know about a compiled rule (for `explain`, SARIF rule metadata, hovers). */
export interface RuleInfo {
  id: string;
  pack: string;
  kind: RuleKindName;
  severity: Severity;
  message: string;
  /** One line: what the rule asks for. */
  description?: string;
  note?: string;
  /** The rule's texts in the other locales; `textsIn` gives them with the English fallback. */
  locales?: RuleLocales;
  source?: string;
  /** The rule's url, else `<pack homepage>#<rule name>`, else absent. */
  url?: string;
  audiences?: Record<string, string>;
  examples: Examples;
  /** Whether the rule gives safe autofixes. */
  fixable: boolean;
  /** The rule gives no finding on its own: glossary data for bilingual checks. */
  glossary: boolean;
}

export interface CompileOptions {
  /** Severity overrides or `off`, by rule id. Unknown ids are ignored here (see `RuleSet.has`). */
  rules?: Record<string, Severity | 'off'>;
  /** Phrases never reported (config `accept`). */
  accept?: string[];
  /** Keep only the readings for these audiences (BCP 47, prefix match). */
  audience?: string | string[];
  /** The locale of every document's messages, notes and readings (`--locale`, config `locale`). */
  locale?: string;
  /** The locale for a document whose language is unknown (an editor's UI locale). */
  fallbackLocale?: string;
}

/** A compiled, ready-to-run set of rules. Build one with `compilePacks`; reuse it for every document. */
export interface RuleSet {
  readonly rules: readonly RuleInfo[];
  has(id: string): boolean;
  get(id: string): RuleInfo | undefined;
}

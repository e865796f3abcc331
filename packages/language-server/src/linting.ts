/// <reference types="node" />
// One open document's lint state: the incremental linter, the last findings (for hover and
// explain), and the generation counter that drops results made stale by a newer edit.
import { fileURLToPath } from 'node:url';
import {
  type ConfigResolver,
  DEFAULT_MAX_FILE_BYTES,
  formatBytes,
  type ResolvedConfig,
} from '@nuance/config';
import { type Finding, type RuleSet, toolFinding } from '@nuance/core';
import { documentLanguage, documentTopic, formatOf } from '@nuance/unified';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { bilingualFindings, type OpenFiles } from './bilingual.js';
import { configFor } from './config-resolver.js';
import { toDiagnostic } from './diagnostics.js';
import { type DocumentFacts, documentLines, IncrementalLinter } from './incremental.js';
import { type Published, reuseDiagnostics } from './reuse.js';
import { type PackRules, packFilesOf } from './rule-docs.js';
import type { ClientSettings } from './settings.js';

export interface DocumentState {
  linter: IncrementalLinter;
  generation: number;
  /** Cancels the scheduled lint, while one is (scheduling.ts). */
  cancel?: (() => void) | undefined;
  /** The version and findings of the last lint, with the rule set that made them. */
  version?: number;
  findings: Finding[];
  ruleSet?: RuleSet;
  config?: ResolvedConfig;
  /** Whether an internal error was already reported for this document. */
  reported?: boolean;
  /** The findings of the last lint and the diagnostics made of them (with the config used). */
  published?: Published | undefined;
  /** The last report a pulling client was given, so that the next may say it is unchanged. */
  pulled?: { resultId: string; diagnostics: Diagnostic[] } | undefined;
}

export interface LintResult {
  version: number;
  diagnostics: Diagnostic[];
}

/**
 * A document over the CLI's default file size limit is not linted (a 50 MB one-line Markdown
 * paragraph would take the server's memory): one finding says so, as the CLI's does.
 */
function tooLarge(text: string): Finding[] | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count only when that can pass the limit.
  if (text.length * 3 <= DEFAULT_MAX_FILE_BYTES) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= DEFAULT_MAX_FILE_BYTES) return undefined;
  const message = `This document is ${formatBytes(bytes)}, more than the limit of ${formatBytes(DEFAULT_MAX_FILE_BYTES)}, so it was not linted`;
  return [toolFinding('nuance/unreadable-file', message)];
}

export function newState(): DocumentState {
  return { linter: new IncrementalLinter(), generation: 0, findings: [] };
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The format `document` is linted as, and its language under `config`. */
export function documentFacts(document: TextDocument, config: ResolvedConfig): DocumentFacts {
  const path = pathOf(document.uri);
  const format = formatOf(path, document.languageId);
  const text = document.getText();
  const { lang, topic, voice } = config.loaded.config;
  return {
    format,
    lang: documentLanguage({ text, path, lang, format }),
    topic: documentTopic({ text, path, format, topic, voice }),
  };
}

export interface LintDeps {
  resolver: ConfigResolver;
  settingsFor(uri: string): Promise<ClientSettings>;
  folderFor(uri: string): string | undefined;
  document(uri: string): TextDocument | undefined;
  /** Where a rule's documentation is (rule-docs.ts); undefined when the client shows no link. */
  ruleHref(ruleId: string, url: string | undefined, packs: PackRules | undefined): string | undefined;
  /** Whether the client reads a diagnostic's `relatedInformation`. */
  relatedInformation(): boolean;
  /** Whether the file is documentation the client ships (a pack README): shown, never linted. */
  isBundledDoc(file: string): boolean;
  /** The open documents (a release set's source is read as the editor has it). */
  open: OpenFiles;
}

/**
 * Lint the current text of `uri`. Config resolution is asynchronous; linting itself is not, so
 * the text linted is always the newest one when the lint starts.
 */
export async function lintNow(
  uri: string,
  state: DocumentState,
  deps: LintDeps,
): Promise<LintResult | undefined> {
  const settings = await deps.settingsFor(uri);
  const filePath = pathOf(uri);
  const config = settings.enable
    ? await configFor(deps.resolver, filePath, deps.folderFor(uri), settings)
    : undefined;
  const document = deps.document(uri);
  if (!document) return undefined;
  const skipped = filePath !== undefined && (deps.isBundledDoc(filePath) || config?.isIgnored(filePath));
  if (!config || skipped) {
    state.version = document.version;
    state.findings = [];
    return { version: document.version, diagnostics: [] };
  }
  const text = document.getText();
  const { ruleSet } = config.loaded;
  // A bilingual document (XLIFF, a release set's translation) is linted whole, with its source.
  const findings =
    tooLarge(text) ??
    bilingualFindings(filePath, text, config, deps.open) ??
    state.linter.lint(text, ruleSet, documentFacts(document, config), documentLines(document));
  const related = deps.relatedInformation();
  const href = (f: Finding) => deps.ruleHref(f.ruleId, f.url, packFilesOf(config.loaded));
  const diagnostics = reuseDiagnostics(state.published, config, findings, text, (f) =>
    toDiagnostic(f, document, text, href(f), related),
  );
  state.version = document.version;
  state.findings = findings;
  state.ruleSet = ruleSet;
  state.config = config;
  state.published = { config, findings, diagnostics };
  return { version: document.version, diagnostics };
}

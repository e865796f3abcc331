/// <reference types="node" />
// One open document's lint state: the incremental linter, the last findings (for hover and
// explain), and the generation counter that drops results made stale by a newer edit.
import { fileURLToPath } from 'node:url';
import type { ConfigResolver, ResolvedConfig } from '@nuance/config';
import type { Finding, RuleSet } from '@nuance/core';
import { documentLanguage, formatOf } from '@nuance/unified';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { configFor } from './config-store.js';
import { toDiagnostic } from './diagnostics.js';
import { IncrementalLinter } from './incremental.js';
import type { ClientSettings } from './settings.js';

export interface DocumentState {
  linter: IncrementalLinter;
  generation: number;
  timer?: ReturnType<typeof setTimeout> | undefined;
  /** The version and findings of the last lint, with the rule set that made them. */
  version?: number;
  findings: Finding[];
  ruleSet?: RuleSet;
  config?: ResolvedConfig;
  /** Whether an internal error was already reported for this document. */
  reported?: boolean;
}

export interface LintResult {
  version: number;
  diagnostics: Diagnostic[];
  findings: Finding[];
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export interface LintDeps {
  store: ConfigResolver;
  settingsFor(uri: string): Promise<ClientSettings>;
  folderFor(uri: string): string | undefined;
  document(uri: string): TextDocument | undefined;
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
    ? await configFor(deps.store, filePath, deps.folderFor(uri), settings)
    : undefined;
  const document = deps.document(uri);
  if (!document) return undefined;
  if (!config || (filePath !== undefined && config.isIgnored(filePath))) {
    state.version = document.version;
    state.findings = [];
    return { version: document.version, diagnostics: [], findings: [] };
  }
  const text = document.getText();
  const format = formatOf(filePath, document.languageId);
  const { ruleSet } = config.loaded;
  const lang = documentLanguage({ text, path: filePath, lang: config.loaded.config.lang, format });
  const findings = state.linter.lint(text, ruleSet, lang, format);
  state.version = document.version;
  state.findings = findings;
  state.ruleSet = ruleSet;
  state.config = config;
  const diagnostics = findings.map((f) => toDiagnostic(f, document, text));
  return { version: document.version, diagnostics, findings };
}

export function newState(): DocumentState {
  return { linter: new IncrementalLinter(), generation: 0, findings: [] };
}

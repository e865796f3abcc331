/// <reference types="node" />
// When documents are linted: on open and (debounced) on change, pushed with their version; on
// request when the client pulls; before a hover, code action or command that needs current findings.

import { isDeepStrictEqual } from 'node:util';
import { isReleaseSetMember } from '@nuance/bilingual';
import type {
  CancellationToken,
  Diagnostic,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  TextDocumentChangeEvent,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { releaseSetPeers } from './bilingual.js';
import { type DocumentState, type LintResult, lintNow, pathOf } from './linting.js';
import { documentState, type ServerState } from './server-state.js';

/** Lint, reporting an internal error once per document instead of crashing. */
export async function safeLint(server: ServerState, uri: string): Promise<LintResult | undefined> {
  const state = documentState(server, uri);
  try {
    return await lintNow(uri, state, server.lintDeps);
  } catch (error) {
    if (!state.reported) {
      state.reported = true;
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      server.connection.console.error(`nuance: internal error while linting ${uri}: ${detail}`);
    }
    return undefined;
  }
}

/** Push the document's diagnostics after `delay`, unless the client pulls them. */
export function schedule(server: ServerState, uri: string, delay: number): void {
  if (server.features.pull || server.shutDown) return;
  const state = documentState(server, uri);
  state.cancel?.();
  const generation = ++state.generation;
  const run = async () => {
    state.cancel = undefined;
    const result = await safeLint(server, uri);
    // A newer edit or a reload started another lint: this result is stale.
    if (!result || state.generation !== generation || !server.documents.get(uri) || server.shutDown) return;
    const { version, diagnostics } = result;
    void server.connection.sendDiagnostics({ uri, version, diagnostics });
  };
  // No delay: an immediate, since a timer of 0 ms waits a millisecond.
  if (delay > 0) {
    const timer = setTimeout(run, delay);
    state.cancel = () => clearTimeout(timer);
  } else {
    const immediate = setImmediate(run);
    state.cancel = () => clearImmediate(immediate);
  }
}

export function didOpen(server: ServerState, event: TextDocumentChangeEvent<TextDocument>): void {
  schedule(server, event.document.uri, 0);
  relintPeers(server, event.document.uri, 0);
}

export function didChangeContent(server: ServerState, event: TextDocumentChangeEvent<TextDocument>): void {
  // didOpen also fires a content change; the open lint is already scheduled.
  if (event.document.version === documentState(server, event.document.uri).version) return;
  schedule(server, event.document.uri, server.debounceMs);
  relintPeers(server, event.document.uri, server.debounceMs);
}

export function didClose(server: ServerState, event: TextDocumentChangeEvent<TextDocument>): void {
  const { uri } = event.document;
  const state = server.documentStates.get(uri);
  state?.cancel?.();
  server.documentStates.delete(uri);
  server.settingsCache.delete(uri);
  if (!server.features.pull) void server.connection.sendDiagnostics({ uri, diagnostics: [] });
  // Closed without saving: its peers are checked against the file on disk again.
  relintPeers(server, uri, 0);
}

/**
 * The other open members of a changed document's release set are linted again (a translation's
 * findings follow its source's unsaved text): pushed, or a refresh asked of a pulling client.
 */
function relintPeers(server: ServerState, uri: string, delay: number): void {
  const file = pathOf(uri);
  if (!file || !isReleaseSetMember(file)) return;
  const peers = releaseSetPeers(file, server.lintDeps.open);
  if (peers.length === 0) return;
  if (server.features.pull) {
    if (server.features.refresh) void server.connection.languages.diagnostics.refresh();
    return;
  }
  for (const document of server.documents.all()) {
    const other = pathOf(document.uri);
    if (other && peers.includes(other)) schedule(server, document.uri, delay);
  }
}

let resultIds = 0;

/**
 * The document's diagnostics for a pulling client (VS Code): `unchanged` when they equal those of
 * the report the client says it holds, as after most keystrokes (a letter typed where no finding
 * is), so that the client neither reads nor redraws them again.
 */
export async function pullDiagnostics(
  server: ServerState,
  params: DocumentDiagnosticParams,
  token: CancellationToken,
): Promise<DocumentDiagnosticReport> {
  const uri = params.textDocument.uri;
  const result = await safeLint(server, uri);
  if (token.isCancellationRequested) return { kind: 'full', items: [] };
  const diagnostics = result?.diagnostics ?? [];
  const state = documentState(server, uri);
  const previous = state.pulled;
  if (
    previous !== undefined &&
    params.previousResultId === previous.resultId &&
    sameDiagnostics(previous.diagnostics, diagnostics)
  ) {
    return { kind: 'unchanged', resultId: previous.resultId };
  }
  const resultId = `${++resultIds}`;
  state.pulled = { resultId, diagnostics };
  return { kind: 'full', resultId, items: diagnostics };
}

/** Equal lists: mostly the very same objects (reuse.ts), so only the others are compared whole. */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a === b || (a.length === b.length && a.every((d, i) => d === b[i] || isDeepStrictEqual(d, b[i])));
}

/** Findings of the document's current version (re-linting when an edit is pending). */
export async function currentFindings(
  server: ServerState,
  uri: string,
): Promise<{ document: TextDocument; state: DocumentState } | undefined> {
  const document = server.documents.get(uri);
  if (!document) return undefined;
  const state = documentState(server, uri);
  if (state.version !== document.version) await safeLint(server, uri);
  return { document, state };
}

/// <reference types="node" />
// Everything the server's handlers share, created once per connection. The handlers are plain
// functions of this state (lifecycle, scheduling, workspace-events, requests); `createServer`
// only wires them to the connection.
import path from 'node:path';
import { CONFIG_FILE_NAME, type ConfigResolver, type RuleSetCache } from '@nuance/config';
import { type ClientCapabilities, type Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OpenFiles } from './bilingual.js';
import { CODE_FILE, createConfigResolver } from './config-resolver.js';
import { type DocumentState, type LintDeps, newState, pathOf } from './linting.js';
import { type PrecompileRunner, workerPrecompiler } from './precompile.js';
import { RuleDocs } from './rule-docs.js';
import { type ClientSettings, DEFAULT_SETTINGS, normalizeSettings } from './settings.js';
import { FolderWatcher } from './watcher.js';

export interface ServerOptions {
  /** Delay between a change and its lint; `initializationOptions.debounce` overrides it. */
  debounceMs?: number;
  /**
   * What compiles the configs of a change on disk before they are loaded again (precompile.ts).
   * Default: a worker thread running the server's bundle, when this code is that bundle.
   */
  precompile?: PrecompileRunner;
}

/** What the client can do, from its capabilities at `initialize`. */
export interface ClientFeatures {
  pull: boolean;
  configuration: boolean;
  watchedFiles: boolean;
  refresh: boolean;
  createFiles: boolean;
  workspaceFolders: boolean;
  /** Diagnostics may carry `relatedInformation` (the mentions that licensed a finding). */
  relatedInformation: boolean;
  /** Diagnostics may carry `codeDescription` (a link to the rule's documentation). */
  codeDescription: boolean;
}

export function clientFeatures(caps: ClientCapabilities): ClientFeatures {
  return {
    pull: caps.textDocument?.diagnostic !== undefined,
    configuration: caps.workspace?.configuration === true,
    watchedFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    refresh: caps.workspace?.diagnostics?.refreshSupport === true,
    createFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    // LSP 3.17 declares these for pushed diagnostics only; 3.18 adds them to pulled ones.
    relatedInformation: diagnosticCapability(caps, 'relatedInformation'),
    codeDescription: diagnosticCapability(caps, 'codeDescriptionSupport'),
  };
}

/** Whether the client declares a diagnostic property, for pushed or (LSP 3.18) pulled diagnostics. */
function diagnosticCapability(
  caps: ClientCapabilities,
  name: 'relatedInformation' | 'codeDescriptionSupport',
) {
  const pulled = caps.textDocument?.diagnostic as Record<string, unknown> | undefined;
  return caps.textDocument?.publishDiagnostics?.[name] === true || pulled?.[name] === true;
}

export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** Per open document, created at its first lint and dropped at close. */
  readonly documentStates: Map<string, DocumentState>;
  /** `workspace/configuration` answers per document, until the settings change. */
  readonly settingsCache: Map<string, Promise<ClientSettings>>;
  /** Settings for clients without `workspace/configuration`. */
  globalSettings: ClientSettings;
  /** Workspace folders (paths), without duplicates. */
  folders: string[];
  features: ClientFeatures;
  debounceMs: number;
  /** The client's UI locale (`initialize`): messages for a document whose language is unknown. */
  uiLocale?: string;
  /** Compiled packs kept between starts, in the client's folder (`initializationOptions.cacheFolder`). */
  ruleSetCache?: RuleSetCache;
  readonly resolver: ConfigResolver;
  /** Compiles the configs of a change on disk before they are loaded again (none: at once). */
  readonly precompile: PrecompileRunner | undefined;
  /** The compiles of changes on disk, one after another. */
  precompiling: Promise<void>;
  /** Our own watcher of config and pack files, for clients that cannot watch files. */
  readonly watcher: FolderWatcher;
  /** Files that have config problem diagnostics, to clear them when the problems go. */
  problemUris: Set<string>;
  /** `shutdown` was received: from then on only `exit` is answered (LSP lifecycle). */
  shutDown: boolean;
  /** Rule documentation links (`initializationOptions.packDocs`). */
  ruleDocs: RuleDocs;
  readonly lintDeps: LintDeps;
}

/** What the server does when its config resolver loads a config or its watcher sees a change. */
export interface StateHooks {
  configLoaded(): void;
  /** The files the server's own watcher saw change; undefined: not named (anything may have). */
  watchedFileChanged(files: readonly string[] | undefined): void;
}

export function createServerState(
  connection: Connection,
  options: ServerOptions,
  hooks: StateHooks,
): ServerState {
  const documents = new TextDocuments(TextDocument);
  const resolver = createConfigResolver(
    hooks.configLoaded,
    () => server.uiLocale,
    () => server.ruleSetCache,
  );
  const server: ServerState = {
    connection,
    documents,
    documentStates: new Map(),
    settingsCache: new Map(),
    globalSettings: DEFAULT_SETTINGS,
    folders: [],
    features: clientFeatures({}),
    debounceMs: options.debounceMs ?? 200,
    resolver,
    precompile: options.precompile ?? (CODE_FILE.endsWith('.cjs') ? workerPrecompiler(CODE_FILE) : undefined),
    precompiling: Promise.resolve(),
    watcher: new FolderWatcher(new Set([CONFIG_FILE_NAME]), hooks.watchedFileChanged),
    problemUris: new Set(),
    shutDown: false,
    ruleDocs: new RuleDocs(undefined),
    lintDeps: {
      resolver,
      settingsFor: (uri) => settingsFor(server, uri),
      folderFor: (uri) => folderFor(server, uri),
      document: (uri) => documents.get(uri),
      ruleHref: (ruleId, url, packs) =>
        server.features.codeDescription ? server.ruleDocs.href(ruleId, url, packs) : undefined,
      relatedInformation: () => server.features.relatedInformation,
      isBundledDoc: (file) => server.ruleDocs.holds(file),
      open: openFiles(documents),
    },
  };
  return server;
}

/** The open documents by path (untitled ones have none). */
function openFiles(documents: TextDocuments<TextDocument>): OpenFiles {
  const byPath = () =>
    documents.all().flatMap((d) => (pathOf(d.uri) ? [[pathOf(d.uri) ?? '', d] as const] : []));
  return {
    text: (file) =>
      byPath()
        .find(([p]) => p === file)?.[1]
        .getText(),
    inFolder: (dir) => byPath().flatMap(([p]) => (path.dirname(p) === dir ? [p] : [])),
  };
}

export function documentState(server: ServerState, uri: string): DocumentState {
  let state = server.documentStates.get(uri);
  if (!state) {
    state = newState();
    server.documentStates.set(uri, state);
  }
  return state;
}

/** The innermost workspace folder holding the document; none means the file's own folder. */
export function folderFor(server: ServerState, uri: string): string | undefined {
  const file = pathOf(uri);
  if (!file) return server.folders[0];
  return server.folders
    .filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
    .sort((a, b) => b.length - a.length)[0];
}

export function settingsFor(server: ServerState, uri: string): Promise<ClientSettings> {
  if (!server.features.configuration) return Promise.resolve(server.globalSettings);
  let cached = server.settingsCache.get(uri);
  if (!cached) {
    cached = server.connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'nuance' })
      .then(normalizeSettings, () => DEFAULT_SETTINGS);
    server.settingsCache.set(uri, cached);
  }
  return cached;
}

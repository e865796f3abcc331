/// <reference types="node" />
// What a change outside the open documents does: settings, config and pack files, workspace
// folders. Each reloads the configs it can affect and re-lints; config problems are published as
// diagnostics in the files that have them.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME, mayFindConfig, readText } from '@nuance/config';
import type {
  Diagnostic,
  DidChangeConfigurationParams,
  DidChangeWatchedFilesParams,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { configFor } from './config-resolver.js';
import { problemDiagnostic } from './diagnostics.js';
import { pathOf } from './linting.js';
import type { PrecompileJob } from './precompile.js';
import { schedule } from './scheduling.js';
import { folderFor, type ServerState, settingsFor } from './server-state.js';
import { type ClientSettings, normalizeSettings } from './settings.js';

/** Re-lint every open document: pushed again, or a refresh asked of a pulling client. */
export function relint(server: ServerState): void {
  const { connection, documents, features } = server;
  if (features.pull) {
    if (features.refresh) void connection.languages.diagnostics.refresh();
  } else {
    for (const document of documents.all()) schedule(server, document.uri, 0);
  }
  // Configs nobody uses any more still get their problems cleared.
  if (documents.all().length === 0) void publishProblems(server);
}

/** Drop every loaded config and re-lint. */
export function reload(server: ServerState): void {
  server.resolver.invalidate();
  relint(server);
}

/**
 * Reload and re-lint when the settings really changed. vscode-languageclient sends this
 * notification at start-up, and again when the server registers for it, with nothing changed:
 * re-linting then made every document's first lint run twice (or three times).
 */
export async function didChangeConfiguration(
  server: ServerState,
  change: DidChangeConfigurationParams,
): Promise<void> {
  const same = (a: ClientSettings, b: ClientSettings) => JSON.stringify(a) === JSON.stringify(b);
  const before = [...server.settingsCache];
  server.settingsCache.clear();
  if (!server.features.configuration) {
    const settings = normalizeSettings(
      (change.settings as Record<string, unknown> | null | undefined)?.nuance,
    );
    const changed = !same(settings, server.globalSettings);
    server.globalSettings = settings;
    if (changed) reload(server);
    return;
  }
  // The settings each document was linted with, asked again: documents not linted yet ask anyway.
  const changed = await Promise.all(
    before.map(async ([uri, old]) => !same(await old, await settingsFor(server, uri))),
  );
  if (changed.includes(true) && !server.shutDown) reload(server);
}

export function didChangeWatchedFiles(server: ServerState, params: DidChangeWatchedFilesParams): void {
  filesChanged(
    server,
    params.changes.map((c) => pathOf(c.uri)).filter((f) => f !== undefined),
  );
}

/**
 * Config and pack files changed on disk (reported by the client, or seen by the server's own
 * watcher): the configs that read them are compiled on a worker and loaded again, and the
 * documents re-linted. A `.nuancerc.yaml` no open document can have (in no open document's folder
 * or above it) changes nothing: deleting a closed draft's folder with its config neither reloads
 * the other documents' configs (a 10,000-term termbase read again from the cache, 50 ms) nor
 * re-lints them in full (40 ms of a 100 K draft's keystroke, at every such change).
 */
export function filesChanged(server: ServerState, changed: readonly string[]): void {
  const files: string[] = [];
  for (const file of changed) {
    if (path.basename(file) !== CONFIG_FILE_NAME || nearOpen(server, file)) files.push(file);
    // A load that read it is dropped all the same (a document opened there later loads it again),
    // with nothing to compile or re-lint.
    else server.resolver.invalidate(file);
  }
  if (files.length === 0) return;
  void afterPrecompile(server, files, () => {
    // Every change is passed on (no short cut): each drops the configs that read that file.
    const dropped = files.filter((f) => server.resolver.invalidate(f));
    if (dropped.length > 0) relint(server);
  });
}

/** Whether the config file `file` may be an open document's (where its config is looked for from, or above). */
function nearOpen(server: ServerState, file: string): boolean {
  return server.documents.all().some((document) => {
    const own = pathOf(document.uri);
    const from = own === undefined ? folderFor(server, document.uri) : path.dirname(own);
    return from !== undefined && mayFindConfig(file, from);
  });
}

/**
 * Of `documents`, those whose config a change to `files` can change: one that read a file, or a
 * config file where the document's config is looked for (a config that does not load counts).
 */
async function affectedBy(
  server: ServerState,
  files: readonly string[],
  documents: PrecompileJob['documents'],
): Promise<PrecompileJob['documents']> {
  const changed = files.map((file) => path.resolve(file));
  const affected = await Promise.all(
    documents.map(async ({ filePath, folder, settings }) => {
      const from = filePath === undefined ? folder : path.dirname(filePath);
      if (from !== undefined && changed.some((file) => mayFindConfig(file, from))) return true;
      try {
        const { watched } = await configFor(server.resolver, filePath, folder, settings);
        return changed.some((file) => watched.includes(file));
      } catch {
        return true;
      }
    }),
  );
  return documents.filter((_, index) => affected[index]);
}

/**
 * `reload`, once the configs of the open documents are compiled on a worker thread into the
 * rule-set cache (precompile.ts), so that it reads them from there; meanwhile the documents are
 * linted with the configs they have. `files`: what changed on disk (undefined: unknown, a change
 * our own watcher saw unnamed); a change no loaded config read, or a server without a worker or a
 * rule-set cache, reloads at once. Changes are compiled one after another, each reloaded when compiled.
 */
export async function afterPrecompile(
  server: ServerState,
  files: readonly string[] | undefined,
  reload: () => void,
): Promise<void> {
  const { precompile, ruleSetCache } = server;
  const concerned = files === undefined || files.some((file) => server.resolver.dependsOn(file));
  if (!precompile || !ruleSetCache || !concerned) {
    reload();
    return;
  }
  let documents: PrecompileJob['documents'];
  try {
    documents = await Promise.all(
      server.documents.all().map(async (document) => ({
        filePath: pathOf(document.uri),
        folder: folderFor(server, document.uri),
        settings: await settingsFor(server, document.uri),
      })),
    );
  } catch {
    // Settings the client could not give: the reload asks again, as a lint would.
    reload();
    return;
  }
  // Only what a lint would load (a document nuance is off for loads no config), and of that what
  // the change can change: a pack read only by a closed draft's config compiles nothing (the
  // 10,000-term termbase of an open draft took the worker 0.6 s to find in the cache).
  const enabled = documents.filter((document) => document.settings.enable);
  const job: PrecompileJob = {
    cache: ruleSetCache.options,
    uiLocale: server.uiLocale,
    documents: files === undefined ? enabled : await affectedBy(server, files, enabled),
  };
  if (job.documents.length === 0) {
    reload();
    return;
  }
  const done = server.precompiling.then(() => precompile(job));
  server.precompiling = done;
  await done;
  if (!server.shutDown) reload();
}

export function didChangeWorkspaceFolders(
  server: ServerState,
  params: { event?: Partial<WorkspaceFoldersChangeEvent> },
): void {
  const removed = new Set((params.event?.removed ?? []).map((f) => pathOf(f.uri)));
  server.folders = server.folders.filter((f) => !removed.has(f));
  for (const f of params.event?.added ?? []) {
    const file = pathOf(f.uri);
    if (file) server.folders.push(file);
  }
  reload(server);
}

/** Publish the config and pack problems, clearing those of files that have none any more. */
export async function publishProblems(server: ServerState): Promise<void> {
  const byFile = await problemDiagnostics(server);
  if (server.shutDown) return;
  for (const uri of server.problemUris) {
    if (!byFile.has(uri)) void server.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
  for (const [uri, diagnostics] of byFile) void server.connection.sendDiagnostics({ uri, diagnostics });
  server.problemUris = new Set(byFile.keys());
  if (!server.features.watchedFiles) await watchOwnFolders(server);
}

async function problemDiagnostics(server: ServerState): Promise<Map<string, Diagnostic[]>> {
  const byFile = new Map<string, Diagnostic[]>();
  const texts = new Map<string, string | undefined>();
  for (const problem of await server.resolver.problems().catch(() => [])) {
    if (!path.isAbsolute(problem.file)) continue;
    if (!texts.has(problem.file)) {
      // Never waits on a FIFO or reads a device: a pack path can name anything.
      texts.set(problem.file, await readText(problem.file).catch(() => undefined));
    }
    const uri = pathToFileURL(problem.file).href;
    byFile.set(uri, [...(byFile.get(uri) ?? []), problemDiagnostic(problem, texts.get(problem.file))]);
  }
  return byFile;
}

/** Watch the workspace folders, the open documents' folders and every file a config read. */
async function watchOwnFolders(server: ServerState): Promise<void> {
  const files = await server.resolver.watchedFiles().catch(() => []);
  const dirs = [...server.folders];
  for (const document of server.documents.all()) {
    const file = pathOf(document.uri);
    if (file) dirs.push(path.dirname(file));
  }
  server.watcher.update(dirs, files);
}

/// <reference types="node" />
// For long-lived processes without file watchers (vscode-remark running the remark plugin, an
// MCP server): a `.nuancerc.yaml` or pack edited meanwhile must apply to the next lint, as it does
// in the language server, which watches. Each load is stamped with the modification times of the
// files it read (`ResolvedConfig.watched`); a stamp that no longer matches drops it.
import { stat } from 'node:fs/promises';
import type { ConfigRequest, ConfigResolver, ResolvedConfig } from './resolver.js';

/** The modification times of `files` (-1 for a missing one), as one comparable string. */
async function stampOf(files: readonly string[]): Promise<string> {
  const times = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => s.mtimeMs,
        () => -1,
      ),
    ),
  );
  return times.join(',');
}

/**
 * A resolver's loads, read again when a file one of them read has changed since. Give it a
 * resolver with `cacheDiscovery: false`, so that a config created nearer a document is found too.
 */
export class FreshConfigs {
  private readonly stamps = new Map<string, string>();

  constructor(private readonly resolver: ConfigResolver) {}

  /** `ConfigResolver.forFile`, reloaded when stale. */
  async forFile(file: string, request: ConfigRequest = {}): Promise<ResolvedConfig> {
    const resolved = await this.resolver.forFile(file, request);
    const key = JSON.stringify([resolved.file ?? '-', resolved.baseDir, request]);
    const stamp = await stampOf(resolved.watched);
    const before = this.stamps.get(key);
    if (before === undefined || before === stamp) {
      this.stamps.set(key, stamp);
      return resolved;
    }
    for (const watched of resolved.watched) this.resolver.invalidate(watched);
    const reloaded = await this.resolver.forFile(file, request);
    this.stamps.set(key, await stampOf(reloaded.watched));
    return reloaded;
  }
}

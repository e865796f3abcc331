/// <reference types="node" />
// vscode-remark runs the plugin in a long-lived process: a `.nuancerc.yaml` or pack edited there
// must apply to the next lint, as it does in nuance's own language server. Each load is stamped
// with the modification times of the files it read; a stamp that no longer matches drops it.
import { stat } from 'node:fs/promises';
import type { ConfigResolver, ResolvedConfig } from '@nuance/config';

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

/** A resolver's loads, re-read when a file one of them read has changed since. */
export class FreshConfigs {
  private readonly stamps = new Map<string, string>();

  constructor(private readonly resolver: ConfigResolver) {}

  async forFile(file: string): Promise<ResolvedConfig> {
    const resolved = await this.resolver.forFile(file);
    const key = resolved.file ?? `-:${resolved.baseDir}`;
    const stamp = await stampOf(resolved.watched);
    const before = this.stamps.get(key);
    if (before === undefined || before === stamp) {
      this.stamps.set(key, stamp);
      return resolved;
    }
    for (const watched of resolved.watched) this.resolver.invalidate(watched);
    const reloaded = await this.resolver.forFile(file);
    this.stamps.set(key, await stampOf(reloaded.watched));
    return reloaded;
  }
}

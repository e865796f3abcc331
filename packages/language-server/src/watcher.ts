/// <reference types="node" />
// Watching config and pack files ourselves, for clients that cannot watch files for us (Neovim
// 0.7, most terminal editors). Folders are watched rather than files: editors save by rename, and
// a config can appear where there was none.
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private files = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly names: ReadonlySet<string>,
    private readonly onChange: () => void,
    private readonly delayMs = 50,
  ) {}

  /** Watch these folders (and only these) for the watched names and these exact files. */
  update(folders: Iterable<string>, files: Iterable<string>): void {
    this.files = new Set(files);
    const wanted = new Set([...folders, ...[...this.files].map((f) => path.dirname(f))]);
    for (const [dir, watcher] of this.watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, (_event, name) => this.changed(dir, name));
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, watcher);
      } catch {
        // A folder that does not exist (yet) is simply not watched.
      }
    }
  }

  private changed(dir: string, name: string | Buffer | null): void {
    const base = name === null ? undefined : String(name);
    if (base !== undefined && !this.names.has(base) && !this.files.has(path.join(dir, base))) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, this.delayMs);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

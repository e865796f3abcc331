/// <reference types="node" />
// Watching config and pack files ourselves, for clients that cannot watch files for us (Neovim
// 0.7, most terminal editors). Folders are watched rather than files: editors save by rename, and
// a config can appear where there was none. The files that changed are passed on, as a client's
// `didChangeWatchedFiles` names them, so that only the configs that read them are loaded again.
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private files = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The paths changed since the last `onChange`; undefined once a change came without its name. */
  private changes: Set<string> | undefined = new Set();

  /**
   * `onChange`, `delayMs` after the last of a burst of changes (a save by rename is several): the
   * watched paths that changed, or undefined when the system did not name one (then anything may
   * have changed).
   */
  constructor(
    private readonly names: ReadonlySet<string>,
    private readonly onChange: (files: string[] | undefined) => void,
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
    if (name === null) this.changes = undefined;
    else {
      const base = String(name);
      const file = path.join(dir, base);
      if (!this.names.has(base) && !this.files.has(file)) return;
      this.changes?.add(file);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const changes = this.changes;
      this.changes = new Set();
      this.onChange(changes === undefined ? undefined : [...changes]);
    }, this.delayMs);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

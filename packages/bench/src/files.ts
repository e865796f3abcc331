// Every file under a folder, sorted: the order every in-process peer reads the corpus in. Kept
// apart from the corpus generator so the peers' processes load nothing else.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : [full];
    });
}

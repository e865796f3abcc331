// The configs of a run are resolved folder after folder, in the order the files were found: the resolver
// lists its configs in the order first needed, and SARIF's rule list follows that list, so two runs
// over the same files must give it in the same order however fast each folder's discovery is.
import path from 'node:path';
import { ConfigResolver, type ResolvedConfig } from '@nuance/config';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../src/commands/check-files.js';
import { withTempDir, writeTree } from './helpers.js';

/** A resolver whose answers come after a delay that is longest for the first folders asked. */
class SlowFirst extends ConfigResolver {
  readonly started: string[] = [];
  readonly finished: string[] = [];
  private delay = 40;

  override async forFile(file: string): Promise<ResolvedConfig> {
    const folder = path.basename(path.dirname(file));
    this.started.push(folder);
    const wait = this.delay;
    this.delay = Math.max(0, this.delay - 10);
    await new Promise((resolve) => setTimeout(resolve, wait));
    const resolved = await super.forFile(file);
    this.finished.push(folder);
    return resolved;
  }
}

describe('checkFiles', () => {
  it('resolves each folder config one after another, in the order the files were found', async () => {
    const pack = (id: string) =>
      `pack: ${id}\nrules:\n  - id: ${id}/x\n    kind: term\n    message: m\n    terms:\n      zh:\n        - 务实外交\n        - { text: 实用外交, status: deprecated }\n`;
    const tree: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd']) {
      tree[`${name}/.nuancerc.yaml`] = `packs: ["./${name}.yaml"]\n`;
      tree[`${name}/${name}.yaml`] = pack(name);
      tree[`${name}/draft.md`] = '韩国奉行实用外交。\n';
    }
    await withTempDir(async (dir) => {
      await writeTree(dir, tree);
      const resolver = new SlowFirst({ cwd: dir });
      const io = { cwd: dir, stdout: { write: () => true }, stderr: { write: () => true }, env: {} };
      const run = await checkFiles({ paths: ['.'], format: 'json', jobs: 1 }, {}, io, resolver);
      expect(run.results.map((r) => r.path)).toEqual([
        'a/draft.md',
        'b/draft.md',
        'c/draft.md',
        'd/draft.md',
      ]);
      // Asked in the order the folder walk met them; had they been asked side by side, the last
      // asked (the quickest) would have finished first.
      expect([...resolver.started].sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(resolver.finished).toEqual(resolver.started);
      const order = (await resolver.loadedConfigs()).map((c) => path.basename(path.dirname(c.file ?? '')));
      expect(order).toEqual(resolver.started);
    });
  });
});

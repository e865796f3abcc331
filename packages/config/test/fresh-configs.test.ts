// FreshConfigs: a load is read again once a file it read has changed (src/fresh-configs.ts).
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver, FreshConfigs } from '../src/index.js';
import { packYaml, withDir } from './helpers.js';

/** Give `file` a modification time of its own: two writes in one clock tick look unchanged. */
async function touch(file: string, secondsAhead: number): Promise<void> {
  await utimes(file, new Date(), new Date(Date.now() + secondsAhead * 1000));
}

describe('FreshConfigs', () => {
  it('keeps a load while its files stay, and reads it again when the config or a pack changes', async () => {
    await withDir(
      { '.nuancerc.yaml': 'packs: [./team.yaml]\n', 'team.yaml': packYaml('team', 'warning') },
      async (dir) => {
        const configs = new FreshConfigs(new ConfigResolver({ cwd: dir, cacheDiscovery: false }));
        const draft = path.join(dir, 'draft.md');
        const first = await configs.forFile(draft);
        expect(first.loaded.ruleSet.get('team/x')?.severity).toBe('warning');
        expect((await configs.forFile(draft)).loaded).toBe(first.loaded);

        await writeFile(path.join(dir, 'team.yaml'), packYaml('team', 'error'));
        await touch(path.join(dir, 'team.yaml'), 5);
        expect((await configs.forFile(draft)).loaded.ruleSet.get('team/x')?.severity).toBe('error');

        await writeFile(path.join(dir, '.nuancerc.yaml'), 'packs: [korea-china]\n');
        await touch(path.join(dir, '.nuancerc.yaml'), 10);
        const last = await configs.forFile(draft);
        expect(last.loaded.ruleSet.has('team/x')).toBe(false);
        expect(last.loaded.ruleSet.has('korea-china/wushi-not-shiyong')).toBe(true);
      },
    );
  });
});

// Packs published as npm packages, found in the project's node_modules (src/package-pack.ts).
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';
import { isPackagePackName } from '../src/package-pack.js';
import { packYaml, withDir } from './helpers.js';

describe('packs from npm packages', () => {
  it('tells package names from built-in pack names and files', () => {
    expect(isPackagePackName('@org/nuance-pack-x')).toBe(true);
    expect(isPackagePackName('nuance-pack-legal')).toBe(true);
    expect(isPackagePackName('korea-china')).toBe(false);
    expect(isPackagePackName('@org/terms.yaml')).toBe(false);
    expect(isPackagePackName('./packs/x.yaml')).toBe(false);
  });

  it('reads the pack a package names, from the nearest node_modules up, inside the repository', async () => {
    await withDir(
      {
        'repo/.nuancerc.yaml': 'packs: [korea-china, "@org/nuance-pack-x", nuance-pack-y]\n',
        'repo/node_modules/@org/nuance-pack-x/package.json':
          '{"name": "@org/nuance-pack-x", "nuancePack": "./terms.yaml"}',
        'repo/node_modules/@org/nuance-pack-x/terms.yaml': packYaml('org-x'),
        'repo/node_modules/nuance-pack-y/package.json': '{"name": "nuance-pack-y"}',
        'repo/node_modules/nuance-pack-y/pack.yaml': packYaml('y'),
      },
      async (dir) => {
        await mkdir(path.join(dir, 'repo', '.git'));
        const loaded = await loadConfig({ configFile: 'repo/.nuancerc.yaml', cwd: dir });
        expect(loaded.problems).toEqual([]);
        expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['korea-china', 'org-x', 'y']);
        expect(loaded.ruleSet.has('org-x/x')).toBe(true);
      },
    );
  });

  it('says which package is missing or broken, on the config entry', async () => {
    await withDir(
      {
        'repo/.nuancerc.yaml': 'packs:\n  - "@org/missing"\n  - "@org/escape"\n',
        'repo/node_modules/@org/escape/package.json': '{"nuancePack": "../../../../secret.yaml"}',
      },
      async (dir) => {
        await mkdir(path.join(dir, 'repo', '.git'));
        const loaded = await loadConfig({ configFile: 'repo/.nuancerc.yaml', cwd: dir });
        const config = path.join(dir, 'repo', '.nuancerc.yaml');
        expect(loaded.problems.map((p) => [p.code, p.file, p.line, p.column, p.message])).toEqual([
          [
            'unreadable-pack',
            config,
            2,
            5,
            `Cannot find pack package \`@org/missing\`: no node_modules/@org/missing at or above \`${path.join(dir, 'repo')}\` (install it, e.g. \`npm i -D @org/missing\`)`,
          ],
          [
            'unreadable-pack',
            config,
            3,
            5,
            'Cannot read pack package `@org/escape`: its `nuancePack` `../../../../secret.yaml` is outside the package',
          ],
        ]);
      },
    );
  });

  it('refuses a package linked from outside the repository unless allowed', async () => {
    await withDir(
      {
        'elsewhere/nuance-pack-z/package.json': '{}',
        'elsewhere/nuance-pack-z/pack.yaml': packYaml('z'),
        'repo/.nuancerc.yaml': 'packs: [nuance-pack-z]\n',
      },
      async (dir) => {
        await mkdir(path.join(dir, 'repo', '.git'));
        await mkdir(path.join(dir, 'repo', 'node_modules'));
        await symlink(
          path.join(dir, 'elsewhere', 'nuance-pack-z'),
          path.join(dir, 'repo', 'node_modules', 'nuance-pack-z'),
        );
        const refused = await loadConfig({ configFile: 'repo/.nuancerc.yaml', cwd: dir });
        expect(refused.packs).toEqual([]);
        expect(refused.problems[0]?.message).toMatch(
          /^Cannot read pack `nuance-pack-z`: it is outside .* run with `--allow-packs-outside` to allow it$/,
        );
        const allowed = await loadConfig({
          configFile: 'repo/.nuancerc.yaml',
          cwd: dir,
          allowPacksOutside: true,
        });
        expect(allowed.packs.map((p) => p.definition.pack)).toEqual(['z']);
      },
    );
  });
});

import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createIgnoreMatcher,
  describeFsError,
  findConfigFile,
  isIgnored,
  loadConfig,
  mayFindConfig,
  relativeInside,
} from '../src/index.js';
import { withDir } from './helpers.js';

describe('loadConfig precedence: overrides > file > defaults > built-in defaults', () => {
  it('puts the file above defaults and overrides above both', async () => {
    await withDir({ '.nuancerc.yaml': 'lang: en\naudience: zh\n' }, async (dir) => {
      const loaded = await loadConfig({
        configFile: '.nuancerc.yaml',
        cwd: dir,
        defaults: { lang: 'ko', audience: ['ko'], accept: ['from defaults'] },
        overrides: { audience: ['en'] },
      });
      expect(loaded.problems).toEqual([]);
      expect(loaded.config).toEqual({ lang: 'en', audience: ['en'], accept: ['from defaults'] });
    });
  });

  it('uses the defaults where there is no file, and null means unset', async () => {
    const loaded = await loadConfig({
      cwd: tmpdir(),
      defaults: { lang: 'zh', audience: null as unknown as string[] },
    });
    expect(loaded.config).toEqual({ lang: 'zh' });
    expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['korea-china']);
  });

  it('lets the file turn off a rule the defaults set', async () => {
    await withDir({ '.nuancerc.yaml': 'rules:\n  korea-china/wushi-not-shiyong: warning\n' }, async (dir) => {
      const loaded = await loadConfig({
        configFile: path.join(dir, '.nuancerc.yaml'),
        cwd: '/',
        defaults: { rules: { 'korea-china/wushi-not-shiyong': 'off' } },
      });
      expect(loaded.ruleSet.get('korea-china/wushi-not-shiyong')?.severity).toBe('warning');
    });
  });
});

describe('ignore patterns', () => {
  it('match with gitignore semantics relative to the config folder', () => {
    const base = '/repo/docs';
    const match = createIgnoreMatcher(base, ['archive/**', '*.draft.md', '!keep.draft.md']);
    expect(match('/repo/docs/archive/2020/a.md')).toBe(true);
    expect(match('/repo/docs/a.draft.md')).toBe(true);
    expect(match('/repo/docs/sub/b.draft.md')).toBe(true);
    expect(match('/repo/docs/keep.draft.md')).toBe(false);
    expect(match('/repo/docs/archived.md')).toBe(false);
    // Outside the config's folder a config says nothing.
    expect(match('/repo/archive/x.md')).toBe(false);
    expect(isIgnored(base, [], '/repo/docs/archive/a.md')).toBe(false);
    expect(isIgnored(base, ['archive/'], '/repo/docs/archive/a.md')).toBe(true);
  });

  it('relativeInside gives / separators or undefined', () => {
    expect(relativeInside('/a/b', '/a/b/c/d.md')).toBe('c/d.md');
    expect(relativeInside('/a/b', '/a/b')).toBeUndefined();
    expect(relativeInside('/a/b', '/a/bc/d.md')).toBeUndefined();
  });
});

describe('a config is data only', () => {
  it('never picks up a .nuancerc.js, even next to the file', async () => {
    await withDir(
      {
        'project/.nuancerc.js': 'throw new Error("ran code from the repository")\n',
        'project/doc.md': 'x\n',
      },
      async (dir) => {
        expect(await findConfigFile(path.join(dir, 'project'))).not.toBe(
          path.join(dir, 'project', '.nuancerc.js'),
        );
      },
    );
  });

  it('reads a !!js/function tag as a problem or plain data, never as code', async () => {
    await withDir(
      {
        '.nuancerc.yaml':
          'lang: !!js/function "function () { globalThis.pwned = true; return \'en\' }"\naccept: [!!js/undefined ""]\n',
      },
      async (dir) => {
        const loaded = await loadConfig({ configFile: '.nuancerc.yaml', cwd: dir });
        expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
        // The tag is unknown to the YAML core schema: a warning, and the value stays a plain string.
        expect(
          loaded.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`),
        ).toEqual([
          '1:7 warning yaml-syntax Unresolved tag: tag:yaml.org,2002:js/function',
          "1:21 error invalid-value Unexpected value `function () { globalThis.pwned = true; return 'en' }` for `lang`, expected a BCP 47 language tag such as `en`, `zh` or `zh-Hant`",
          '2:10 warning yaml-syntax Unresolved tag: tag:yaml.org,2002:js/undefined',
          '2:25 error invalid-value Unexpected value `` for an item of `accept`, expected a non-empty string',
        ]);
        expect(loaded.config.lang).toBeUndefined();
        for (const problem of loaded.problems) expect(problem.file).toBe(path.join(dir, '.nuancerc.yaml'));
        expect(loaded.ruleSet.has('korea-china/wushi-not-shiyong')).toBe(true);
      },
    );
  });
});

describe('file-system wording, written once', () => {
  it('describes an error in a few words, without the path the caller already names', async () => {
    await withDir({ 'folder/x': '' }, async (dir) => {
      const failure = (file: string) => readFile(path.join(dir, file), 'utf8').catch((e: unknown) => e);
      expect(describeFsError(await failure('missing.yaml'))).toBe('no such file or folder');
      expect(describeFsError(await failure('folder'))).toBe('it is a folder');
      expect(describeFsError(await failure('folder/x/y'))).toBe('no such file or folder');
    });
    expect(describeFsError(Object.assign(new Error('EACCES'), { code: 'EACCES' }))).toBe('permission denied');
    const rare = Object.assign(new Error("EMFILE: too many open files, open '/a/b.md'"), { code: 'EMFILE' });
    expect(describeFsError(rare)).toBe('EMFILE: too many open files');
    expect(describeFsError('gone')).toBe('gone');
  });
});

describe('mayFindConfig: which config files discovery from a folder may find', () => {
  it('is a .nuancerc.yaml in the folder or above it, nothing else', () => {
    const root = path.resolve('/work/team');
    const deep = path.join(root, 'drafts', '2026');
    expect(mayFindConfig(path.join(root, '.nuancerc.yaml'), deep)).toBe(true);
    expect(mayFindConfig(path.join(deep, '.nuancerc.yaml'), deep)).toBe(true);
    expect(mayFindConfig(path.join(deep, 'sub', '.nuancerc.yaml'), deep)).toBe(false);
    expect(mayFindConfig(path.join(root, 'other', '.nuancerc.yaml'), deep)).toBe(false);
    expect(mayFindConfig(path.join(root, 'pack.yaml'), deep)).toBe(false);
  });
});

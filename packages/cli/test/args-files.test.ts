import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../src/args.js';
import { collectFiles, displayPath } from '../src/files.js';
import { displayWidth } from '../src/reporters/text-width.js';
import { FIXTURES, withTempDir } from './helpers.js';

describe('parseCommand', () => {
  it('defaults to check on the given paths with stylish output', () => {
    expect(parseCommand([])).toEqual({ name: 'check', paths: [], format: 'stylish' });
    expect(parseCommand(['a.md', '--format', 'json', 'b'])).toEqual({
      name: 'check',
      paths: ['a.md', 'b'],
      format: 'json',
    });
    expect(parseCommand(['check', 'docs', '--config=x.yaml'])).toEqual({
      name: 'check',
      paths: ['docs'],
      format: 'stylish',
      config: 'x.yaml',
    });
  });

  it('parses every check option', () => {
    expect(
      parseCommand([
        'docs/**/*.md',
        '-f',
        'sarif',
        '-o',
        'out.sarif',
        '-q',
        '--max-warnings',
        '0',
        '--fix',
        '--lang',
        'zh-CN',
        '--audience',
        'zh,ko',
        '--audience',
        'en',
      ]),
    ).toEqual({
      name: 'check',
      paths: ['docs/**/*.md'],
      format: 'sarif',
      output: 'out.sarif',
      quiet: true,
      maxWarnings: 0,
      fix: true,
      lang: 'zh-CN',
      audience: ['zh', 'ko', 'en'],
    });
    expect(parseCommand(['--stdin', '--stdin-filename', 'a.zh.md', '--fix-dry-run', '-f', 'github'])).toEqual(
      {
        name: 'check',
        paths: [],
        format: 'github',
        stdin: true,
        stdinFilename: 'a.zh.md',
        fixDryRun: true,
      },
    );
  });

  it('parses init, explain and rules list', () => {
    expect(parseCommand(['init'])).toEqual({ name: 'init' });
    expect(parseCommand(['explain', 'x/y', '--audience', 'zh'])).toEqual({
      name: 'explain',
      rule: 'x/y',
      audience: ['zh'],
    });
    expect(parseCommand(['rules', 'list', '--format', 'json', '-c', 'c.yaml'])).toEqual({
      name: 'rules-list',
      format: 'json',
      config: 'c.yaml',
    });
  });

  it('parses rules test, help and version', () => {
    expect(parseCommand(['rules', 'test'])).toEqual({ name: 'rules-test' });
    expect(parseCommand(['rules', 'test', 'my.yaml'])).toEqual({ name: 'rules-test', pack: 'my.yaml' });
    expect(parseCommand(['--help', 'x'])).toEqual({ name: 'help' });
    expect(parseCommand(['-v'])).toEqual({ name: 'version' });
  });

  it('throws a usage error for bad input', () => {
    expect(() => parseCommand(['--format'])).toThrow(UsageError);
    expect(() => parseCommand(['--format', 'xml'])).toThrow(
      'Unexpected value `xml` for `--format`, expected `stylish`, `json`, `sarif`, `github` or `html`',
    );
    expect(() => parseCommand(['rules'])).toThrow('Missing subcommand');
    expect(() => parseCommand(['--max-warnings=-1'])).toThrow('expected a whole number');
    expect(() => parseCommand(['--max-warnings', 'many'])).toThrow('expected a whole number');
    expect(() => parseCommand(['--fix', '--fix-dry-run'])).toThrow('cannot be used together');
    expect(() => parseCommand(['--stdin', 'a.md'])).toThrow('give no paths');
    expect(() => parseCommand(['--stdin-filename', 'a.md'])).toThrow('needs `--stdin`');
    expect(() => parseCommand(['--lang', 'chinese!'])).toThrow('for `--lang`, expected a BCP 47');
    expect(() => parseCommand(['--audience', 'zh,'])).toThrow('Unexpected value `` for `--audience`');
    expect(() => parseCommand(['explain'])).toThrow('Missing rule');
    expect(() => parseCommand(['explain', 'a', 'b'])).toThrow('takes one rule');
    expect(() => parseCommand(['rules', 'list', '--format', 'sarif'])).toThrow(
      'expected `stylish` or `json`',
    );
    expect(() => parseCommand(['rules', 'list', '--fix'])).toThrow('`--fix` applies to `nuance check` only');
    expect(() => parseCommand(['init', '--config', 'x'])).toThrow('does not apply to `nuance init`');
    expect(() => parseCommand(['init', 'here'])).toThrow('takes no arguments');
    expect(() => parseCommand(['rules', 'test', 'a', 'b'])).toThrow('at most one pack');
  });
});

describe('displayPath', () => {
  it('gives what path.relative gives, with / separators, for paths under the folder and elsewhere', () => {
    const reference = (file: string, cwd: string) =>
      (path.relative(cwd, file) || path.basename(file)).split(path.sep).join('/');
    const cwds = ['/work/drafts', '/work/drafts/', '/', '/work/./drafts', 'relative/dir', '/work/drafts/..'];
    const files = [
      '/work/drafts/a.md',
      '/work/drafts/sub/b.zh.md',
      '/work/drafts',
      '/work/drafts/',
      '/work/drafts2/c.md',
      '/work/drafts/./d.md',
      '/work/drafts/../e.md',
      '/work/drafts//f.md',
      '/work/drafts/.hidden/g.md',
      '/work/drafts/..h.md',
      '/work/drafts/sub/',
      '/work/other/i.md',
      '/j.md',
      'relative/dir/k.md',
    ];
    for (const cwd of cwds) {
      for (const file of files)
        expect(displayPath(file, cwd), `${file} from ${cwd}`).toBe(reference(file, cwd));
    }
  });
});

describe('collectFiles', () => {
  const basic = path.join(FIXTURES, 'basic');
  const names = (files: string[]) => files.map((f) => displayPath(f, basic));

  it('walks a folder in path order, skipping dot-folders and other extensions', async () => {
    const { files, errors } = await collectFiles([], basic);
    expect(errors).toEqual([]);
    expect(names(files)).toEqual(['a.md', 'b.txt', 'clean.md', 'notes/c.markdown']);
  });

  it('reports a missing path and lints an explicitly named dot-folder', async () => {
    const { files, errors } = await collectFiles(['missing', '.hidden', 'a.md'], basic);
    expect(names(files)).toEqual(['.hidden/d.md', 'a.md']);
    expect(errors).toEqual(['No such file or folder: `missing`']);
  });

  it('reports an explicit folder with nothing to lint', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'empty', 'sub'), { recursive: true });
      await writeFile(path.join(dir, 'empty', 'sub', 'notes.rst'), 'x');
      const { files, errors } = await collectFiles(['empty'], dir);
      expect(files).toEqual([]);
      expect(errors).toEqual(['No Markdown or text files in `empty`']);
    });
  });
});

describe('displayWidth', () => {
  it('counts wide characters as two cells', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('务实外交')).toBe(8);
    expect(displayWidth('실용외교')).toBe(8);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('takes widths from the Unicode tables, beyond the CJK blocks', () => {
    // Emoji and full-width forms are wide; joiners, variation selectors and soft hyphens take no cell.
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('務實\u200d\ufe0f\u00ad')).toBe(4);
    expect(displayWidth('한국 — “务实”')).toBe(13);
  });
});

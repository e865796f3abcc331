// The plugin in a unified pipeline of one's own (in-process, from the sources): discovery, the
// config's `ignore`, problems as messages, and options.
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import remarkNuance from '../src/index.js';

const DRAFT = '# 声明\n\n新政府奉行实用外交。\n';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nuance-remark-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lint(file: string, options?: unknown) {
  const processor = unified().use(remarkParse).use(remarkNuance, options);
  const vfile = new VFile({ path: file, cwd: dir, value: DRAFT });
  await processor.run(processor.parse(vfile), vfile);
  return vfile.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal}`);
}

describe('remarkNuance', () => {
  it('lints with the defaults where there is no config', async () => {
    expect(await lint('draft.md')).toEqual(['3:6 korea-china/wushi-not-shiyong true']);
  });

  it('follows the nearest .nuancerc.yaml: its ignore, and its problems on the document', async () => {
    await mkdir(path.join(dir, 'team', 'archive'), { recursive: true });
    await writeFile(
      path.join(dir, 'team', '.nuancerc.yaml'),
      'packs: [korea-china, ./missing.yaml]\nignore: ["archive/**"]\n',
    );
    expect(await lint('team/archive/old.md')).toEqual([]);
    expect(await lint('team/draft.md')).toEqual([
      '1:1 pack/unreadable-pack true',
      '3:6 korea-china/wushi-not-shiyong true',
    ]);
  });

  it('applies a config edited or created between two lints (vscode-remark lives long)', async () => {
    await mkdir(path.join(dir, 'team'));
    const config = path.join(dir, 'team', '.nuancerc.yaml');
    await writeFile(config, 'rules:\n  korea-china/wushi-not-shiyong: off\n');
    expect(await lint('team/draft.md')).toEqual([]);
    await writeFile(config, 'rules:\n  korea-china/wushi-not-shiyong: info\n');
    // A modification time of its own: two writes in one clock tick would look unchanged.
    await utimes(config, new Date(), new Date(Date.now() + 5_000));
    expect(await lint('team/draft.md')).toEqual(['3:6 korea-china/wushi-not-shiyong undefined']);
    expect(await lint('other.md')).toEqual(['3:6 korea-china/wushi-not-shiyong true']);
    await writeFile(path.join(dir, '.nuancerc.yaml'), 'rules:\n  korea-china/wushi-not-shiyong: warning\n');
    expect(await lint('other.md')).toEqual(['3:6 korea-china/wushi-not-shiyong false']);
  });

  it('takes settings as options, over the file', async () => {
    expect(await lint('draft.md', { rules: { 'korea-china/wushi-not-shiyong': 'warning' } })).toEqual([
      '3:6 korea-china/wushi-not-shiyong false',
    ]);
    await expect(lint('draft.md', { severity: 'high' })).rejects.toThrow(
      'Invalid options for @nuance/remark-nuance: Unknown key `severity`',
    );
    await expect(lint('draft.md', 'korea-china')).rejects.toThrow('expected an object of settings');
  });
});

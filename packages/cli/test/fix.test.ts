import { chmod, lstat, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePacks, type Finding, parsePack, type RuleSet } from '@nuance/core';
import { builtinPack } from '@nuance/rules';
import { lintDocument } from '@nuance/unified';
import { describe, expect, it } from 'vitest';
import { fixDiff, planFixes } from '../src/fix/plan.js';
import { writeFix } from '../src/fix/write-fix.js';
import { decodeDocument, type Snapshot } from '../src/read-file.js';
import { withTempDir } from './helpers.js';

function ruleSetOf(yaml: string, file: string): RuleSet {
  const { pack, problems } = parsePack(yaml, file);
  expect(problems).toEqual([]);
  return compilePacks([pack!]).ruleSet;
}

const koreaChina = ruleSetOf(builtinPack('korea-china')!.text, 'korea-china/pack.yaml');

// 북괴 ends in a vowel (북괴가) and 북한 in a consonant (북한이): the particle must change with it.
const korean = ruleSetOf(
  `pack: k
rules:
  - id: k/bukhan
    kind: term
    severity: error
    message: Use \`{expected}\` instead of \`{actual}\`
    terms:
      ko: [북한, {text: 북괴, status: deprecated}]
`,
  'k.yaml',
);

// Pass 1 applies o/a (beta -> gamma) and skips o/b's overlapping edit; pass 2 sees "gamma delta".
const overlapping = ruleSetOf(
  `pack: o
rules:
  - {id: o/a, kind: term, severity: error, message: m, terms: {en: [alpha gamma, {text: alpha beta, status: deprecated}]}}
  - {id: o/b, kind: term, severity: error, message: m, terms: {en: [zeta delta, {text: beta delta, status: deprecated, use: bxta delta}]}}
  - {id: o/c, kind: term, severity: error, message: m, terms: {en: [omega delta, {text: gamma delta, status: deprecated}]}}
`,
  'o.yaml',
);

const linter =
  (file: string, ruleSet: RuleSet = koreaChina) =>
  (text: string): Finding[] =>
    lintDocument({ text, path: file, ruleSet }).findings;

async function snapshotOf(file: string, displayPath = path.basename(file)): Promise<Snapshot> {
  const bytes = new Uint8Array(await readFile(file));
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) throw new Error(decoded.finding.message);
  const info = await stat(file);
  return {
    path: file,
    displayPath,
    bytes,
    text: decoded.text,
    bom: decoded.bom,
    mode: info.mode,
  };
}

interface FixFileResult {
  findings: Finding[];
  fixed: number;
  written: boolean;
  diff?: string;
}

/** What `nuance --fix` (or `--fix-dry-run`) does with one file: plan from its text, then write (or diff). */
async function fixFile(
  snapshot: Snapshot,
  lint: (text: string) => Finding[],
  { dryRun }: { dryRun: boolean },
): Promise<FixFileResult> {
  const plan = planFixes(snapshot.text, lint);
  if (dryRun) {
    const diff = fixDiff(plan, snapshot.displayPath);
    if (diff === undefined) return { findings: plan.findings, fixed: 0, written: false };
    return { findings: plan.findings, fixed: plan.fixed, written: false, diff };
  }
  const { written, findings } = writeFix(snapshot, plan);
  return { findings, fixed: written ? plan.fixed : 0, written };
}

/** Write `content` as `name` in `dir`, fix it and return the result and the bytes on disk. */
async function fixContent(
  dir: string,
  name: string,
  content: string | Uint8Array,
  ruleSet: RuleSet = koreaChina,
  dryRun = false,
) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  const result = await fixFile(await snapshotOf(file), linter(file, ruleSet), { dryRun });
  return { file, result, bytes: await readFile(file), text: await readFile(file, 'utf8') };
}

const ruleIds = (findings: Finding[]) => findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);
const lineEndings = (text: string) => text.match(/\r\n|\r|\n/g) ?? [];

/** Only the fixed file: no temp file left behind. */
async function expectOnly(dir: string, names: string[]) {
  expect((await readdir(dir)).sort()).toEqual([...names].sort());
}

describe('planFixes', () => {
  it('plans from text alone: the fixed text, the findings left and those of the original', () => {
    const plan = planFixes('韩国奉行实用外交，中韩是战略合作伙伴关系。\n', linter('a.md'));
    expect(plan.text).toBe('韩国奉行实用外交，中韩是战略合作伙伴关系。\n');
    expect(plan.output).toBe('韩国奉行务实外交，中韩是战略合作伙伴关系。\n');
    expect(plan.fixed).toBe(1);
    expect(ruleIds(plan.findings)).toEqual(['1:13 korea-china/strategic-cooperative-partner']);
    expect(ruleIds(plan.original)).toEqual([
      '1:5 korea-china/wushi-not-shiyong',
      '1:13 korea-china/strategic-cooperative-partner',
    ]);
    expect(fixDiff(plan, 'a.md')).toBe(
      '--- a/a.md\n+++ b/a.md\n@@ -1,1 +1,1 @@\n-韩国奉行实用外交，中韩是战略合作伙伴关系。\n+韩国奉行务实外交，中韩是战略合作伙伴关系。\n',
    );
  });

  it('changes nothing and gives no diff when nothing is fixable', () => {
    const plan = planFixes('中韩是战略合作伙伴关系。\n', linter('a.md'));
    expect(plan).toMatchObject({ output: plan.text, fixed: 0 });
    expect(plan.findings).toEqual(plan.original);
    expect(fixDiff(plan, 'a.md')).toBeUndefined();
  });
});

describe('planFixes + writeFix write the fixes of the real engine', () => {
  it('keeps CRLF line endings, also inside a term wrapped over two lines', async () => {
    await withTempDir(async (dir) => {
      const before = '# 声明\r\n\r\n韩国奉行实用\r\n外交。\r\n新政府坚持实用路线。\r\n';
      const { result, text } = await fixContent(dir, 'crlf.md', before);
      expect(text).toBe('# 声明\r\n\r\n韩国奉行务实\r\n外交。\r\n新政府坚持务实路线。\r\n');
      expect(lineEndings(text)).toEqual(lineEndings(before));
      expect(result).toEqual({ findings: [], fixed: 2, written: true });
      await expectOnly(dir, ['crlf.md']);
    });
  });

  it('keeps lone CR line endings', async () => {
    await withTempDir(async (dir) => {
      const before = '韩国奉行实用外交。\r\r新政府坚持实用路线。\r';
      const { result, text } = await fixContent(dir, 'mac.txt', before);
      expect(text).toBe('韩国奉行务实外交。\r\r新政府坚持务实路线。\r');
      expect(lineEndings(text)).toEqual(['\r', '\r', '\r']);
      expect(result.fixed).toBe(2);
    });
  });

  it('keeps the BOM, and the remaining findings count from the character after it', async () => {
    await withTempDir(async (dir) => {
      const before = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('中韩恢复战略合作伙伴关系，奉行实用外交。\n'),
      ]);
      const { result, bytes } = await fixContent(dir, 'bom.txt', before);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe('中韩恢复战略合作伙伴关系，奉行务实外交。\n');
      // The caution has no fix: it remains, at its place in the final text.
      expect(result.findings.map((f) => [f.ruleId, f.start, f.end, f.actual])).toEqual([
        ['korea-china/strategic-cooperative-partner', 4, 12, '战略合作伙伴关系'],
      ]);
      expect(result).toMatchObject({ fixed: 1, written: true });
    });
  });

  it('fixes a term after an emoji and a flag (surrogate pairs before the edit)', async () => {
    await withTempDir(async (dir) => {
      const { text, result } = await fixContent(dir, 'emoji.md', '😀🇰🇷 韩国奉行实用外交。😀\n');
      expect(text).toBe('😀🇰🇷 韩国奉行务实外交。😀\n');
      expect(result.fixed).toBe(1);
    });
  });

  it('writes the Traditional replacement in Traditional text', async () => {
    await withTempDir(async (dir) => {
      const { text } = await fixContent(
        dir,
        'hant.md',
        '韓國新政府奉行實用外交，這條實用主義外交路線兼顧各方。\n',
      );
      expect(text).toBe('韓國新政府奉行務實外交，這條務實外交路線兼顧各方。\n');
    });
  });

  it('re-selects a Korean particle for the replacement', async () => {
    await withTempDir(async (dir) => {
      const { text, result } = await fixContent(
        dir,
        'ko.md',
        '북괴가 도발했다.\n\n정부는 북괴를 규탄하고 북괴와의 대화를 촉구했다.\n',
        korean,
      );
      expect(text).toBe('북한이 도발했다.\n\n정부는 북한을 규탄하고 북한과의 대화를 촉구했다.\n');
      expect(result).toEqual({ findings: [], fixed: 3, written: true });
    });
  });

  it('retries overlapping fixes over passes', async () => {
    await withTempDir(async (dir) => {
      const { text, result } = await fixContent(dir, 'overlap.txt', 'alpha beta delta\n', overlapping);
      expect(text).toBe('alpha omega delta\n');
      expect(result).toEqual({ findings: [], fixed: 2, written: true });
    });
  });

  it('is idempotent: fixing the output again changes and writes nothing', async () => {
    await withTempDir(async (dir) => {
      const { file, text } = await fixContent(dir, 'twice.md', '韩国奉行实用外交。新政府坚持实用路线。\n');
      expect(text).toBe('韩国奉行务实外交。新政府坚持务实路线。\n');
      const before = await stat(file);
      const again = await fixFile(await snapshotOf(file), linter(file), { dryRun: false });
      expect(again).toEqual({ findings: [], fixed: 0, written: false });
      const after = await stat(file);
      expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    });
  });

  it('keeps the file mode', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'mode.md');
      await writeFile(file, '韩国奉行实用外交。\n');
      await chmod(file, 0o640);
      const result = await fixFile(await snapshotOf(file), linter(file), { dryRun: false });
      expect(result.written).toBe(true);
      expect((await stat(file)).mode & 0o7777).toBe(0o640);
      expect(await readFile(file, 'utf8')).toBe('韩国奉行务实外交。\n');
    });
  });

  it('fixes the target of a symbolic link and keeps the link', async () => {
    await withTempDir(async (dir) => {
      const target = path.join(dir, 'target.md');
      const link = path.join(dir, 'link.md');
      await writeFile(target, '韩国奉行实用外交。\n');
      await symlink(target, link);
      const result = await fixFile(await snapshotOf(link), linter(link), { dryRun: false });
      expect(result.written).toBe(true);
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readFile(target, 'utf8')).toBe('韩国奉行务实外交。\n');
      await expectOnly(dir, ['link.md', 'target.md']);
    });
  });

  it('does not rewrite a file with nothing to fix', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'clean.md');
      const content = 'Seoul and Beijing restored the strategic cooperative partnership.\n';
      await writeFile(file, content);
      const old = new Date('2020-01-02T03:04:05Z');
      await utimes(file, old, old);
      const before = await stat(file);
      const result = await fixFile(await snapshotOf(file), linter(file), { dryRun: false });
      expect(result.written).toBe(false);
      expect(result.fixed).toBe(0);
      expect(ruleIds(result.findings)).toEqual(['1:32 korea-china/strategic-cooperative-partner']);
      const after = await stat(file);
      expect([after.ino, after.mtimeMs]).toEqual([before.ino, old.getTime()]);
      expect(await readFile(file, 'utf8')).toBe(content);
    });
  });
});

describe('planFixes + fixDiff (--fix-dry-run)', () => {
  it('returns the exact unified diff and writes nothing', async () => {
    await withTempDir(async (dir) => {
      const before = '# 声明\n\n第一段。\n\n韩国奉行实用外交。\n\n第三段。\n第四行。\n第五行。\n';
      const { result, text } = await fixContent(dir, 'draft.md', before, koreaChina, true);
      expect(text).toBe(before);
      expect(result.diff).toBe(
        [
          '--- a/draft.md',
          '+++ b/draft.md',
          '@@ -2,7 +2,7 @@',
          ' ',
          ' 第一段。',
          ' ',
          '-韩国奉行实用外交。',
          '+韩国奉行务实外交。',
          ' ',
          ' 第三段。',
          ' 第四行。',
          '',
        ].join('\n'),
      );
      expect(result).toMatchObject({ findings: [], fixed: 1, written: false });
      await expectOnly(dir, ['draft.md']);
    });
  });

  it('names the file by its display path and keeps CR in the diff lines', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'crlf.md');
      await writeFile(file, '实用路线\r\n');
      const snapshot = { ...(await snapshotOf(file)), displayPath: 'docs/crlf.md' };
      const result = await fixFile(snapshot, linter(file), { dryRun: true });
      expect(result.diff).toBe(
        '--- a/docs/crlf.md\n+++ b/docs/crlf.md\n@@ -1,1 +1,1 @@\n-实用路线\r\n+务实路线\r\n',
      );
    });
  });

  it('gives no diff when there is nothing to fix', async () => {
    await withTempDir(async (dir) => {
      const { result } = await fixContent(dir, 'clean.md', '韩国奉行务实外交。\n', koreaChina, true);
      expect(result).toEqual({ findings: [], fixed: 0, written: false });
    });
  });
});

describe('writeFix writes nothing it should not', () => {
  const ORIGINAL = '韩国奉行实用外交。\n';

  /** Not applied: the error at 1:1, then the findings of the original text; the file holds `expected`. */
  async function expectNotApplied(
    result: FixFileResult,
    message: string,
    file: string,
    expected: string,
  ): Promise<void> {
    expect(result.written).toBe(false);
    expect(result.fixed).toBe(0);
    expect(result.findings[0]).toEqual({
      ruleId: 'nuance/fix-not-applied',
      severity: 'error',
      message,
      start: 0,
      end: 0,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      actual: '',
      expected: [],
    });
    expect(result.findings.slice(1)).toEqual(linter(file)(ORIGINAL));
    expect(ruleIds(result.findings.slice(1))).toEqual(['1:5 korea-china/wushi-not-shiyong']);
    expect(await readFile(file, 'utf8')).toBe(expected);
    await expectOnly(path.dirname(file), [path.basename(file)]);
  }

  const CHANGED = 'The file changed since it was read; nothing was written (run the fix again)';

  it('refuses a file changed after it was read', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'changed.md');
      await writeFile(file, ORIGINAL);
      const snapshot = await snapshotOf(file);
      await writeFile(file, '韩国奉行实用外交。\n\n新增一段。\n');
      const result = await fixFile(snapshot, linter(file), { dryRun: false });
      await expectNotApplied(result, CHANGED, file, '韩国奉行实用外交。\n\n新增一段。\n');
    });
  });

  it('compares bytes, not the size and mtime', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'same-size.md');
      const when = new Date('2024-05-06T07:08:09Z');
      await writeFile(file, ORIGINAL);
      await utimes(file, when, when);
      const snapshot = await snapshotOf(file);
      await writeFile(file, '韩国奉行实用外交！\n'); // same byte length
      await utimes(file, when, when);
      expect((await stat(file)).mtimeMs).toBe(when.getTime());
      const result = await fixFile(snapshot, linter(file), { dryRun: false });
      await expectNotApplied(result, CHANGED, file, '韩国奉行实用外交！\n');
    });
  });

  it('refuses a file changed while the fix was being computed', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'racing.md');
      await writeFile(file, ORIGINAL);
      const snapshot = await snapshotOf(file);
      const lint = linter(file);
      let calls = 0;
      // An editor saves the file between the first lint and the write.
      const { writeFileSync } = await import('node:fs');
      const racing = (text: string) => {
        if (++calls === 2) writeFileSync(file, '编辑器保存了。\n');
        return lint(text);
      };
      const result = await fixFile(snapshot, racing, { dryRun: false });
      await expectNotApplied(result, CHANGED, file, '编辑器保存了。\n');
    });
  });

  it('refuses a file whose mode changed since it was read', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'chmod.md');
      await writeFile(file, ORIGINAL);
      await chmod(file, 0o644);
      const snapshot = await snapshotOf(file);
      await chmod(file, 0o600);
      const result = await fixFile(snapshot, linter(file), { dryRun: false });
      await expectNotApplied(result, CHANGED, file, ORIGINAL);
      expect((await stat(file)).mode & 0o7777).toBe(0o600);
    });
  });

  it('refuses a read-only file (by its mode bits, so also when run as root)', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'read-only.md');
      await writeFile(file, ORIGINAL);
      await chmod(file, 0o444);
      const result = await fixFile(await snapshotOf(file), linter(file), { dryRun: false });
      await expectNotApplied(result, 'The file is read-only; nothing was written', file, ORIGINAL);
      expect((await stat(file)).mode & 0o7777).toBe(0o444);
    });
  });

  it('reports a folder where the temporary file cannot be created', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'real.md');
      await writeFile(file, ORIGINAL);
      // The snapshot of a file whose folder has gone: creating the temp file there fails.
      const gone = path.join(dir, 'gone', 'draft.md');
      const snapshot = { ...(await snapshotOf(file)), path: gone, displayPath: 'gone/draft.md' };
      const result = await fixFile(snapshot, linter(file), { dryRun: false });
      await expectNotApplied(
        result,
        'Cannot create a temporary file in the folder `gone` (no such folder); nothing was written',
        file,
        ORIGINAL,
      );
    });
  });

  it('writes nothing on a dry run even for a read-only file', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'ro.md');
      await writeFile(file, ORIGINAL);
      await chmod(file, 0o444);
      const result = await fixFile(await snapshotOf(file), linter(file), { dryRun: true });
      expect(result).toMatchObject({ findings: [], fixed: 1, written: false });
      expect(result.diff).toContain('+韩国奉行务实外交。');
      expect(await readFile(file, 'utf8')).toBe(ORIGINAL);
    });
  });
});

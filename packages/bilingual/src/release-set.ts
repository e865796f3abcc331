// Release sets: `statement.ko.md`, `statement.zh.md`, `statement.en.md` (one stem, a language
// suffix, the same extension) are one text in several languages. The source is config
// `source-language`, else Korean when the set has a Korean file, else English; every other file
// is a target of it. Segments align one to one when both documents have the same structure (the
// same sequence of segment roles); otherwise they are aligned by length (`align.ts`).
import {
  createScanCache,
  type Finding,
  lintBilingual,
  RecentMap,
  type RuleSet,
  type ScanCache,
  type Segment,
} from '@nuance/core';
import {
  applyDirectives,
  type Directive,
  documentLanguage,
  documentTopic,
  formatOf,
  MarkdownDocument,
  textSegments,
} from '@nuance/unified';
import { alignSegments } from './align.js';
import { sourceColumn } from './tsv.js';

const MEMBER = /^(.*)\.([a-z]{2}(?:-[A-Za-z0-9]{1,8})*)\.(md|markdown|txt)$/iu;

function memberOf(path: string): { stem: string; lang: string; ext: string } | undefined {
  const m = MEMBER.exec(path);
  return m ? { stem: m[1] ?? '', lang: m[2] ?? '', ext: (m[3] ?? '').toLowerCase() } : undefined;
}

/** Whether `path` can be a member of a release set (a language suffix before `.md`/`.txt`). */
export function isReleaseSetMember(path: string): boolean {
  return memberOf(path) !== undefined;
}

/** A member of a release set: its path and language. */
export interface SetMember {
  path: string;
  lang: string;
}

// Per folder listing (a caller gives the same array again while the folder is unchanged: the CLI
// lists a folder once per run, config's `siblingFiles` keeps a listing while the folder is the
// same), its release-set members by stem and extension. Each file's set was found by reading the
// whole listing again: a CLI run over an archive of 1,000 release sets (3,000 files) took 3.6-4.0 s,
// 1.2 now (in a profile, 2.3 of its 5.0 s were there); a keystroke in one of its translations cost
// the server 6.4 ms of CPU, 2.0 now.
const indexes = new WeakMap<readonly string[], Map<string, SetMember[]>>();

function membersBySet(siblings: readonly string[]): Map<string, SetMember[]> {
  let index = indexes.get(siblings);
  if (index === undefined) {
    index = new Map();
    for (const path of siblings) {
      const m = memberOf(path);
      if (m === undefined) continue;
      const key = `${m.ext}\0${m.stem}`;
      const members = index.get(key);
      if (members) members.push({ path, lang: m.lang });
      else index.set(key, [{ path, lang: m.lang }]);
    }
    indexes.set(siblings, index);
  }
  return index;
}

/**
 * The other members of `file`'s release set among `siblings` (paths in its folder, `file` among
 * them or not; a listing not changed once given), in the listing's order; none when `file` is no
 * member of a set.
 */
export function releaseSetMembers(file: string, siblings: readonly string[]): SetMember[] {
  const me = memberOf(file);
  if (!me) return [];
  const members = membersBySet(siblings).get(`${me.ext}\0${me.stem}`) ?? [];
  return members.filter((m) => m.path !== file);
}

/**
 * The source document of `file`'s release set among `siblings` (as `releaseSetMembers` takes
 * them), or undefined when `file` is no member of a set or is its source.
 */
export function releaseSetSource(
  file: string,
  siblings: readonly string[],
  sourceLanguage?: string,
): string | undefined {
  const me = memberOf(file);
  if (!me) return undefined;
  const members = releaseSetMembers(file, siblings);
  if (members.length === 0) return undefined;
  const source = sourceColumn([{ path: file, lang: me.lang }, ...members], sourceLanguage);
  return source && source.path !== file ? source.path : undefined;
}

interface Parsed {
  segments: Segment[];
  directives: Directive[];
  lang?: string | undefined;
  topic: string[];
  /** A Markdown document's entry among the recent ones. */
  recent?: Recent;
}

/**
 * The Markdown documents read lately, by path, the last used last: at an edit of a translation in
 * the editor only the blocks it touched are split and parsed again, and a source read for each of
 * its targets is parsed once. A text over RECENT_TEXT characters is not kept.
 */
interface Recent {
  markdown: MarkdownDocument;
  /** As a target: the scans and findings of its last lint (core's ScanCache); as a source, its scans. */
  scans?: ScanCache;
  /**
   * What `parse` gave for the last text, with the options it was given: a source is parsed again
   * at every edit of its translation, and its text is the same string while its file is unchanged
   * (config's `siblingFiles`). At 100 K its segments, language and topic took 2 ms of each edit.
   */
  last?: { text: string; lang: string | undefined; topic: readonly string[] | undefined; parsed: Parsed };
}
const recent = new RecentMap<string, Recent>({ entries: 8 });
const RECENT_TEXT = 2_000_000;

function recentOf(path: string, text: string): Recent {
  const entry = recent.get(path) ?? { markdown: new MarkdownDocument() };
  entry.markdown.update(text);
  if (text.length <= RECENT_TEXT) recent.set(path, entry);
  else recent.delete(path);
  return entry;
}

function parse(
  doc: { path: string; text: string },
  options: { lang?: string | undefined; topic?: readonly string[] | undefined },
): Parsed {
  const format = formatOf(doc.path);
  const known = format === 'markdown' ? recent.get(doc.path)?.last : undefined;
  if (
    known &&
    known.text === doc.text &&
    known.lang === options.lang &&
    sameList(known.topic ?? [], options.topic ?? [])
  ) {
    return known.parsed;
  }
  const lang = documentLanguage({ text: doc.text, path: doc.path, lang: options.lang, format });
  const topic = documentTopic({ text: doc.text, path: doc.path, format, topic: options.topic });
  if (format === 'markdown') {
    // Block by block, a plain block without remark: the segments of one full parse (unified's
    // test all-segments.test.ts), in a fifth of the time over a long release.
    const entry = recentOf(doc.path, doc.text);
    const parsed: Parsed = { ...entry.markdown.allSegments(), lang, topic, recent: entry };
    entry.last = { text: doc.text, lang: options.lang, topic: options.topic, parsed };
    return parsed;
  }
  return { ...textSegments(doc.text), lang, topic };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The findings of a release set's translation, linted against its source document. */
export function lintReleaseTarget(
  target: { path: string; text: string },
  source: { path: string; text: string; shown: string },
  options: { ruleSet: RuleSet; topic?: readonly string[] | undefined; lang?: string | undefined },
): Finding[] {
  const t = parse(target, options);
  const s = parse(source, { topic: options.topic ?? [] });
  if (t.recent) t.recent.scans ??= createScanCache();
  if (s.recent) s.recent.scans ??= createScanCache();
  const findings = lintBilingual(
    {
      source: { text: source.text, segments: s.segments, lang: s.lang, topic: s.topic, path: source.shown },
      target: { text: target.text, segments: t.segments, lang: t.lang, topic: t.topic },
      units: alignSegments(s.segments, t.segments),
      cache: t.recent?.scans,
      sourceCache: s.recent?.scans,
    },
    options.ruleSet,
  );
  return applyDirectives(findings, t.directives, target.text, options.ruleSet);
}

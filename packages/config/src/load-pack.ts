/// <reference types="node" />
import { type Stats, statSync } from 'node:fs';
import path from 'node:path';
import {
  applyPackLocale,
  hasUtf8Bom,
  type PackOptions,
  type ParsedPack,
  type Problem,
  parsePack,
  stripBom,
} from '@nuance/core';
import { type BuiltinPack, builtinPack, builtinPackNames as packNames } from '@nuance/rules';
import { type DigestMemo, type FileIdentity, identityOf, sameFile } from './digest-memo.js';
import { hashBytes, hashLoadsCrypto } from './node-crypto.js';
import { isTermbaseFile, parseTermbase } from './termbase/load.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  decodeText,
  describeFsError,
  readRegularFile,
  readRegularFileSync,
  readText,
} from './text-file.js';

export interface LoadedPack {
  pack?: ParsedPack;
  problems: Problem[];
}

/** Names of the packs that ship with nuance (`korea-china`...). */
export function builtinPackNames(): string[] {
  return packNames();
}

/**
 * A bare kebab-case word names a built-in pack; an npm package name (`@org/x`, `nuance-pack-x`)
 * names a package's pack; anything else (a path separator, a leading dot, an extension: `.yaml`,
 * `.tbx`, `.csv`, `.tsv`) is a file. Keeping the spellings disjoint means a file next to the
 * config can never shadow a built-in pack by accident.
 */
export function isBuiltinPackName(nameOrPath: string): boolean {
  // `nuance-pack-*` is kept for packs published as npm packages (package-pack.ts).
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(nameOrPath) && !nameOrPath.startsWith('nuance-pack-');
}

/**
 * A pack as read, before parsing: what a compiled rule set is cached by (rule-set-cache.ts). `file`
 * is absolute, or a built-in pack's display name; `text` has no BOM.
 */
export interface PackSource {
  /** As the config names it. */
  name: string;
  file: string;
  readonly text: string;
  /**
   * A pack file by the hash of its bytes (`hashBytes`): what the rule-set cache knows it by, so that a run
   * that finds its rule set there never decodes the text (FileSource). A built-in pack has none.
   * `memo`: the cache's digests of large files, by their identity (digest-memo.ts).
   */
  digest?(memo?: DigestMemo): string;
  /** A built-in pack's locale texts are in memory; a pack file's are files beside it. */
  builtin?: BuiltinPack;
  termbase?: boolean;
  /** A termbase's options from the config (`subjects`, `key-terms`): part of what it compiles to. */
  options?: PackOptions;
}

/** A locale file a pack names, as read when the pack was parsed. */
export interface LocaleRead {
  file: string;
  /** Without its BOM; undefined when it could not be read (`error` says why). */
  text: string | undefined;
  error?: string;
}

/**
 * Load one pack by built-in name or by path (relative to `baseDir`); `options` are a termbase's
 * (`subjects`, `key-terms`: README, Termbases as packs). Parsing only: a pack is data,
 * and its examples run in `nuance rules test`, never here.
 * A pack that cannot be found or read gives an `unreadable-pack` problem at line 1, column 1 of the
 * missing file; callers that know where the pack was named (a config file) re-position it.
 */
export async function loadPack(
  nameOrPath: string,
  baseDir: string,
  options?: PackOptions,
): Promise<LoadedPack> {
  const read = await readPackSource(nameOrPath, baseDir, options);
  return 'problems' in read ? read : parsePackSource(read);
}

/**
 * The first half of `loadPack`: a pack's text, or why it cannot be read. `memo`: the rule-set
 * cache's digests of large pack files (digest-memo.ts): a file it remembers as it is now is not
 * read until its text is asked for (a run whose rule set is cached never asks).
 */
export async function readPackSource(
  nameOrPath: string,
  baseDir: string,
  options?: PackOptions,
  memo?: DigestMemo,
): Promise<PackSource | { problems: Problem[] }> {
  if (isBuiltinPackName(nameOrPath)) {
    const builtin = builtinPack(nameOrPath);
    if (!builtin) {
      const known = builtinPackNames()
        .map((n) => `\`${n}\``)
        .join(', ');
      return {
        problems: [
          packProblem(
            nameOrPath,
            `Unknown built-in pack \`${nameOrPath}\`, expected ${known || 'none'} or a path to a pack file`,
          ),
        ],
      };
    }
    return { name: nameOrPath, file: builtin.file, text: builtin.text, builtin };
  }
  const file = path.resolve(baseDir, nameOrPath);
  const remembered = memo ? rememberedSource(nameOrPath, file, memo, options) : undefined;
  if (remembered) return remembered;
  let read: FileRead;
  try {
    // The time before the read: what a digest remembered by the file's identity is checked against.
    const readAt = Date.now();
    const { bytes, stats } = await readRegularFile(file);
    read = { bytes, identity: identityOf(stats), readAt };
  } catch (error) {
    return { problems: [packProblem(file, `Cannot read pack \`${nameOrPath}\`: ${describeFsError(error)}`)] };
  }
  // A TBX, CSV or TSV termbase: its concepts become term rules (README: Termbases as packs).
  if (isTermbaseFile(file)) return new FileSource(nameOrPath, file, read, true, options);
  const bytes = read.bytes as Uint8Array;
  // Not a pack (a key file, /etc/shadow): its problems would quote its lines; say only that.
  if (!startsALine(bytes, PACK_KEY)) return { problems: [packProblem(file, notAPack(nameOrPath))] };
  return new FileSource(nameOrPath, file, read, false, undefined);
}

/**
 * A pack file whose digest `memo` remembers for the file as it is now (its device, inode, size,
 * modification and change times), left unread: the 10,000-term pack's 2.6 MB were read at every
 * run, a fresh buffer of page faults on the thread pool while this thread waited, to key a rule
 * set the cache then gave. The memo remembers only the digests of files read as packs (past the
 * `pack:` check below) or termbases, and a file of the same identity has the same bytes. Anything
 * the stat cannot vouch for (no such file, not a regular file, too large, a small file that is
 * hashed at once) takes the read below, with its checks and problems.
 */
function rememberedSource(
  name: string,
  file: string,
  memo: DigestMemo,
  options: PackOptions | undefined,
): FileSource | undefined {
  const readAt = Date.now();
  let identity: FileIdentity;
  try {
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > DEFAULT_MAX_FILE_BYTES || !hashLoadsCrypto(stats.size))
      return undefined;
    identity = identityOf(stats);
  } catch {
    return undefined;
  }
  if (memo.known(file, identity) === undefined) return undefined;
  const termbase = isTermbaseFile(file);
  return new FileSource(
    name,
    file,
    { bytes: undefined, identity, readAt },
    termbase,
    termbase ? options : undefined,
  );
}

/**
 * A pack file left unread (`rememberedSource`) that could not be read when its bytes were asked
 * for (gone, or no pack any more): compileSources reports it as a pack that cannot be read.
 */
export class PackReadError extends Error {}

function notAPack(name: string): string {
  return `Cannot read pack \`${name}\`: it is not a nuance pack (no top-level \`pack:\` key), so nothing of it is shown`;
}

/** A pack file as read (`bytes` undefined: not yet, `rememberedSource`), its identity then, and when the read began. */
interface FileRead {
  bytes: Uint8Array | undefined;
  identity: FileIdentity;
  readAt: number;
}

/** `pack:` in UTF-8. */
const PACK_KEY = new TextEncoder().encode('pack:');

/**
 * Whether a line of UTF-8 `bytes` starts with `key` (ASCII), as `/^key/m` tests the decoded text:
 * at the start (after a BOM) or after a line terminator (LF, CR, U+2028, U+2029).
 */
export function startsALine(bytes: Uint8Array, key: Uint8Array): boolean {
  const bom = hasUtf8Bom(bytes) ? 3 : 0;
  for (let at = indexOfBytes(bytes, key, bom); at !== -1; at = indexOfBytes(bytes, key, at + 1)) {
    if (at === bom) return true;
    const before = bytes[at - 1];
    if (before === 0x0a || before === 0x0d) return true;
    // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
    if (
      at - bom >= 3 &&
      bytes[at - 3] === 0xe2 &&
      bytes[at - 2] === 0x80 &&
      (before === 0xa8 || before === 0xa9)
    ) {
      return true;
    }
  }
  return false;
}

function indexOfBytes(bytes: Uint8Array, key: Uint8Array, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(key, from);
}

/**
 * A pack read from a file (a YAML pack or a termbase), its text decoded when first asked for: a
 * run whose rule set comes from the cache needs only the digest of its bytes (a 10,000-concept
 * TBX is 7.5 MB, a pack of 10,000 terms 2.6 MB: decoding it, and hashing the text, which encodes
 * it again, were a fifth of such a run).
 */
class FileSource implements PackSource {
  readonly options?: PackOptions;
  private decoded: string | undefined;
  private hash: string | undefined;
  /** Kept until both the text and the digest are made from them. */
  private bytes: Uint8Array | undefined;
  /** Not read yet (`rememberedSource`): read when the text, or a digest the memo lacks, is asked for. */
  private unread: boolean;
  private identity: FileIdentity;
  private readAt: number;

  constructor(
    readonly name: string,
    readonly file: string,
    read: FileRead,
    readonly termbase: boolean,
    options: PackOptions | undefined,
  ) {
    this.bytes = read.bytes;
    this.unread = read.bytes === undefined;
    this.identity = read.identity;
    this.readAt = read.readAt;
    if (options) this.options = options;
  }

  digest(memo?: DigestMemo): string {
    if (this.hash === undefined) {
      // Left unread and not remembered (any more): read first, so that the digest is remembered
      // for the file as it was read.
      if (this.unread && memo?.known(this.file, this.identity) === undefined) this.readNow();
      const compute = () => hashBytes(this.read());
      // A small file is hashed in a fraction of a millisecond: only a large one is remembered.
      this.hash =
        memo && hashLoadsCrypto(this.identity.size)
          ? memo.digestOf(this.file, this.identity, this.readAt, compute)
          : compute();
    }
    if (this.decoded !== undefined) this.bytes = undefined;
    return this.hash;
  }

  get text(): string {
    this.decoded ??= stripBom(decodeText(this.read()));
    if (this.hash !== undefined) this.bytes = undefined;
    return this.decoded;
  }

  private read(): Uint8Array {
    if (this.unread) this.readNow();
    if (!this.bytes) throw new Error(`${this.file}: its bytes were let go before they were read`);
    return this.bytes;
  }

  /**
   * The bytes of a source left unread. A file changed since its stat is read as it is now, and a
   * digest given for it before is made again from these bytes (compileSources stores a rule set
   * under the key of the digests its packs have once read, not the one it looked up); one that
   * is no pack now is refused as a pack read at once is.
   */
  private readNow(): void {
    const readAt = Date.now();
    let read: { bytes: Uint8Array; stats: Stats };
    try {
      read = readRegularFileSync(this.file);
    } catch (error) {
      throw new PackReadError(`Cannot read pack \`${this.name}\`: ${describeFsError(error)}`);
    }
    this.unread = false;
    const identity = identityOf(read.stats);
    if (!sameFile(identity, this.identity)) {
      // Its checks, as readPackSource makes them of a file it reads.
      if (!this.termbase && !startsALine(read.bytes, PACK_KEY)) throw new PackReadError(notAPack(this.name));
      this.identity = identity;
      this.readAt = readAt;
      this.hash = undefined;
    }
    this.bytes = read.bytes;
  }
}

/**
 * The second half of `loadPack`: the pack parsed, with the texts of the locale files it names;
 * `locales` collects each locale file read from disk (a cached rule set depends on them).
 */
export async function parsePackSource(source: PackSource, locales: LocaleRead[] = []): Promise<LoadedPack> {
  if (source.termbase) return parseTermbase(source.text, source.file, source.options);
  const loaded = parsed(source.text, source.file);
  const named = loaded.pack?.definition.locales;
  if (!source.builtin && named) {
    for (const relative of Object.values(named)) {
      const file = path.resolve(path.dirname(source.file), relative);
      if (locales.some((read) => read.file === file)) continue;
      try {
        locales.push({ file, text: stripBom(await readText(file)) });
      } catch (error) {
        locales.push({ file, text: undefined, error: describeFsError(error) });
      }
    }
  }
  return withLocales(source, loaded, locales);
}

/** `parsePackSource` with its locale files already read (a cached rule set's packs, parsed when asked for). */
export function parsePackSourceSync(source: PackSource, locales: readonly LocaleRead[]): LoadedPack {
  if (source.termbase) return parseTermbase(source.text, source.file, source.options);
  return withLocales(source, parsed(source.text, source.file), locales);
}

type LocaleName = 'zh-Hans' | 'zh-Hant' | 'ko';

/**
 * The pack with the texts of the locale files its `locales` names (a built-in pack's from memory,
 * a pack file's from `locales`); a file that cannot be read is a problem located at its entry in
 * the pack, and the pack keeps English texts for that locale.
 */
function withLocales(source: PackSource, loaded: LoadedPack, locales: readonly LocaleRead[]): LoadedPack {
  const pack = loaded.pack;
  if (!pack?.definition.locales) return loaded;
  for (const [locale, relative] of Object.entries(pack.definition.locales) as [LocaleName, string][]) {
    let text: { file: string; text: string } | undefined;
    if (source.builtin) text = source.builtin.locales?.[locale];
    else {
      const file = path.resolve(path.dirname(source.file), relative);
      const read = locales.find((each) => each.file === file);
      if (read?.text !== undefined) text = { file, text: read.text };
      else {
        const why = read?.error ?? 'no such file or folder';
        const problem = packProblem(file, `Cannot read locale file \`${relative}\`: ${why}`);
        loaded.problems.push({ ...problem, file: pack.file, ...pack.locate(['locales', locale]) });
        continue;
      }
    }
    if (text === undefined) continue;
    for (const problem of applyPackLocale(pack, locale, text)) loaded.problems.push(problem);
  }
  return loaded;
}

function parsed(text: string, file: string): LoadedPack {
  const { pack, problems } = parsePack(text, file);
  return pack ? { pack, problems } : { problems };
}

/** An `unreadable-pack` problem at 1:1 of `file` (a config re-positions it on its `packs` entry). */
export function packProblem(file: string, message: string): Problem {
  return { code: 'unreadable-pack', message, file, line: 1, column: 1, severity: 'error' };
}

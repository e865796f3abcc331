/// <reference types="node" />
// Where a rule's documentation is, for `codeDescription.href`, the hover and Explain: the rule's
// own `url` (or its pack's homepage, which core already folds into it); else, for a rule of a
// built-in pack (or a tool rule, `nuance/...`), that pack's generated README in a folder the
// client names (`initializationOptions.packDocs`: the VS Code extension ships them), at the rule's
// heading;
// else, for a rule of a pack file, that file at the rule's `id`. Places in files are `#L<line>`
// fragments, which editors open at that line. Never an invented web address.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinPackNames, type LoadedConfig } from '@nuance/config';
import { type ParsedPack, ruleIdLines } from '@nuance/core';

/**
 * Where the rules of a config's pack files are written, found when first asked and kept with the
 * config's load (a new load, after an edit of a pack, is looked up afresh). A YAML pack's rules are
 * found by reading its lines (core's `ruleIdLines`); a termbase, or a YAML pack in a form those
 * lines do not read, from the parsed packs (`ParsedPack.locate`). With a 10,000-rule termbase, the
 * parsed packs took an editor's first diagnostics from 0.15 to 2.3-2.8 s: the pack parsed, then its
 * YAML again with positions, and each rule looked for through every rule.
 */
export class PackRules {
  private readonly lines = new Map<string, Map<string, number> | undefined>();
  private readonly indexes = new Map<ParsedPack, Map<string, number>>();

  constructor(
    /** The pack files (absolute), in the config's order. */
    readonly files: readonly string[],
    /** The config's packs, parsed when first read (a file the lines do not place). */
    private readonly parsed: () => readonly ParsedPack[],
  ) {}

  /** The first pack file's link to rule `ruleId`, at its `id`; undefined when no pack file has it. */
  href(ruleId: string): string | undefined {
    for (const file of this.files) {
      const lines = this.linesOf(file);
      if (lines !== undefined) {
        const line = lines.get(ruleId);
        if (line !== undefined) return `${pathToFileURL(file).href}#L${line}`;
        continue;
      }
      const pack = this.parsed().find((p) => p.file === file);
      const index = pack === undefined ? undefined : this.indexOf(pack).get(ruleId);
      // At the rule's place in the file's list: a rule left out before it (broken, a duplicate)
      // is not in the parsed rules (ParsedPack.ruleSource).
      if (pack !== undefined && index !== undefined) {
        const line = pack.locate(['rules', pack.ruleSource?.[index] ?? index, 'id']).line;
        return `${pathToFileURL(file).href}#L${line}`;
      }
    }
    return undefined;
  }

  /** A YAML pack file's rule ids and lines; undefined when it is not YAML, cannot be read, or its lines do not tell. */
  private linesOf(file: string): Map<string, number> | undefined {
    if (!this.lines.has(file)) {
      let lines: Map<string, number> | undefined;
      try {
        if (/\.ya?ml$/i.test(file)) lines = ruleIdLines(readFileSync(file, 'utf8'));
      } catch {
        lines = undefined;
      }
      this.lines.set(file, lines);
    }
    return this.lines.get(file);
  }

  /** A parsed pack's rule indices by id (the first rule of an id). */
  private indexOf(pack: ParsedPack): Map<string, number> {
    let index = this.indexes.get(pack);
    if (!index) {
      index = new Map();
      const rules = pack.definition.rules;
      for (let i = 0; i < rules.length; i++) {
        const id = (rules[i] as { id: string }).id;
        if (!index.has(id)) index.set(id, i);
      }
      this.indexes.set(pack, index);
    }
    return index;
  }
}

const packRules = new WeakMap<LoadedConfig, PackRules>();

/**
 * The pack files of a config in which a rule is looked up: none when it names built-in packs alone,
 * whose rules are never looked up there (parsing korea-china's YAML for nothing took 0.4 s of an
 * editor's first lint). One lookup per load of the config.
 */
export function packFilesOf(loaded: LoadedConfig | undefined): PackRules | undefined {
  if (loaded === undefined || loaded.rulePackFiles.length === 0) return undefined;
  let rules = packRules.get(loaded);
  if (!rules) {
    rules = new PackRules(loaded.rulePackFiles, () => loaded.packs);
    packRules.set(loaded, rules);
  }
  return rules;
}

export class RuleDocs {
  /** Per built-in pack: its README's URL and the line of each rule's heading. */
  private readonly packs = new Map<string, { href: string; lines: Map<string, number> } | undefined>();

  /** `folder`: holds `<pack>/README.md` for the built-in packs; undefined: no such links. */
  constructor(readonly folder: string | undefined) {}

  /** `packs`: the pack files of the document's config (`packFilesOf`), where a rule of a pack file is looked up. */
  href(ruleId: string, url: string | undefined, packs?: PackRules): string | undefined {
    if (url !== undefined) return url;
    const docs = this.readme(ruleId.slice(0, ruleId.indexOf('/')));
    const line = docs?.lines.get(ruleId);
    if (docs && line !== undefined) return `${docs.href}#L${line}`;
    return packs?.href(ruleId);
  }

  /** Whether `file` is one of these READMEs (documentation shown to the user, never linted). */
  holds(file: string): boolean {
    return this.folder !== undefined && file.startsWith(this.folder + path.sep);
  }

  private readme(pack: string) {
    // `nuance`: the tool's own rules (core's TOOL_RULES), documented in `<folder>/nuance/README.md`.
    if (this.folder === undefined || !(pack === 'nuance' || builtinPackNames().includes(pack)))
      return undefined;
    if (!this.packs.has(pack)) {
      const file = path.join(this.folder, pack, 'README.md');
      let docs: { href: string; lines: Map<string, number> } | undefined;
      try {
        const lines = new Map<string, number>();
        readFileSync(file, 'utf8')
          .split(/\r\n|\r|\n/)
          .forEach((text, i) => {
            const heading = /^## `([^`]+)`\s*$/.exec(text);
            if (heading) lines.set(heading[1]!, i + 1);
          });
        docs = { href: pathToFileURL(file).href, lines };
      } catch {
        docs = undefined;
      }
      this.packs.set(pack, docs);
    }
    return this.packs.get(pack);
  }
}

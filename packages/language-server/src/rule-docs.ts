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
import type { ParsedPack } from '@nuance/core';

/**
 * The packs of a config in which a rule of a pack file is looked up: none when it names built-in
 * packs alone, whose rules are never looked up there (parsing korea-china's YAML for nothing took
 * 0.4 s of an editor's first lint).
 */
export function packFilesOf(loaded: LoadedConfig | undefined): () => readonly ParsedPack[] {
  return () => (loaded !== undefined && loaded.packFiles.length > 0 ? loaded.packs : []);
}

export class RuleDocs {
  /** Per built-in pack: its README's URL and the line of each rule's heading. */
  private readonly packs = new Map<string, { href: string; lines: Map<string, number> } | undefined>();

  /** `folder`: holds `<pack>/README.md` for the built-in packs; undefined: no such links. */
  constructor(readonly folder: string | undefined) {}

  /**
   * `packs`: the packs of the document's config, where a rule of a pack file is looked up; asked
   * for only then (a config's packs are parsed when first read).
   */
  href(
    ruleId: string,
    url: string | undefined,
    packs: () => readonly ParsedPack[] = () => [],
  ): string | undefined {
    if (url !== undefined) return url;
    const docs = this.readme(ruleId.slice(0, ruleId.indexOf('/')));
    const line = docs?.lines.get(ruleId);
    if (docs && line !== undefined) return `${docs.href}#L${line}`;
    for (const pack of packs()) {
      // A built-in pack's `file` is a name inside nuance, not a file to open.
      if (!path.isAbsolute(pack.file)) continue;
      const index = pack.definition.rules.findIndex((rule) => rule.id === ruleId);
      if (index >= 0) return `${pathToFileURL(pack.file).href}#L${pack.locate(['rules', index, 'id']).line}`;
    }
    return undefined;
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

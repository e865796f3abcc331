/// <reference types="node" />
// Where a rule's documentation is, for `codeDescription.href`, the hover and Explain: the rule's
// own `url` (or its pack's homepage, which core already folds into it), else, for a rule of a
// built-in pack, that pack's generated README in a folder the client names
// (`initializationOptions.packDocs`: the VS Code extension ships them), opened at the rule's
// heading by a `#L<line>` fragment, which editors read as a line. Never an invented web address.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinPackNames } from '@nuance/config';

export class RuleDocs {
  /** Per built-in pack: its README's URL and the line of each rule's heading. */
  private readonly packs = new Map<string, { href: string; lines: Map<string, number> } | undefined>();

  /** `folder`: holds `<pack>/README.md` for the built-in packs; undefined: no such links. */
  constructor(readonly folder: string | undefined) {}

  href(ruleId: string, url: string | undefined): string | undefined {
    if (url !== undefined) return url;
    const pack = ruleId.slice(0, ruleId.indexOf('/'));
    const docs = this.readme(pack);
    const line = docs?.lines.get(ruleId);
    return docs && line !== undefined ? `${docs.href}#L${line}` : undefined;
  }

  /** Whether `file` is one of these READMEs (documentation shown to the user, never linted). */
  holds(file: string): boolean {
    return this.folder !== undefined && file.startsWith(this.folder + path.sep);
  }

  private readme(pack: string) {
    if (this.folder === undefined || !builtinPackNames().includes(pack)) return undefined;
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

// One vocabulary, every tool's format. A TSV row (lang, discouraged form, preferred form) becomes
// a nuance `term` rule, a prh rule, an nlcst-search phrase and a `grep -F` pattern, so every tool
// looks for exactly the same strings; what each then does with spacing, case, script and word
// boundaries is the tool's own behaviour, and the README explains the differences it makes.

export interface Term {
  lang: string;
  /** The discouraged form, the string every tool searches for. */
  pattern: string;
  /** The preferred form. */
  expected: string;
}

/** Rows of a `lang<TAB>pattern<TAB>expected` file; `#` lines and blank lines are comments. */
export function parseTsv(text: string): Term[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, index) => {
      const [lang, pattern, expected] = line.replace(/\r$/, '').split('\t');
      if (!lang || !pattern || !expected) throw new Error(`TSV row ${index + 1} lacks a column: ${line}`);
      return { lang, pattern, expected };
    });
}

// JSON strings are YAML double-quoted scalars, escapes included.
const quote = (text: string): string => JSON.stringify(text);

/** A literal as a nuance phrase: `[`, `{`, `|` and `\` would otherwise be phrase syntax. */
export function escapePhrase(text: string): string {
  return text.replace(/[[\]{}|\\]/g, '\\$&');
}

/** A nuance pack with one `term` rule per row: the discouraged form deprecated, `use` the preferred one. */
export function nuancePack(terms: readonly Term[], name = 'bench'): string {
  const width = String(terms.length).length;
  const lines = [
    `pack: ${name}`,
    `description: ${quote(`${terms.length} terms for the benchmark`)}`,
    'rules:',
  ];
  terms.forEach((t, i) => {
    lines.push(
      `  - id: ${name}/t${String(i + 1).padStart(width, '0')}`,
      '    kind: term',
      '    severity: warning',
      "    message: 'Use `{expected}` instead of `{actual}`'",
      '    fix: true',
      '    terms:',
      `      ${t.lang}:`,
      `        - ${quote(escapePhrase(t.expected))}`,
      `        - { text: ${quote(escapePhrase(t.pattern))}, status: deprecated, use: ${quote(t.expected)} }`,
    );
  });
  return `${lines.join('\n')}\n`;
}

/** The config that loads a pack file (or a built-in pack by name) and nothing else. */
export function nuanceConfig(pack: string): string {
  return `packs: [${quote(pack)}]\n`;
}

/**
 * A prh dictionary: string patterns are literal and case-sensitive in prh. English rules ask for
 * word boundaries, as nuance checks them on Latin text; `\b` means nothing useful in CJK text.
 */
export function prhYaml(terms: readonly Term[]): string {
  const lines = ['version: 1', 'rules:'];
  for (const t of terms) {
    lines.push(`  - expected: ${quote(t.expected)}`, `    pattern: ${quote(t.pattern)}`);
    if (t.lang === 'en') lines.push('    options:', '      wordBoundary: true');
  }
  return `${lines.join('\n')}\n`;
}

/** textlint's config: only textlint-rule-prh, with the dictionary above. */
export function textlintConfig(prhFile: string): string {
  return `${JSON.stringify({ rules: { prh: { rulePaths: [prhFile] } } }, null, 2)}\n`;
}

/** One phrase a line, for nlcst-search (words split on spaces, as nlcst-search does). */
export function wordList(terms: readonly Term[]): string {
  return `${terms.map((t) => t.pattern).join('\n')}\n`;
}

/** One fixed string a line, for `grep -F -f`: no blank line (an empty pattern matches every line). */
export function grepPatterns(terms: readonly Term[]): string {
  return `${[...new Set(terms.map((t) => t.pattern))].join('\n')}\n`;
}

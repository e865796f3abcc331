// Suppression directives (DESIGN: Configuration): HTML comments in Markdown, and in plain text a
// comment alone on its line or at the end of one.
import { createLineIndex, type Finding, type LineIndex, type RuleSet, toolFinding } from '@nuance/core';
import type { Nodes, Root } from 'mdast';

export type DirectiveKind = 'disable-line' | 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  /** The comment's range in the document text. */
  start: number;
  end: number;
  /**
   * The line the directive is about: its own line for `disable-line`, the line after the
   * comment for `disable-next-line`, the comment's first line for `disable` and `enable`.
   */
  line: number;
}

export const UNKNOWN_RULE_IN_DIRECTIVE = 'nuance/unknown-rule-in-directive';

const COMMENT = /<!--\s*nuance-(disable-next-line|disable-line|disable|enable)(?=\s|-->)([\s\S]*?)-->/y;

interface Token {
  text: string;
  start: number;
}

/** The rule ids of a directive comment (with their offsets) and its reason. */
function parseBody(body: string, offset: number): { rules: Token[]; reason?: string } {
  const rules: Token[] = [];
  const word = /[^\s,]+/g;
  for (let match = word.exec(body); match; match = word.exec(body)) {
    if (match[0] === '--' || match[0].startsWith('--')) {
      const reason = body.slice(match.index + 2).trim();
      return reason ? { rules, reason } : { rules };
    }
    rules.push({ text: match[0], start: offset + match.index });
  }
  return { rules };
}

/** The line a directive at `[start, end)` is about (see `Directive.line`). */
export function directiveLine(kind: DirectiveKind, start: number, end: number, lines: LineIndex): number {
  return kind === 'disable-next-line' ? lines.position(end).line + 1 : lines.position(start).line;
}

/** A directive comment starting exactly at `start` in `text`, if there is one. */
export function parseDirectiveAt(text: string, start: number, lines: LineIndex): Directive | undefined {
  COMMENT.lastIndex = start;
  const match = COMMENT.exec(text);
  if (!match) return undefined;
  const kind = match[1] as DirectiveKind;
  const end = start + match[0].length;
  const bodyStart = end - 3 - (match[2] ?? '').length;
  const { rules, reason } = parseBody(match[2] ?? '', bodyStart);
  const line = directiveLine(kind, start, end, lines);
  const directive: Directive = { kind, rules: rules.map((rule) => rule.text), start, end, line };
  if (reason !== undefined) directive.reason = reason;
  return directive;
}

/** Directives of a Markdown document: only in HTML nodes, so comments in code are ignored. */
export function directivesOf(tree: Root, source: string): Directive[] {
  const lines = createLineIndex(source);
  const directives: Directive[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html') {
      const start = node.position?.start.offset;
      const directive = start === undefined ? undefined : parseDirectiveAt(source, start, lines);
      if (directive) directives.push(directive);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return directives;
}

/** Applies `disable`/`enable` in document order; `disabled(rule)` answers for the current point. */
class RangeState {
  private all = false;
  private readonly listed = new Set<string>();

  apply(directive: Directive): void {
    const disabling = directive.kind === 'disable';
    if (directive.rules.length === 0) {
      this.all = disabling;
      this.listed.clear();
      return;
    }
    // With everything disabled, `listed` holds the exceptions; otherwise the disabled rules.
    for (const rule of directive.rules) {
      if (disabling !== this.all) this.listed.add(rule);
      else this.listed.delete(rule);
    }
  }

  disabled(rule: string): boolean {
    return this.all !== this.listed.has(rule);
  }
}

function covers(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

function unknownRuleWarnings(
  directives: Directive[],
  text: string,
  ruleSet: RuleSet,
  lines: LineIndex,
): Finding[] {
  const warnings: Finding[] = [];
  for (const directive of directives) {
    COMMENT.lastIndex = directive.start;
    const match = COMMENT.exec(text);
    if (!match) continue;
    const bodyStart = directive.end - 3 - (match[2] ?? '').length;
    for (const rule of parseBody(match[2] ?? '', bodyStart).rules) {
      if (ruleSet.has(rule.text)) continue;
      const end = rule.start + rule.text.length;
      const from = lines.position(rule.start);
      const to = lines.position(end);
      warnings.push(
        toolFinding(
          UNKNOWN_RULE_IN_DIRECTIVE,
          `Unknown rule \`${rule.text}\` in \`nuance-${directive.kind}\`: no loaded pack has a rule with this id`,
          {
            start: rule.start,
            end,
            line: from.line,
            column: from.column,
            endLine: to.line,
            endColumn: to.column,
            actual: rule.text,
          },
        ),
      );
    }
  }
  return warnings;
}

/**
 * Apply directives to findings: drop suppressed ones, and add a `nuance/unknown-rule-in-directive`
 * warning, located on the rule id in the comment, for every id the rule set does not have.
 */
export function applyDirectives(
  findings: Finding[],
  directives: Directive[],
  text: string,
  ruleSet: RuleSet,
  lines?: LineIndex,
): Finding[] {
  if (directives.length === 0) return findings;
  const warnings = unknownRuleWarnings(directives, text, ruleSet, lines ?? createLineIndex(text));
  const lineDirectives = directives.filter(
    (d) => d.kind === 'disable-line' || d.kind === 'disable-next-line',
  );
  const ranges = directives
    .filter((d) => d.kind === 'disable' || d.kind === 'enable')
    .sort((a, b) => a.start - b.start);
  const state = new RangeState();
  let next = 0;
  const kept: Finding[] = [];
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    for (let range = ranges[next]; range && range.start < finding.start; range = ranges[++next])
      state.apply(range);
    if (state.disabled(finding.ruleId)) continue;
    if (lineDirectives.some((d) => d.line === finding.line && covers(d, finding.ruleId))) continue;
    kept.push(finding);
  }
  return [...kept, ...warnings].sort(
    (a, b) => a.start - b.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

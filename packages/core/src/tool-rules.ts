// The findings nuance makes about a run itself rather than about wording (a file it cannot read, a
// fix it cannot write...). They are described once, here, as data: the SARIF rule list, the HTML
// report and `nuance explain` read this table, and `toolFinding` is the one way to make one.
import type { Finding, Severity } from './types.js';

export type ToolRuleId =
  | 'nuance/unreadable-file'
  | 'nuance/file-ignored'
  | 'nuance/fix-not-applied'
  | 'nuance/unknown-rule-in-directive'
  | 'nuance/markdown-too-deep'
  | 'nuance/internal-error'
  | 'nuance/broken-unit';

export interface ToolRule {
  id: ToolRuleId;
  /** The severity its findings have (no config changes it). */
  severity: Severity;
  /** What happened, in one sentence. */
  description: string;
  /** What to do about it. Terms in backticks, as in finding messages. */
  help: string;
}

export const TOOL_RULES: readonly ToolRule[] = [
  {
    id: 'nuance/unreadable-file',
    severity: 'error',
    description: 'The file could not be read as UTF-8 text, so it was not linted.',
    help:
      'The file is missing, not readable, a binary file (a NUL byte in its first 8 KB), UTF-16, or not ' +
      'valid UTF-8; the message says which, with the line and column of the first bad byte. Save the ' +
      'draft as UTF-8, or leave the file out of the run.',
  },
  {
    id: 'nuance/file-ignored',
    severity: 'info',
    description:
      'A file named on the command line is ignored by .gitignore or the config, so it was not linted.',
    help:
      'The message names the pattern source (`.gitignore` or the `ignore` list of a config). To lint the ' +
      'file, remove or narrow the pattern; otherwise stop naming the file. It is an `info`, so ' +
      '`--max-warnings 0` does not fail on it.',
  },
  {
    id: 'nuance/fix-not-applied',
    severity: 'error',
    description: 'A fix could not be written to the file.',
    help:
      'The file is read-only, changed after nuance read it, or no temporary file could be created beside ' +
      'it; nothing was written, and the findings reported are those of the file as it was. Make the ' +
      'file writable, or run the fix again once nothing else is editing it.',
  },
  {
    id: 'nuance/unknown-rule-in-directive',
    severity: 'warning',
    description: 'A suppression directive names a rule that no loaded pack has.',
    help:
      'The unknown id suppresses nothing. Check it for a typo (`nuance rules list` shows the rules in ' +
      'effect), or load the pack that defines it in the config.',
  },
  {
    id: 'nuance/markdown-too-deep',
    severity: 'warning',
    description:
      'A Markdown block nests block quotes or list items more than 100 levels deep, so it was checked as plain text.',
    help:
      'Parsing such nesting would take seconds and could overflow the stack, so the block was read as plain ' +
      'text: its wording was checked, with its `>` and list markers as part of the prose, and the rest of the ' +
      'draft as Markdown. No real draft nests this deep: look for a pasted or generated block that repeats ' +
      '`>` or `- ` and flatten it.',
  },
  {
    id: 'nuance/internal-error',
    severity: 'error',
    description: 'The file hit an internal error (a bug in nuance), so it was not linted.',
    help:
      'The message gives the error; the command line tool prints its stack on stderr and exits with 2. ' +
      'The other files were linted. Please report it with the file (or a part of it that fails too).',
  },
  {
    id: 'nuance/broken-unit',
    severity: 'error',
    description: 'A unit of a bilingual file (XLIFF) is not well-formed XML, so it was not checked.',
    help:
      'The message says what the XML parser found and where; the other units of the file were checked. ' +
      'Fix the unit (an unclosed or mismatched inline code, a bare `&` or `<`), or export the file again ' +
      'from the translation tool.',
  },
];

const BY_ID = new Map<string, ToolRule>(TOOL_RULES.map((rule) => [rule.id, rule]));

/** The tool rule with this id, or undefined for any other id (a pack's rule). */
export function toolRule(id: string): ToolRule | undefined {
  return BY_ID.get(id);
}

export function isToolRule(id: string): id is ToolRuleId {
  return BY_ID.has(id);
}

/** Where a tool finding points; without one it is about the whole file (1:1, empty). */
export interface ToolFindingPlace {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text at the place (an unknown rule id); default empty. */
  actual?: string;
}

const WHOLE_FILE: ToolFindingPlace = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * A finding of a tool rule, with the rule's severity. A file-level one sits at 1:1 with an empty
 * range, where editors and SARIF viewers show a message about the file.
 */
export function toolFinding(id: ToolRuleId, message: string, place: ToolFindingPlace = WHOLE_FILE): Finding {
  return {
    ruleId: id,
    severity: BY_ID.get(id)!.severity,
    message,
    start: place.start,
    end: place.end,
    line: place.line,
    column: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
    actual: place.actual ?? '',
    expected: [],
  };
}

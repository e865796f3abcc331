// The findings of an editor's unchanged segments, moved with the text an edit shifted
// (finding-memo.ts keeps them from one lint to the next).
import type { LineIndex } from '../text/lines.js';
import type { ContextLicense, Finding } from '../types.js';
import { movedFinding } from './finding.js';

/** The one stretch an edit replaced: the old text's [from, oldTo) is the new text's [from, oldTo + delta). */
export interface TextChange {
  from: number;
  oldTo: number;
  delta: number;
}

/**
 * Moves the findings of unchanged segments with the text: the same objects where nothing of them
 * moved (before the edit), copies with new offsets, lines and columns after it. A license (one
 * object for the findings a mention licenses) is moved once per lint, and stays shared.
 */
export class FindingMover {
  private readonly licenses = new Map<ContextLicense, ContextLicense | null>();
  /**
   * The first offset, in the new text, of the lines after the one the edit ends on: those lines
   * are the old text's, moved by `lineShift` lines (undefined until asked).
   */
  private unchangedFrom: number | undefined;
  /**
   * How many lines the lines after the edit moved: measured on the first place moved there, by
   * the line index (undefined until then; null when that place's column came out otherwise, and
   * every place is read from the index again).
   */
  private lineShift: number | null | undefined;

  constructor(
    private readonly change: TextChange,
    private readonly lines: LineIndex,
  ) {}

  /**
   * The line shift for a place that moves to `start` from `line` and `column`, when it lies on a
   * line after the edit's (its columns kept); undefined when its place must be read from the line
   * index. Every line after the one the edit ends on holds the old text's units from its start,
   * broken where they were (the break ending the edit's line lies in the text after the edit, but
   * for the \r of a \r\n, which only joins a \n that broke the line already), so its places keep
   * their columns and move by one number of lines. A dense draft's keystroke moved 700 findings
   * and their licenses, each place read by a search of the line index, a sixth of the server's time.
   */
  private shiftFor(start: number, line: number, column: number): number | undefined {
    if (this.lineShift === null) return undefined;
    if (this.unchangedFrom === undefined) {
      const { oldTo, delta } = this.change;
      const last = this.lines.position(oldTo + delta).line;
      this.unchangedFrom =
        last < this.lines.lineCount ? this.lines.lineStart(last + 1) : Number.POSITIVE_INFINITY;
    }
    if (start < this.unchangedFrom) return undefined;
    if (this.lineShift === undefined) {
      const at = this.lines.position(start);
      this.lineShift = at.column === column ? at.line - line : null;
      return this.lineShift ?? undefined;
    }
    return this.lineShift;
  }

  /** Undefined when a part of one lies in the edited stretch (then they are made again). */
  moved(findings: readonly Finding[]): Finding[] | undefined {
    const out: Finding[] = [];
    for (const f of findings) {
      const moved = this.finding(f);
      if (!moved) return undefined;
      out.push(moved);
    }
    return out;
  }

  private finding(f: Finding): Finding | undefined {
    const context = f.context === undefined ? undefined : this.contextOf(f.context);
    if (context === null) return undefined;
    const { from, oldTo, delta } = this.change;
    if (f.end <= from) {
      if (f.source === undefined)
        return context === f.context ? f : { ...f, context: context as ContextLicense[] };
      // A translation's finding (lintBilingual gives each its unit's source, at every lint, as
      // the source may have changed): a copy without it, so that the last lint's finding keeps
      // the source it was given. Made again, the 244 findings of a 20 K translation were a third
      // of each lint after an edit.
      const { source: _source, ...rest } = f;
      return context === f.context ? rest : { ...rest, context: context as ContextLicense[] };
    }
    if (f.start < oldTo) return undefined;
    // A copy with the fields makeFinding gives: without a `source` (see above).
    return movedFinding(f, delta, this.lines, context, this.shiftFor(f.start + delta, f.line, f.column));
  }

  /** The licenses moved: the same array when none moved; null when one lies in the edit. */
  private contextOf(licenses: ContextLicense[]): ContextLicense[] | null {
    let out: ContextLicense[] | undefined;
    for (let k = 0; k < licenses.length; k++) {
      const license = licenses[k] as ContextLicense;
      const moved = this.license(license);
      if (moved === null) return null;
      if (moved === license) continue;
      out ??= licenses.slice();
      out[k] = moved;
    }
    return out ?? licenses;
  }

  private license(license: ContextLicense): ContextLicense | null {
    const { start, end } = license;
    const { from, oldTo, delta } = this.change;
    if (start === undefined || end === undefined || end <= from) return license;
    if (start < oldTo) return null;
    let moved = this.licenses.get(license);
    if (moved === undefined) {
      const { line, column, endLine, endColumn } = license;
      const placed =
        line !== undefined && column !== undefined && endLine !== undefined && endColumn !== undefined;
      const shift = placed ? this.shiftFor(start + delta, line, column) : undefined;
      const at = shift === undefined ? this.lines.position(start + delta) : undefined;
      const to = shift === undefined ? this.lines.position(end + delta) : undefined;
      moved = { set: license.set, via: license.via } as ContextLicense;
      if (license.text !== undefined) moved.text = license.text;
      moved.start = start + delta;
      moved.end = end + delta;
      moved.line = at ? at.line : (line as number) + (shift as number);
      moved.column = at ? at.column : (column as number);
      moved.endLine = to ? to.line : (endLine as number) + (shift as number);
      moved.endColumn = to ? to.column : (endColumn as number);
      if (license.lang !== undefined) moved.lang = license.lang;
      this.licenses.set(license, moved);
    }
    return moved;
  }
}

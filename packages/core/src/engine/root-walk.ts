// Walking an Aho-Corasick automaton over text without folding it into the match view (fold.ts),
// for as long as the view is the text's own units: where the pre-check's pass at the root
// (root-skip.ts) stops, at the start of a phrase, which the automaton mostly leaves within a word
// or two.
import type { AutomatonTables } from '../match/automaton.js';
import { CLASS, SIMPLE, SPACE_CLASS, tableOf } from '../view/fold-table.js';
import { JOINS, type RootStarts, simpleAfterSpace } from './root-skip.js';

/** Where `walkUnfolded` stopped: the automata's states, the flags they met, the last unit it read. */
export interface UnfoldedWalk {
  state: number;
  /** The OR of `outFlags` of the states it passed. */
  flags: number;
  /** The state of the pattern atoms' automaton, when it walked that too. */
  atomState: number;
  /** The OR of the atoms' `outFlags` it passed. */
  atomFlags: number;
  /** The table entry of the last unit it read (0: none), which the folder goes on after. */
  last: number;
}

/**
 * The automaton (and with `atomsToo` the pattern atoms', from their root) walked from the root
 * over the view of `text` from `from`, without folding it, for as long as that view is the text's
 * own units: simple units, and whitespace between two of them as the view reads it (none between
 * two Han characters or two Hangul syllables, else one space). `from` starts a view (nothing waits
 * in the folder before it), as where `skipAtRoot` stopped. Returns where it stopped, `out` telling
 * the rest:
 * - after a unit that left every automaton it walks at the root (`out.state` 0): the pass at the
 *   root goes on from there, and nothing read needed folding;
 * - before a unit the view must fold (a hyphen, one it drops or expands, whitespace before one or
 *   at `to`): the folder goes on from there after the unit `out.last` (`resumeAfter`);
 * - with no `give`, once `out.flags` holds every flag of `wanted` (where `flagsIn` stops).
 * With `give`, each state passed whose phrases have flags is given to it (`giveOnce`).
 * For the pre-check, which reads flags only: each stop of its pass at the root is the start of a
 * phrase, which the automaton mostly leaves within a word or two, where folding and scanning a
 * whole window after it was most of the pre-check of a pack with context conditions.
 */
export function walkUnfolded(
  text: string,
  from: number,
  to: number,
  s: RootStarts,
  atomsToo: boolean,
  wanted: number,
  give: ((state: number) => void) | null,
  out: UnfoldedWalk,
): number {
  const entries = tableOf();
  const { code, base, check, fail, outFlags } = s;
  const atoms = atomsToo && s.withAtoms ? s.atoms : null;
  let at = 0;
  let atomAt = 0;
  let flags = 0;
  let atomFlags = 0;
  let last = 0;
  let k = from;
  walk: while (k < to) {
    let entry = entries[text.charCodeAt(k)] as number;
    // Where the walk goes on after this unit, and whether the view has a space before it.
    let next = k + 1;
    let spaced = false;
    if ((entry & CLASS) === SPACE_CLASS) {
      if (last === 0) break;
      const j = simpleAfterSpace(text, k, to, entries);
      if (j < 0) break;
      entry = entries[text.charCodeAt(j)] as number;
      spaced = (last & entry & JOINS) === 0;
      next = j + 1;
    } else if ((entry & CLASS) !== SIMPLE) break;
    for (let n = spaced ? 2 : 1; n > 0; n--) {
      const unit = n === 2 ? 0x20 : entry & 0xffff;
      // transition(), written out (the CLI runs with V8's inlining off).
      const x = code[unit] as number;
      if (x === 0) at = 0;
      else
        for (;;) {
          const t = (base[at] as number) + x;
          if (check[t] === at) {
            at = t;
            break;
          }
          if (at === 0) break;
          at = fail[at] as number;
        }
      const found = outFlags[at] as number;
      if (found !== 0) {
        flags |= found;
        if (give !== null) give(at);
      }
      if (atoms !== null) {
        atomAt = transition(atoms, atomAt, atoms.code[unit] as number);
        atomFlags |= atoms.outFlags[atomAt] as number;
      }
      if ((at === 0 && atomAt === 0) || (give === null && (flags & wanted) === wanted)) {
        // Back at the root after the space, the unit after it starts a view of its own.
        if (n === 2) k = next - 1;
        else {
          k = next;
          last = entry;
        }
        break walk;
      }
    }
    k = next;
    last = entry;
  }
  out.state = at;
  out.flags = flags;
  out.atomState = atomAt;
  out.atomFlags = atomFlags;
  out.last = last;
  return k;
}

/** The state after state `at` of automaton `t` reads alphabet code `x` (0: a unit no phrase holds). */
function transition(t: Pick<AutomatonTables, 'base' | 'check' | 'fail'>, at: number, x: number): number {
  if (x === 0) return 0;
  const { base, check, fail } = t;
  let state = at;
  for (;;) {
    const next = (base[state] as number) + x;
    if (check[next] === state) return next;
    if (state === 0) return 0;
    state = fail[state] as number;
  }
}

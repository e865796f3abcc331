// Which blocks of a Markdown document may give a finding: those with a candidate, but, with
// context conditions, not one whose every candidate waits on a context set that neither it nor
// another block may mention nor the topic declares (core's `mayBeLicensed`). Such a block is passed
// over as a block without a candidate: in the built-in pack, `반도체` (semiconductors) is a
// candidate in most Korean economic paragraphs, and its rule asks for a cooperation phrase in the
// same sentence, so a paragraph of export figures is never parsed (nor, with nothing else, its
// document). What a pre-check finds is a superset of what the parse gives, so the findings are
// those of a full parse (tested against one in context-pruning.test.ts).
import {
  type ContextHits,
  hasBoundedCandidate,
  mayBeLicensed,
  needsContext,
  type RuleSet,
} from '@nuance/core';

/** What is read of a block (a MarkdownDocument's entry) and of its facts. */
export interface LiveEntry {
  start: number;
  end: number;
  frontMatter?: boolean;
  facts?: { candidate?: boolean; hits?: ContextHits; weak?: boolean };
}

/**
 * Per block, whether it may give a finding. Front matter, or a block the pre-check could not read,
 * may mention any set. A block whose candidates are all weak phrases (`AI`) has their word
 * boundaries checked here, once it passed its context (that check reads the block again).
 */
export function liveBlocks(
  entries: readonly LiveEntry[],
  text: string,
  ruleSet: RuleSet,
  topic: readonly string[] | undefined,
  stats: { unlicensed: number },
): boolean[] {
  const context = needsContext(ruleSet);
  // The sets the blocks may mention, once asked; null: any set.
  let mentioned: Set<number> | null | undefined;
  const elsewhere = (set: number) => {
    if (mentioned === undefined) {
      const found = new Set<number>();
      mentioned = found;
      for (const entry of entries) {
        const hits = entry.facts?.hits;
        if (!hits) {
          mentioned = null;
          break;
        }
        for (const s of hits.sets) found.add(s);
      }
    }
    return mentioned === null || mentioned.has(set);
  };
  return entries.map((entry) => {
    const facts = entry.facts;
    if (!facts?.candidate || entry.frontMatter) return false;
    if (context && facts.hits && !mayBeLicensed(ruleSet, facts.hits, elsewhere, topic)) {
      stats.unlicensed++;
      return false;
    }
    if (facts.weak) {
      facts.candidate = hasBoundedCandidate(text.slice(entry.start, entry.end), ruleSet);
      delete facts.weak;
    }
    return facts.candidate;
  });
}

// The rules of a rule set read from bytes (serialize.ts), each parsed when first used: a short
// draft checked with a 10,000-concept termbase touches a handful of its rules, and parsing them
// all (their definitions, what their findings carry, what the rule list says of them) was most of
// loading the termbase from the cache. Everything else of the rule set is read at once.
import type { RuleCompiler } from '../kinds/kind.js';
import { kindOf } from '../kinds/registry.js';
import type { Finding } from '../types.js';
import type { RuleMatch } from './candidates.js';
import { bindRule } from './compile.js';
import type { CompiledRule, CompiledRuleSource } from './compiled.js';
import type { DocContext } from './finding.js';
import type { RuleInfo } from './rule-set.js';
import type { RecordsIn } from './serial-bytes.js';

/** A compiled rule whose source is record `index`; bound to its kind at its first findings. */
export class LazyRule implements CompiledRule {
  private parsed: CompiledRuleSource | undefined;
  private bound: CompiledRule | undefined;

  constructor(
    private readonly records: RecordsIn,
    private readonly index: number,
    private readonly audience: readonly string[] | undefined,
    private readonly replay: RuleCompiler,
  ) {}

  get source(): CompiledRuleSource {
    this.parsed ??= this.records.parse(this.index) as CompiledRuleSource;
    return this.parsed;
  }

  get condition(): number | undefined {
    return this.source.condition;
  }

  findings(doc: DocContext, matches: RuleMatch[]): Finding[] {
    if (!this.bound) {
      const { source } = this;
      this.bound = bindRule(source, kindOf(source.def).compile(source.def, this.replay), this.audience);
    }
    return this.bound.findings(doc, matches);
  }
}

/** The rule list (every rule, those turned off too) from records `first` on, one per id. */
export class LazyRuleInfos {
  private readonly infos: (RuleInfo | undefined)[];
  // By id, made when first asked (a run that only lints never asks: 4 ms for 10,000 rules).
  private index: Map<string, number> | undefined;
  private whole: RuleInfo[] | undefined;

  constructor(
    private readonly records: RecordsIn,
    private readonly first: number,
    private readonly ids: readonly string[],
  ) {
    this.infos = new Array(ids.length);
  }

  has(id: string): boolean {
    return this.byId().has(id);
  }

  get(id: string): RuleInfo | undefined {
    const i = this.byId().get(id);
    return i === undefined ? undefined : this.at(i);
  }

  private byId(): Map<string, number> {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.ids.length; i++) this.index.set(this.ids[i] as string, i);
    }
    return this.index;
  }

  /** Every rule's, in order (the same array at every call). */
  all(): RuleInfo[] {
    if (!this.whole) {
      for (let i = 0; i < this.infos.length; i++) this.at(i);
      this.whole = this.infos as RuleInfo[];
    }
    return this.whole;
  }

  private at(i: number): RuleInfo {
    let info = this.infos[i];
    if (!info) {
      info = this.records.parse(this.first + i) as RuleInfo;
      this.infos[i] = info;
    }
    return info;
  }
}

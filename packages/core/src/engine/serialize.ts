// A compiled rule set as text or bytes, so that a pack is compiled once: the built-in packs at
// build time (text, rules/scripts/generate.mjs), a user's pack once per content (bytes, kept by
// config's cache under `ruleSetKey`, and sent to the CLI's worker threads). Loading one parses JSON
// and copies the automaton's arrays: no YAML, no schema, no phrase normalized, no trie built. What
// a rule's kind compiled for it (`data`) is a pure function of the rule's definition: it is kept
// with the rule when the kind says it is plain JSON (`jsonData`, the term kind's: a termbase's
// thousands of rules), and for any other kind `kind.compile` runs again, with a compiler that only
// expands phrases. Compiling a term rule again took about 20 µs when first used, in code not yet
// optimized (twins told apart, phrases expanded and normalized twice): 3 % of the instructions of
// a run with 10,000 terms over the bench corpus, which binds 4,000 rules.
//
// The two forms hold the same data. The text is one JSON, the automaton's arrays in base64. The
// bytes (serial-bytes.ts) keep the arrays as raw little-endian values after the JSON (a termbase
// of 10,000 concepts has 2.6 million of them: as base64 they were 14 MB of a 30 MB text, encoded,
// copied and decoded again at every write and read), and each rule's data as a record of its own,
// parsed when the rule is first used (serial-lazy.ts), or filled in from a template that records
// of its shape share (serial-templates.ts): the JSON names the rules and holds the rest.

import type { RuleCompiler } from '../kinds/kind.js';
import { kindOf } from '../kinds/registry.js';
import { type AutomatonTables, PhraseAutomaton } from '../match/automaton.js';
import { automatonTables } from '../match/double-array.js';
import { expandPhrase } from '../pack/phrase.js';
import type { Problem } from '../types.js';
import { bindRule, localeOptions } from './compile.js';
import type { CompiledRule, CompiledRuleSet, CompiledRuleSource } from './compiled.js';
import type { CompiledCondition, CompiledContextSet } from './context.js';
import { segmentReach } from './lint.js';
import { arrayRefs, type CompiledPattern, type PhraseRef, type PhraseRefs } from './phrase-ref.js';
import type { CompileOptions, RuleInfo, RuleSet } from './rule-set.js';
import { type ArraysIn, ArraysOut, fromBytes, type RecordReader, toBytes } from './serial-bytes.js';
import { contentHash, decodeInt32, encodeInt32, stringListIn } from './serial-codec.js';
import { LazyRule, LazyRuleInfos, type RecordCodec } from './serial-lazy.js';
import { refsIn, refsOut, type SerialRefs } from './serial-refs.js';
import { RecordTemplates, templatesOut } from './serial-templates.js';

/** Bumped whenever the serialized form, or what compiling a pack gives, changes. */
export const RULE_SET_FORMAT = 13;

type TableName = Exclude<keyof AutomatonTables, 'patternCount' | 'states' | 'code'>;
const TABLES: readonly TableName[] = [
  'base',
  'check',
  'fail',
  'depth',
  'outFirst',
  'outNext',
  'outFlags',
  'idStart',
  'idList',
];

type SerialTables = { patternCount: number; states: number; code: string } & Record<TableName, string>;
/** In the bytes: the arrays follow the JSON, the code pairs then TABLES' in order. */
interface ByteTables {
  patternCount: number;
  states: number;
  bytes: true;
}

/** The JSON of the bytes: the rules' data are records, the compiled rules' first, then the list's. */
type ByteHead = Omit<SerialRuleSet<ByteTables>, 'rules' | 'compiled' | 'refs'> & {
  /** The phrase references' words; their columns and literals follow the automaton's arrays. */
  refs: SerialRefs;
  /**
   * The rule list's ids, in order, as a JSON text of their own: parsed when first asked for (a
   * run that only lints never asks: the bench's 10,000 ids were 150 KB parsed at every load).
   */
  rules: string;
  /** How many compiled rules (records) there are. */
  compiled: number;
  /** `segmentReach`, which would read every rule. */
  reach: number;
  /** The records' templates (serial-templates.ts); their arrays come last. */
  templates: unknown[];
};

/** A compiled rule as serialized: its source, and its kind's data when the kind keeps it (`jsonData`). */
type SerialRuleSource = CompiledRuleSource & { data?: unknown };

interface SerialRuleSet<T = SerialTables | ByteTables> {
  format: number;
  rules: RuleInfo[];
  compiled: SerialRuleSource[];
  audience?: readonly string[];
  locale?: string;
  fallbackLocale?: string;
  refs: readonly PhraseRef[];
  /** `atom`: the pattern's (patternAtom), when it has one: not computed again at each load. */
  patterns: { source: string; ref: PhraseRef; atom?: string }[];
  contextSets: readonly CompiledContextSet[];
  conditions: readonly (readonly CompiledCondition[])[];
  unanchoredPattern: boolean;
  edgeHyphen: boolean;
  automaton: T;
  patternAtoms?: T;
  problems: readonly Problem[];
}

/** The alphabet is sparse: (unit, code) pairs. */
function codePairs(tables: AutomatonTables): number[] {
  const pairs: number[] = [];
  tables.code.forEach((code, unit) => {
    if (code !== 0) pairs.push(unit, code);
  });
  return pairs;
}

function tablesOut(tables: AutomatonTables): SerialTables {
  const out = {
    patternCount: tables.patternCount,
    states: tables.states,
    code: encodeInt32(codePairs(tables)),
  };
  const arrays = Object.fromEntries(TABLES.map((name) => [name, encodeInt32(tables[name])]));
  return { ...out, ...(arrays as Record<TableName, string>) };
}

/** The tables with their arrays put after the JSON (`arrays`, in the order tablesIn takes them). */
function tablesOutTo(arrays: ArraysOut): (tables: AutomatonTables) => ByteTables {
  return (tables) => {
    arrays.add(Int32Array.from(codePairs(tables)));
    for (const name of TABLES) arrays.add(tables[name]);
    return { patternCount: tables.patternCount, states: tables.states, bytes: true };
  };
}

function tablesIn(serial: SerialTables | ByteTables, arrays: ArraysIn | undefined): AutomatonTables {
  const text = 'bytes' in serial ? undefined : serial;
  const next = (name: 'code' | TableName): Int32Array => {
    if (text) return decodeInt32(text[name]);
    if (!arrays) throw new Error('Corrupt serialized rule set: its arrays are missing');
    return arrays.next();
  };
  const code = new Uint16Array(0x10000);
  const pairs = next('code');
  for (let i = 0; i + 1 < pairs.length; i += 2) code[pairs[i] as number] = pairs[i + 1] as number;
  const tables = { patternCount: serial.patternCount, states: serial.states, code } as AutomatonTables;
  for (const name of TABLES) tables[name] = next(name);
  return automatonTables(tables);
}

function compiledOf(ruleSet: RuleSet): CompiledRuleSet {
  const c = ruleSet as Partial<CompiledRuleSet>;
  if (!c.automaton || !c.compiled) throw new TypeError('Expected a rule set made by compilePacks');
  return c as CompiledRuleSet;
}

/** A compiled rule set (and the problems found making it, to report again) as JSON text. */
export function serializeRuleSet(ruleSet: RuleSet, problems: readonly Problem[] = []): string {
  return JSON.stringify(serialOf(ruleSet, problems, tablesOut));
}

/**
 * The same as bytes (serial-bytes.ts): the JSON without the rules (their ids as a JSON text of
 * their own, how many are compiled, `segmentReach`, the records' templates), the automaton's
 * arrays, the phrase references' columns (serial-refs.ts) and the templates' arrays
 * (serial-templates.ts), then a record per rule (its compiled source, then its entry in the rule
 * list), empty for one in a template.
 */
export function serializeRuleSetBytes(
  ruleSet: RuleSet,
  problems: readonly Problem[] = [],
  options: SerializeBytesOptions = {},
): Uint8Array {
  const arrays = new ArraysOut();
  const serial = serialOf(ruleSet, problems, tablesOutTo(arrays));
  const { compiled, rules } = serial;
  const refs = refsOut(serial.refs, arrays);
  const count = compiled.length + rules.length;
  const value = (i: number): unknown => (i < compiled.length ? compiled[i] : rules[i - compiled.length]);
  const templates = templatesOut(count, value, arrays, options.templates !== false);
  const head: ByteHead = {
    ...serial,
    refs,
    rules: JSON.stringify(serial.rules.map((info) => info.id)),
    compiled: serial.compiled.length,
    reach: segmentReach(ruleSet),
    templates: templates.templates,
  };
  const written = (i: number) => (templates.templated(i) ? '' : JSON.stringify(value(i)));
  return toBytes(JSON.stringify(head), count, written, arrays);
}

/** How `serializeRuleSetBytes` writes. */
export interface SerializeBytesOptions {
  /**
   * Records of a shape many share kept as templates (serial-templates.ts). Default true; false:
   * every record as JSON, read with the reader (for tests of reading records).
   */
  templates?: boolean;
}

function serialOf<T>(
  ruleSet: RuleSet,
  problems: readonly Problem[],
  tablesOut: (tables: AutomatonTables) => T,
): SerialRuleSet<T> {
  const rs = compiledOf(ruleSet);
  const serial: SerialRuleSet<T> = {
    format: RULE_SET_FORMAT,
    rules: [...rs.rules],
    compiled: rs.compiled.map(serialSource),
    refs: rs.refs.all(),
    patterns: rs.patterns.map((p) =>
      p.atom === undefined
        ? { source: p.regex.source, ref: p.ref }
        : { source: p.regex.source, ref: p.ref, atom: p.atom },
    ),
    contextSets: rs.contextSets,
    conditions: rs.conditions,
    unanchoredPattern: rs.unanchoredPattern,
    edgeHyphen: rs.edgeHyphen,
    automaton: tablesOut(rs.automaton.tables),
    problems,
  };
  if (rs.audience !== undefined) serial.audience = rs.audience;
  Object.assign(serial, localeOptions(rs));
  if (rs.patternAtoms) serial.patternAtoms = tablesOut(rs.patternAtoms.tables);
  return serial;
}

/** A compiled rule's source, with its data when its kind keeps that. */
function serialSource(rule: CompiledRule): SerialRuleSource {
  return kindOf(rule.source.def).jsonData ? { ...rule.source, data: rule.data } : rule.source;
}

// Replays a kind's compile: phrases are only expanded (their literals are what the kind keeps).
const REPLAY: RuleCompiler = {
  phrase: (entry) => expandPhrase(entry.phrase),
  pattern: () => {},
  problem: () => {},
};

/** How a serialized rule is read and bound to its kind (LazyRule's, and the text form's). */
const CODEC: RecordCodec = {
  record(parsed) {
    const { data, ...source } = parsed as SerialRuleSource;
    // Kept only for a kind that says its data is JSON: anything else is compiled again.
    return data !== undefined && kindOf(source.def).jsonData ? { source, data } : { source };
  },
  bind(record, audience) {
    const { source } = record;
    const data = 'data' in record ? record.data : kindOf(source.def).compile(source.def, REPLAY);
    return bindRule(source, data, audience);
  },
};

/**
 * The rule set (and problems) of `serializeRuleSet` (text) or `serializeRuleSetBytes` (bytes);
 * throws on either of another format, or damaged. The rule set reads bytes where they are (its
 * rules when first used, the automaton's arrays in place when they lie on a multiple of 4): they
 * must not change after. With `readRecords`, the bytes need only hold what comes before the
 * records (`serialRecordsAt`), and each rule's record is read with it when the rule is first used
 * (a record it gives cut short is an error then).
 */
export function deserializeRuleSet(
  serialized: string | Uint8Array,
  readRecords?: RecordReader,
): {
  ruleSet: RuleSet;
  problems: Problem[];
} {
  if (typeof serialized !== 'string') return fromByteForm(serialized, readRecords);
  const serial = JSON.parse(serialized) as SerialRuleSet;
  checkFormat(serial);
  const byId = new Map(serial.rules.map((info) => [info.id, info]));
  const compiled = serial.compiled.map((source) => CODEC.bind(CODEC.record(source), serial.audience));
  const ruleSet: CompiledRuleSet = {
    rules: serial.rules,
    has: (id) => byId.has(id),
    get: (id) => byId.get(id),
    compiled,
    ...restOf(serial, () => arrayRefs(serial.refs)),
  };
  return { ruleSet, problems: [...serial.problems] };
}

function checkFormat(serial: { format?: unknown } | null): void {
  if (serial?.format !== RULE_SET_FORMAT) {
    throw new Error(`Serialized rule set of format ${String(serial?.format)}, expected ${RULE_SET_FORMAT}`);
  }
}

/** The bytes' rule set: its rules read from their records when first used. */
function fromByteForm(bytes: Uint8Array, read?: RecordReader): { ruleSet: RuleSet; problems: Problem[] } {
  const { json, records, arrays } = fromBytes(bytes, read);
  const head = JSON.parse(json) as ByteHead;
  checkFormat(head);
  if (typeof head.rules !== 'string' || !(head.compiled >= 0 && head.compiled <= records.count)) {
    throw new Error('Corrupt serialized rule set: its records are not its rules');
  }
  const infos = new LazyRuleInfos(records, head.compiled, () => {
    const ids = stringListIn(head.rules);
    if (ids?.length !== records.count - head.compiled) {
      throw new Error('Corrupt serialized rule set: its records are not its rules');
    }
    return ids;
  });
  const compiled: CompiledRule[] = [];
  for (let i = 0; i < head.compiled; i++) compiled.push(new LazyRule(records, i, head.audience, CODEC));
  const rest = restOf(head, () => refsIn(head.refs, arrays), arrays);
  // The templates' arrays: the last, after the references'.
  const templates = RecordTemplates.read(head.templates, records.count, arrays);
  arrays.finish();
  records.useTemplates(templates);
  const ruleSet: CompiledRuleSet = {
    // A getter: read (and every rule's entry parsed) only by what lists the rules.
    get rules() {
      return infos.all();
    },
    has: (id) => infos.has(id),
    get: (id) => infos.get(id),
    compiled,
    ...rest,
    reach: head.reach,
  };
  return { ruleSet, problems: [...head.problems] };
}

/** What a rule set holds besides its rules. */
function restOf(
  serial: Omit<SerialRuleSet, 'rules' | 'compiled' | 'refs'>,
  refs: () => PhraseRefs,
  arrays?: ArraysIn,
): Omit<CompiledRuleSet, 'rules' | 'has' | 'get' | 'compiled'> {
  const rest: Omit<CompiledRuleSet, 'rules' | 'has' | 'get' | 'compiled'> = {
    ...(serial.audience !== undefined ? { audience: serial.audience } : {}),
    ...localeOptions(serial),
    automaton: PhraseAutomaton.fromTables(tablesIn(serial.automaton, arrays)),
    ...(serial.patternAtoms
      ? { patternAtoms: PhraseAutomaton.fromTables(tablesIn(serial.patternAtoms, arrays)) }
      : {}),
    unanchoredPattern: serial.unanchoredPattern,
    edgeHyphen: serial.edgeHyphen,
    // After the automaton's arrays: in the bytes, the references' columns follow them.
    refs: refs(),
    // The atoms as compiled: finding them again (patternAtom's Unicode property classes, compiled
    // at the first call) took 4 ms of every start with the korea-china pack.
    patterns: serial.patterns.map((p) => {
      const pattern: CompiledPattern = { regex: new RegExp(p.source, 'gu'), ref: p.ref };
      return p.atom === undefined ? pattern : { ...pattern, atom: p.atom };
    }),
    contextSets: serial.contextSets,
    conditions: serial.conditions,
  };
  return rest;
}

/**
 * The cache key of the rule set compiled from these pack texts (in order, with the file names
 * their problems name) and options: equal keys, equal rule sets. `salt` is the caller's version
 * (a cache must not outlive the nuance that wrote it); `hash` a faster or stronger hash than
 * core's own, when the caller has one (Node's SHA-256).
 */
export function ruleSetKey(
  sources: readonly { file: string; text: string }[],
  options: CompileOptions = {},
  salt = '',
  hash: (text: string) => string = contentHash,
): string {
  const rules = Object.entries(options.rules ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const audience = options.audience === undefined ? null : [options.audience].flat();
  return hash(
    JSON.stringify([
      RULE_SET_FORMAT,
      salt,
      rules,
      options.accept ?? [],
      audience,
      options.locale ?? null,
      options.fallbackLocale ?? null,
      // Each text by its hash: the key's own text stays small (a termbase is megabytes).
      sources.map((s) => [s.file, hash(s.text)]),
    ]),
  );
}

/// <reference types="node" />
// What `nuance mcp` answers, without the protocol: the server module (server.ts, a separate bundle
// loaded only by `nuance mcp`) turns these into MCP tools. Every tool takes text, never a path: an
// assistant must not be able to make nuance read a file. The settings are those of the folder the
// server runs in (`--config`, else the nearest .nuancerc.yaml, else the defaults).
import path from 'node:path';
import { ConfigResolver, type ConfigResolverOptions, FreshConfigs, type LoadedConfig } from '@nuance/config';
import {
  type Finding,
  fixText,
  type NuanceConfig,
  type Problem,
  readingsFor,
  stripBom,
  TOOL_RULES,
  toolRule,
} from '@nuance/core';
import { lintDocument } from '@nuance/unified';
import { formatExplain } from '../commands/explain.js';
import { didYouMean, fixableWord } from '../commands/rule-catalog.js';

export interface McpToolsOptions {
  cwd: string;
  config?: string;
  audience?: string[];
  allowPacksOutside?: true;
}

/** A draft as an assistant sends it. */
export interface TextInput {
  text: string;
  /** How to read the text (default `markdown`). */
  format?: 'markdown' | 'text';
  /** The document language when the text does not say (front matter `lang:`). */
  lang?: string;
  /** Keep only the readings for these readers (BCP 47 tags). */
  audience?: string[];
}

export interface LintOutput {
  findings: Finding[];
  /** Config or pack problems of the folder the server runs in (linting went on with the valid rules). */
  problems?: Problem[];
}

export interface FixOutput extends LintOutput {
  /** The text with every safe fix applied. */
  output: string;
  /** How many fixes were applied; `findings` are those of `output`. */
  fixed: number;
}

export interface RuleRow {
  id: string;
  pack: string;
  kind: string;
  severity: string;
  fixable: string;
  message: string;
}

export type ExplainOutput = { found: true; text: string } | { found: false; message: string };

export interface McpTools {
  lint(input: TextInput): Promise<LintOutput>;
  fix(input: TextInput): Promise<FixOutput>;
  explain(rule: string): Promise<ExplainOutput>;
  list(): Promise<RuleRow[]>;
}

/**
 * The tools over one resolver, so the packs are compiled once, and again only when the config or
 * a pack changes (the server lives as long as the assistant's session).
 */
export function createMcpTools(options: McpToolsOptions): McpTools {
  const resolverOptions: ConfigResolverOptions = { cwd: options.cwd, cacheDiscovery: false };
  if (options.config !== undefined) resolverOptions.configFile = options.config;
  if (options.allowPacksOutside) resolverOptions.allowPacksOutside = true;
  if (options.audience) resolverOptions.overrides = { audience: options.audience };
  const configs = new FreshConfigs(new ConfigResolver(resolverOptions));
  // The documents an assistant sends are drafts of the folder the server runs in.
  const document = path.join(options.cwd, '-');
  const configFor = async (audience?: string[]): Promise<LoadedConfig> => {
    const overrides: Partial<NuanceConfig> = audience?.length ? { audience } : {};
    return (await configs.forFile(document, { overrides })).loaded;
  };

  const lintWith = (loaded: LoadedConfig, input: TextInput) => (text: string) =>
    lintDocument({
      text,
      format: input.format ?? 'markdown',
      ruleSet: loaded.ruleSet,
      lang: input.lang ?? loaded.config.lang,
      topic: loaded.config.topic,
      voice: loaded.config.voice,
    }).findings;

  return {
    async lint(input) {
      const loaded = await configFor(input.audience);
      return withProblems({ findings: lintWith(loaded, input)(stripBom(input.text)) }, loaded);
    },
    async fix(input) {
      const loaded = await configFor(input.audience);
      const { output, fixed, findings } = fixText(stripBom(input.text), lintWith(loaded, input));
      return withProblems({ output, fixed, findings }, loaded);
    },
    async explain(rule) {
      const tool = toolRule(rule);
      if (tool) return { found: true, text: `${tool.id}\n\n  ${tool.description}\n\n  ${tool.help}\n` };
      const loaded = await configFor();
      const info = loaded.ruleSet.get(rule);
      if (!info) {
        const ids = [...loaded.ruleSet.rules.map((r) => r.id), ...TOOL_RULES.map((r) => r.id)];
        const suggestion = didYouMean(rule, ids);
        return {
          found: false,
          message: `Unknown rule \`${rule}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
        };
      }
      const audience = loaded.config.audience;
      const shown =
        audience && info.audiences ? { ...info, audiences: readingsFor(info.audiences, audience) } : info;
      return { found: true, text: formatExplain({ info: shown, severity: severityOf(loaded, rule) }) };
    },
    async list() {
      const loaded = await configFor();
      return loaded.ruleSet.rules.map((info) => ({
        id: info.id,
        pack: info.pack,
        kind: info.kind,
        severity: severityOf(loaded, info.id),
        fixable: fixableWord(info),
        message: info.message,
      }));
    },
  };
}

/** The severity the config gives a rule, `off` included (the rule set keeps rules turned off). */
function severityOf(loaded: LoadedConfig, id: string) {
  return loaded.config.rules?.[id] === 'off' ? ('off' as const) : loaded.ruleSet.get(id)!.severity;
}

function withProblems<T extends LintOutput>(output: T, loaded: LoadedConfig): T {
  return loaded.problems.length > 0 ? { ...output, problems: loaded.problems } : output;
}

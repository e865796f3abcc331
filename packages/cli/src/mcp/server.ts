/// <reference types="node" />
// `nuance mcp`: the tools of tools.ts as a Model Context Protocol server over stdio, with the
// official SDK. This module is bundled apart from the CLI (scripts/bundle.mjs makes dist/mcp.cjs of
// it) and loaded only by `nuance mcp`, so a plain run never reads the SDK. It imports nothing of
// nuance but types: the CLI's bundle hands it the tools.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { McpTools, TextInput } from './tools.js';

const draft = {
  text: z.string().describe('The draft itself (Markdown unless `format` says text), never a file path'),
  format: z.enum(['markdown', 'text']).optional().describe('How to read the text; default markdown'),
  lang: z
    .string()
    .optional()
    .describe('The language of the draft when its front matter does not say (en, zh, ko...)'),
  audience: z
    .array(z.string())
    .optional()
    .describe('Keep only the readings for these readers (BCP 47 tags, e.g. ["zh"])'),
};

/** Serve `tools` on stdin/stdout until the client closes the connection. */
export async function serveMcp(untracked: McpTools, version: string): Promise<void> {
  const server = new McpServer({ name: 'nuance', version });
  const calls = new InFlight();
  const tools = calls.track(untracked);
  server.registerTool(
    'lint_text',
    {
      title: 'Lint a draft',
      description:
        'Check a diplomatic or political draft (English, Chinese, Korean) for wording that carries ' +
        'the wrong signal for its readers. Returns findings with rule id, severity, message, 1-based ' +
        'line/column and UTF-16 offsets of the term, the expected wording and edits (suggestions).',
      inputSchema: draft,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (input) => json(await tools.lint(textInput(input))),
  );
  server.registerTool(
    'fix_text',
    {
      title: 'Fix a draft',
      description:
        'Apply every safe fix nuance knows to a draft and return the fixed text, how many fixes ' +
        'were applied and the findings left (those need a writer’s decision).',
      inputSchema: draft,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (input) => json(await tools.fix(textInput(input))),
  );
  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description:
        'Why a rule exists: its note, readings per audience, source and examples. Takes a rule id ' +
        'such as korea-china/wushi-not-shiyong (from a finding or list_rules).',
      inputSchema: { rule: z.string().describe('The rule id') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ rule }) => {
      const explained = await tools.explain(rule);
      return explained.found
        ? { content: [{ type: 'text', text: explained.text }] }
        : { content: [{ type: 'text', text: explained.message }], isError: true };
    },
  );
  server.registerTool(
    'list_rules',
    {
      title: 'List the rules',
      description: 'The rules in effect: id, pack, kind, severity, whether fixable, and message.',
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => json({ rules: await tools.list() }),
  );
  const transport = new StdioServerTransport();
  // The client closing stdin ends the session, once the calls it sent before have been answered.
  const ended = new Promise<void>((resolve) => process.stdin.once('end', resolve));
  await server.connect(transport);
  await ended;
  await calls.settled();
  await server.close();
}

/** Counts the tool calls under way, so the server answers each before it stops. */
class InFlight {
  private count = 0;
  private idle: (() => void) | undefined;

  track(tools: McpTools): McpTools {
    const wrap =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        this.count++;
        try {
          return await call(...args);
        } finally {
          // The answer is written after the handler returns: let it go out first.
          setImmediate(() => {
            if (--this.count === 0) this.idle?.();
          });
        }
      };
    return {
      lint: wrap(tools.lint),
      fix: wrap(tools.fix),
      explain: wrap(tools.explain),
      list: wrap(tools.list),
    };
  }

  settled(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => (this.idle = resolve));
  }
}

function textInput(input: {
  text: string;
  format?: 'markdown' | 'text' | undefined;
  lang?: string | undefined;
  audience?: string[] | undefined;
}): TextInput {
  const result: TextInput = { text: input.text };
  if (input.format !== undefined) result.format = input.format;
  if (input.lang !== undefined) result.lang = input.lang;
  if (input.audience !== undefined) result.audience = input.audience;
  return result;
}

function json(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }] };
}

/// <reference types="node" />
import { createRequire } from 'node:module';
import type { CliIo } from '../io.js';
import type * as McpServerModule from '../mcp/server.js';
import { createMcpTools, type McpToolsOptions } from '../mcp/tools.js';
import { VERSION } from '../version.js';

export interface McpOptions {
  config?: string;
  audience?: string[];
  allowPacksOutside?: true;
}

/**
 * `nuance mcp`: serve the lint, fix, explain and list tools over stdio until the client goes.
 * The SDK is in dist/mcp.cjs, next to the CLI's bundle, and is read only now.
 */
export async function runMcp(options: McpOptions, io: CliIo): Promise<number> {
  const { serveMcp } = createRequire(import.meta.url)('./mcp.cjs') as typeof McpServerModule;
  const tools: McpToolsOptions = { cwd: io.cwd, ...options };
  await serveMcp(createMcpTools(tools), VERSION);
  return 0;
}

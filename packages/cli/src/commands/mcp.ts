/// <reference types="node" />
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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
 * The SDK is in dist/mcp.cjs (scripts/bundle.mjs), read only now.
 */
export async function runMcp(options: McpOptions, io: CliIo): Promise<number> {
  const { serveMcp } = createRequire(import.meta.url)(serverBundle()) as typeof McpServerModule;
  const tools: McpToolsOptions = { cwd: io.cwd, ...options };
  await serveMcp(createMcpTools(tools), VERSION);
  return 0;
}

/** dist/mcp.cjs: beside the CLI's bundle, or one folder up from tsc's dist/commands/mcp.js. */
function serverBundle(): string {
  const beside = fileURLToPath(new URL('./mcp.cjs', import.meta.url));
  return existsSync(beside) ? beside : fileURLToPath(new URL('../mcp.cjs', import.meta.url));
}

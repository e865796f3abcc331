import { parseCommand, UsageError } from './args.js';
import { runCheck } from './commands/check.js';
import { runExplain } from './commands/explain.js';
import { runInit } from './commands/init.js';
import { runMcp } from './commands/mcp.js';
import { runRulesList } from './commands/rules-list.js';
import { runRulesTest } from './commands/rules-test.js';
import { runExport, runImport } from './commands/termbase.js';
import { errorText } from './error-text.js';
import { HELP } from './help.js';
import type { CliIo } from './io.js';
import { runMerge } from './merge.js';
import { VERSION } from './version.js';

/** Run the CLI with `argv` (without node and script) and return the exit code. Never exits the process. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case 'init':
        return await runInit(io);
      case 'explain': {
        const { name: _, ...options } = command;
        return await runExplain(options, io);
      }
      case 'rules-list': {
        const { name: _, ...options } = command;
        return await runRulesList(options, io);
      }
      case 'rules-test': {
        const options: Parameters<typeof runRulesTest>[0] = {};
        if (command.pack !== undefined) options.pack = command.pack;
        if (command.config !== undefined) options.config = command.config;
        if (command.allowPacksOutside) options.allowPacksOutside = true;
        return await runRulesTest(options, io);
      }
      case 'mcp': {
        const { name: _, ...options } = command;
        return await runMcp(options, io);
      }
      case 'import': {
        const { name: _, ...options } = command;
        return await runImport(options, io);
      }
      case 'export': {
        const { name: _, ...options } = command;
        return await runExport(options, io);
      }
      case 'merge': {
        const { name: _, files, ...options } = command;
        return await runMerge(files, io, options);
      }
      case 'check': {
        const { name: _, ...options } = command;
        return await runCheck(options, io);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`nuance: ${error.message}\nRun \`nuance --help\` for usage.\n`);
      return 2;
    }
    io.stderr.write(`nuance: internal error: ${errorText(error)}\n`);
    return 2;
  }
}

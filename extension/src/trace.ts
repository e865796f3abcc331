// `nuance.trace.server`. vscode-languageclient 10+ traces only when its trace channel's log level
// is Trace (set from the Output panel's gear), and then reads the setting only for its detail
// (`off` there still traces messages); so the setting alone showed nothing. This channel reports
// the setting as its log level (Trace unless `off`) and writes to its own Output channel,
// "nuance (trace)": the setting works, and the client's own log stays readable.
import type * as vscode from 'vscode';

/** The part of the `vscode` module the trace channel uses. */
export interface TraceApi {
  window: Pick<typeof vscode.window, 'createOutputChannel'>;
  workspace: Pick<typeof vscode.workspace, 'getConfiguration' | 'onDidChangeConfiguration'>;
  EventEmitter: typeof vscode.EventEmitter;
  LogLevel: Pick<typeof vscode.LogLevel, 'Trace' | 'Info'>;
}

export const TRACE_CHANNEL = 'nuance (trace)';

export function traceChannel(api: TraceApi): vscode.LogOutputChannel {
  const output = api.window.createOutputChannel(TRACE_CHANNEL);
  const levelChanged = new api.EventEmitter<vscode.LogLevel>();
  const level = () =>
    api.workspace.getConfiguration('nuance').get<string>('trace.server', 'off') === 'off'
      ? api.LogLevel.Info
      : api.LogLevel.Trace;
  const listener = api.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('nuance.trace.server')) levelChanged.fire(level());
  });
  const write = (message: string | Error) => output.appendLine(String(message));
  return {
    name: TRACE_CHANNEL,
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: levelChanged.event,
    trace: write,
    debug: write,
    info: write,
    warn: write,
    error: write,
    append: (value) => output.append(value),
    appendLine: (value) => output.appendLine(value),
    replace: (value) => output.replace(value),
    clear: () => output.clear(),
    show: (preserveFocus?: unknown) => output.show(preserveFocus === true),
    hide: () => output.hide(),
    dispose: () => {
      listener.dispose();
      levelChanged.dispose();
      output.dispose();
    },
  };
}

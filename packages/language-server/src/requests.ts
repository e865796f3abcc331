// Hover and code actions, on the findings of the document's current version (commands are in
// workspace-commands).
import type { CodeAction, CodeActionParams, Hover, HoverParams } from 'vscode-languageserver';
import { codeActions } from './code-actions.js';
import { explainFinding, findingsAt } from './hover.js';
import { packFilesOf } from './rule-docs.js';
import { currentFindings } from './scheduling.js';
import type { ServerState } from './server-state.js';
import { fixAllEdits } from './workspace-commands.js';

export async function hover(server: ServerState, params: HoverParams): Promise<Hover | null> {
  const current = await currentFindings(server, params.textDocument.uri);
  if (!current) return null;
  const { document, state } = current;
  const found = findingsAt(state.findings, document.offsetAt(params.position));
  const first = found[0];
  if (!first) return null;
  const value = found
    .map((f) => {
      const href = server.ruleDocs.href(f.ruleId, f.url, packFilesOf(state.config?.loaded));
      return explainFinding(f, state.ruleSet, { href, message: false });
    })
    .join('\n\n---\n\n');
  return {
    contents: { kind: 'markdown', value },
    range: { start: document.positionAt(first.start), end: document.positionAt(first.end) },
  };
}

export async function codeAction(server: ServerState, params: CodeActionParams): Promise<CodeAction[]> {
  const current = await currentFindings(server, params.textDocument.uri);
  if (!current) return [];
  return codeActions(current.document, params, () => fixAllEdits(current.document, current.state));
}

/// <reference types="node" />
// Server-side commands, so every client can run them (ltex's client-only commands cannot be):
// fix all, ignore a rule or accept a term in the workspace's `.nuancerc.yaml` (through
// `workspace/applyEdit`), and explain the rule at a position.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME, readText } from '@nuance/config';
import { applyEdits, fixText, minimalReplacement, stripBom } from '@nuance/core';
import { lintDocument } from '@nuance/unified';
import type { ExecuteCommandParams, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS } from './code-actions.js';
import { type ConfigChange, editConfigText } from './config-edit.js';
import { explainFinding, explainRule, findingsAt } from './hover.js';
import { type DocumentState, documentFacts, pathOf } from './linting.js';
import { packFilesOf } from './rule-docs.js';
import { currentFindings } from './scheduling.js';
import { folderFor, type ServerState } from './server-state.js';
import { reload } from './workspace-events.js';

/** Every safe fix of the document, applied and re-linted until nothing changes (like `--fix`). */
export function fixAllEdits(document: TextDocument, state: DocumentState): TextEdit[] {
  const ruleSet = state.ruleSet;
  if (!ruleSet || !state.config) return [];
  const text = document.getText();
  const { format, lang, topic } = documentFacts(document, state.config);
  const lint = (t: string) => lintDocument({ text: t, ruleSet, lang, format, topic }).findings;
  const first = state.version === document.version ? state.findings : lint(text);
  const edits = first.flatMap((f) => (f.fix ? [f.fix] : []));
  if (edits.length === 0) return [];
  const once = applyEdits(text, edits);
  const toTextEdit = (e: { start: number; end: number; text: string }): TextEdit => ({
    range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
    newText: e.text,
  });
  // One pass is the usual case: keep its edits separate so the client moves as little as possible.
  if (!lint(once.output).some((f) => f.fix)) return once.applied.map(toTextEdit);
  const { output } = fixText(text, lint);
  return output === text ? [] : [toTextEdit(minimalReplacement(text, output))];
}

export async function runCommand(server: ServerState, params: ExecuteCommandParams): Promise<unknown> {
  const [uri, arg] = params.arguments ?? [];
  if (typeof uri !== 'string') return null;
  switch (params.command) {
    case COMMANDS.fixAll: {
      const current = await currentFindings(server, uri);
      if (!current) return null;
      const edits = fixAllEdits(current.document, current.state);
      if (edits.length === 0) return { applied: true };
      return server.connection.workspace.applyEdit({
        label: 'nuance: fix all',
        edit: { changes: { [uri]: edits } },
      });
    }
    case COMMANDS.ignoreRule:
      if (typeof arg !== 'string') return null;
      return changeConfig(server, uri, { kind: 'ignore-rule', ruleId: arg });
    case COMMANDS.acceptTerm:
      if (typeof arg !== 'string') return null;
      return changeConfig(server, uri, { kind: 'accept', phrase: arg });
    case COMMANDS.explain:
      return explainAt(server, uri, arg as Position | undefined);
    default:
      return null;
  }
}

async function explainAt(server: ServerState, uri: string, position: Position | undefined) {
  const current = await currentFindings(server, uri);
  if (!current || !position || typeof position.line !== 'number') return null;
  const offset = current.document.offsetAt(position);
  const finding = findingsAt(current.state.findings, offset)[0];
  const { ruleSet, config } = current.state;
  if (finding) {
    const href = server.ruleDocs.href(finding.ruleId, finding.url, packFilesOf(config?.loaded));
    return { ruleId: finding.ruleId, markdown: explainFinding(finding, ruleSet, { href }) };
  }
  // No finding there: a rule id under the cursor (in a directive, say) is explained too.
  const text = current.document.getText();
  const word = /[\w-]+\/[\w-]+$/.exec(text.slice(Math.max(0, offset - 80), offset))?.[0] ?? '';
  const rest = /^[\w-]*/.exec(text.slice(offset))?.[0] ?? '';
  const rule = ruleSet?.get(word + rest);
  if (!rule) return null;
  const href = server.ruleDocs.href(rule.id, rule.url, packFilesOf(config?.loaded));
  return { ruleId: rule.id, markdown: explainRule(rule, href) };
}

async function changeConfig(server: ServerState, uri: string, change: ConfigChange) {
  const { connection } = server;
  const current = await currentFindings(server, uri);
  const filePath = pathOf(uri);
  const dir = folderFor(server, uri) ?? (filePath ? path.dirname(filePath) : undefined);
  const target = current?.state.config?.file ?? (dir ? path.join(dir, CONFIG_FILE_NAME) : undefined);
  if (!target) {
    void connection.window.showErrorMessage('nuance: open a folder or save the file to get a .nuancerc.yaml');
    return { applied: false };
  }
  const targetUri = pathToFileURL(target).href;
  const exists = existsSync(target);
  const before = exists ? await readText(target).catch(() => undefined) : '';
  if (before === undefined) {
    void connection.window.showErrorMessage(`nuance: cannot read ${target}`);
    return { applied: false };
  }
  const body = stripBom(before);
  const edited = editConfigText(body, change);
  if ('error' in edited) {
    void connection.window.showErrorMessage(`nuance: ${edited.error} (${target})`);
    return { applied: false };
  }
  const lines = (offset: number) => {
    const head = body.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: head.length - 1, character: (head[head.length - 1] ?? '').length };
  };
  let edit: WorkspaceEdit;
  if (exists) {
    const r = minimalReplacement(body, edited.text);
    edit = {
      changes: { [targetUri]: [{ range: { start: lines(r.start), end: lines(r.end) }, newText: r.text }] },
    };
  } else if (server.features.createFiles) {
    const start = { line: 0, character: 0 };
    edit = {
      documentChanges: [
        { kind: 'create', uri: targetUri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: targetUri, version: null },
          edits: [{ range: { start, end: start }, newText: edited.text }],
        },
      ],
    };
  } else {
    // A client that cannot create files: write the new config ourselves.
    await writeFile(target, edited.text, 'utf8');
    reload(server);
    return { applied: true };
  }
  const label =
    change.kind === 'ignore-rule' ? `nuance: ignore ${change.ruleId}` : `nuance: accept ${change.phrase}`;
  return connection.workspace.applyEdit({ label, edit });
}

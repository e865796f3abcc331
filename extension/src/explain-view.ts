// "Explain the rule at the cursor" as a rendered, read-only page. The server's Markdown becomes a
// virtual document of the `nuance-explain` scheme (a content provider's document: read-only, never
// dirty, so closing it asks nothing) shown in VS Code's Markdown preview. The client's document
// selector names only the `file` and `untitled` schemes, so the page is never sent to the server
// and never linted, although it quotes the very terms the rule warns about; and it starts with a
// `nuance-disable` directive, so a client that did lint it would find nothing.
import type * as vscode from 'vscode';

export const EXPLAIN_SCHEME = 'nuance-explain';

/** The part of the `vscode` module the page uses. */
export interface ExplainApi {
  commands: Pick<typeof vscode.commands, 'executeCommand'>;
  window: Pick<typeof vscode.window, 'showTextDocument'>;
  workspace: Pick<typeof vscode.workspace, 'openTextDocument' | 'registerTextDocumentContentProvider'>;
  EventEmitter: typeof vscode.EventEmitter;
  Uri: Pick<typeof vscode.Uri, 'from'>;
  ViewColumn: Pick<typeof vscode.ViewColumn, 'Beside'>;
}

/** The page's text: the explanation, with linting disabled for any client that lints it. */
export function explainPage(markdown: string): string {
  return `<!-- nuance-disable -->\n\n${markdown}\n`;
}

export class ExplainView {
  private readonly pages = new Map<string, string>();
  private readonly changed: vscode.EventEmitter<vscode.Uri>;

  constructor(private readonly api: ExplainApi) {
    this.changed = new api.EventEmitter<vscode.Uri>();
  }

  register(): vscode.Disposable {
    return this.api.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: (uri) => this.pages.get(uri.toString()) ?? '',
    });
  }

  /** Show the rule's page beside the editor (one page per rule, updated when shown again). */
  async show(ruleId: string, markdown: string): Promise<vscode.Uri> {
    const uri = this.api.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${ruleId}.md` });
    this.pages.set(uri.toString(), explainPage(markdown));
    this.changed.fire(uri);
    try {
      await this.api.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // The built-in Markdown extension is disabled: the page's source, still read-only.
      const document = await this.api.workspace.openTextDocument(uri);
      await this.api.window.showTextDocument(document, {
        viewColumn: this.api.ViewColumn.Beside,
        preview: true,
      });
    }
    return uri;
  }
}

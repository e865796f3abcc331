// Edits of `.nuancerc.yaml` for the "ignore this rule" and "accept this term" actions. The YAML
// document model keeps comments and flow style; the change goes out as one minimal text edit.
import { isCollection, isMap, isSeq, parseDocument } from 'yaml';

export type ConfigChange = { kind: 'ignore-rule'; ruleId: string } | { kind: 'accept'; phrase: string };

/** The config text after `change`, or an error message when the text is not valid YAML. */
export function editConfigText(text: string, change: ConfigChange): { text: string } | { error: string } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    return { error: `The config file is not valid YAML: ${doc.errors[0]?.message ?? ''}`.trim() };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { error: 'The config file is not a mapping' };
  }
  if (change.kind === 'ignore-rule') {
    if (!isCollection(doc.get('rules', true))) doc.set('rules', doc.createNode({}));
    doc.setIn(['rules', change.ruleId], 'off');
  } else {
    const accept = doc.get('accept', true);
    if (isSeq(accept)) {
      if (
        !accept.items.some((item) => String((item as { value?: unknown }).value ?? item) === change.phrase)
      ) {
        accept.add(doc.createNode(change.phrase));
      }
    } else {
      doc.set('accept', doc.createNode([change.phrase]));
    }
  }
  return { text: doc.toString({ flowCollectionPadding: false, lineWidth: 0 }) };
}

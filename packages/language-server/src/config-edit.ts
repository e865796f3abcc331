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

/** The smallest single replacement turning `before` into `after`, in UTF-16 offsets. */
export function minimalReplacement(
  before: string,
  after: string,
): { start: number; end: number; text: string } {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s))
    s++;
  // Never split a surrogate pair.
  if (p > 0 && isLowSurrogate(before.charCodeAt(p))) p--;
  if (s > 0 && isLowSurrogate(before.charCodeAt(before.length - s))) s--;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

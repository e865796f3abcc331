// A light element tree of XML text with exact offsets, built from saxes events (saxes checks the
// XML and reports where it is not well-formed). Each event's position is just after its markup, so
// a tag starts at the last `<` before that (no `<` can occur inside a tag).
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** The local name (no prefix). */
  name: string;
  attrs: Record<string, string>;
  /** Offsets of `<` of the start tag, just after its `>`, of the end tag's `<`, just after its `>`. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  children: XmlNode[];
}

/** Markup that is not an element: CDATA (its content is text), comments and processing instructions. */
export interface XmlOther {
  name: '#cdata' | '#comment' | '#pi';
  start: number;
  end: number;
}

export type XmlNode = XmlElement | XmlOther;

export interface XmlError {
  message: string;
  /** Offset where the parser found the problem. */
  offset: number;
}

export interface XmlTree {
  root: XmlElement;
  errors: XmlError[];
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parses `text.slice(from, to)`; offsets are offsets of `text`. */
export function parseXml(text: string, from = 0, to = text.length): XmlTree {
  const root: XmlElement = {
    name: '#root',
    attrs: {},
    start: from,
    openEnd: from,
    closeStart: to,
    end: to,
    children: [],
  };
  const stack: XmlElement[] = [root];
  const errors: XmlError[] = [];
  const parser = new SaxesParser({ position: true });
  const at = () => parser.position + from;
  const top = () => stack[stack.length - 1] ?? root;
  parser.on('error', (error) => {
    errors.push({ message: error.message.replace(/^\d+:\d+: /u, ''), offset: at() });
  });
  parser.on('opentag', (tag) => {
    const end = at();
    const start = text.lastIndexOf('<', end - 1);
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attrs[key] = String(value);
    const el: XmlElement = {
      name: localName(tag.name),
      attrs,
      start,
      openEnd: end,
      closeStart: end,
      end,
      children: [],
    };
    top().children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const el = stack.length > 1 ? stack.pop() : undefined;
    if (!el) return;
    el.end = at();
    el.closeStart = text.lastIndexOf('<', el.end - 1);
  });
  parser.on('cdata', () => {
    const end = at();
    top().children.push({ name: '#cdata', start: text.lastIndexOf('<![CDATA[', end - 3), end });
  });
  parser.on('comment', () => {
    const end = at();
    top().children.push({ name: '#comment', start: text.lastIndexOf('<!--', end - 3), end });
  });
  parser.on('processinginstruction', () => {
    const end = at();
    top().children.push({ name: '#pi', start: text.lastIndexOf('<?', end - 2), end });
  });
  try {
    parser.write(text.slice(from, to)).close();
  } catch (error) {
    errors.push({ message: error instanceof Error ? error.message : String(error), offset: at() });
  }
  return { root, errors };
}

export function isElement(node: XmlNode): node is XmlElement {
  return !node.name.startsWith('#');
}

/** The element children of `el` with this local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && c.name === name);
}

/** Every descendant element of `el` with this local name, in document order (not inside another match). */
export function descendantsNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (child.name === name) out.push(child);
    else out.push(...descendantsNamed(child, name));
  }
  return out;
}

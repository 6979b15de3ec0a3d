// A parsed XML element as a plain object: name, line of its start tag, child elements and text.
// The CAF/MSA flow has no attributes and no mixed content, so nothing else is kept.

export type XmlNode = { name: string; line: number; children: XmlNode[]; text: string };

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Text of the element at a path below `node` (trimmed), undefined when an element is missing. */
export function textAt(node: XmlNode | undefined, ...path: string[]): string | undefined {
  let n = node;
  for (const p of path) n = child(n, p);
  return n === undefined ? undefined : n.text.trim();
}

/**
 * Plain text from a brief's Markdown fields, for places that show or index text rather than
 * render it: the index's summaries, the feed and the search data. Citations (`[@key]`) are left
 * out; quote directives keep their words. Hand-written: it only has to drop marks, never to
 * render, and parsing every field of a thousand briefs again with remark would cost seconds.
 */

/** `[@a; @b, p. 3]` citation groups, with the space before them. */
const citations = /\s*\[@[^\]\n]*\]/g;

/** Markdown → one line of plain text. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(citations, '')
      // :q[words]{source=…} → words; links and images → their text
      .replace(/:{1,3}[a-z][\w-]*\[([^\]\n]*)\](\{[^}\n]*\})?/gi, '$1')
      .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
      .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
      .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/<[^>\n]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Keys of the model whose strings are not prose a reader would search for. */
const notText = new Set([
  'id',
  'key',
  'source',
  'url',
  'date',
  'lang',
  'paper',
  'likelihood',
  'confidence',
  'stance',
  'kind',
  'classification',
  'locator',
  'partial',
  'position',
  'citations',
  'reliability',
  'dateNote',
]);

/** Every prose string in a published model (`<id>.json`), as plain text, in document order. */
export function modelText(model: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (notText.has(key)) return;
    if (typeof value === 'string') parts.push(plainText(value));
    else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === 'object') for (const [childKey, child] of Object.entries(value)) walk(child, childKey);
  };
  // A section's typed blocks repeat the parts' Markdown: only its titles and prose are its own.
  const { sections, ...rest } = (model ?? {}) as { sections?: Array<{ title?: unknown; blocks?: Array<{ kind?: unknown; markdown?: unknown }> }> };
  walk(rest, '');
  for (const section of Array.isArray(sections) ? sections : []) {
    walk(section.title, 'title');
    for (const block of section.blocks ?? []) if (block.kind === 'prose') walk(block.markdown, 'markdown');
  }
  return parts.filter(Boolean).join(' ');
}

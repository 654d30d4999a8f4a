/**
 * An HTML string split into text and tags, for print passes over briefsmith's own rendered HTML
 * (well-formed, sanitized): enough to tell markup from text, quoted attributes included, without
 * parsing a document tree.
 */
/** A tag, quoted attribute values included (curl-html.ts reads a page by it too). */
export const tagSource = /<(?:[^>"']|"[^"]*"|'[^']*')*>/.source;
const tag = new RegExp(`(${tagSource})`);

/** `html` as alternating text and tags: even indexes are text (maybe empty), odd ones tags. */
export function htmlPieces(html: string): string[] {
  return html.split(tag);
}

/**
 * What HTML may reach the reader: GitHub's sanitize schema, narrowed to http(s)/mailto links,
 * images only as the `data:` URLs images.ts made from checked local files, plus the few elements and
 * classes briefsmith itself generates for citations and quotes.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

const attributes = defaultSchema.attributes ?? {};

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'), 'q', 'cite', 'mark', 'span'],
  attributes: {
    ...attributes,
    sup: [['className', 'citation']],
    // Only images rich-text.ts inlined (checked local files as data: URLs) carry this class and src.
    img: [['className', 'inlined-image'], 'src', 'alt'],
    q: [['className', 'quote']],
    span: [['className', 'citation-locator', 'bidi'], 'dir', 'lang'],
    '*': [...(attributes['*'] ?? []).filter((name) => name !== 'id'), 'dir', 'lang'],
  },
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'], src: ['data'] },
  clobberPrefix: 'user-content-',
};

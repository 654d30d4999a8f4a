/**
 * What HTML may reach the reader: GitHub's sanitize schema, narrowed to http(s)/mailto links,
 * no images from the brief (local images are inlined separately), plus the few elements and
 * classes briefsmith itself generates for citations and quotes.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';

const attributes = defaultSchema.attributes ?? {};

export const sanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'img' && name !== 'input'), 'q', 'cite', 'mark', 'span'],
  attributes: {
    ...attributes,
    sup: [['className', 'citation']],
    q: [['className', 'quote']],
    span: [['className', 'citation-locator', 'bidi'], 'dir', 'lang'],
    '*': [...(attributes['*'] ?? []).filter((name) => name !== 'id'), 'dir', 'lang'],
  },
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
  clobberPrefix: 'user-content-',
};

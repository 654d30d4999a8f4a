/** The rules of one stage — links, images and html: what the brief points at or embeds, which must be safe to show a reader. */
import { type RuleGroup, rule } from './entry.js';

export const links = {
  title: 'Links, images and HTML',
  about: 'What the brief points at or embeds, which must be safe to show a reader.',
  rules: {
    'raw-html': rule({
      title: 'Raw HTML',
      severity: 'warning',
      details: [],
      message: () => 'Unexpected raw HTML, expected Markdown (raw HTML is dropped from the output)',
      hint: 'Write it in Markdown; raw HTML never reaches readers.',
      silenceable: true,
    }),
    'unsafe-link': rule({
      title: 'Unsafe link',
      severity: 'error',
      details: ['url'],
      message: (d) => `Unexpected link \`${d.url}\`, expected an http(s), mailto or in-page (#) link`,
      hint: 'Links with other protocols are removed from the output.',
      silenceable: false,
    }),
    'unsafe-image': rule({
      title: 'Image not allowed',
      severity: 'error',
      details: ['url', 'expected'],
      message: (d) => `Unexpected image \`${d.url}\`, expected ${d.expected}`,
      hint: 'Images must be local files inside the brief folder (PNG, JPEG, GIF, WebP, SVG without script).',
      silenceable: false,
    }),
    'image-alt': rule({
      title: 'Image without alt text',
      severity: 'error',
      details: ['url'],
      message: (d) => `Unexpected image \`${d.url}\` without alt text, expected \`![what it shows](${d.url})\``,
      hint: 'Say in the brackets what the image shows: screen readers read it, and the PDF needs it for PDF/UA.',
      silenceable: true,
    }),
  },
} satisfies RuleGroup;

/** Helpers whose output depends on the target format: rich text and escaping. */
import { assetDataUrl } from '../assets.js';
import { curlQuotes } from '../typography.js';
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { escapeMarkdown, markdownToHtml, markdownToMarkdown, type SourceNumbers } from '../rich-text.js';
import { cachedField } from '../field-cache.js';
import type { Fragments } from '../../model/fragments.js';
import { HelperError } from './common.js';

/** Each view's source numbers, and their part of the field cache's keys: made once per render, not per field. */
const numbersByView = new WeakMap<object, { numbers: SourceNumbers; key: string }>();

function numbersOf(options: HelperOptions): { numbers: SourceNumbers; key: string } {
  const root = options.data?.root as { sourceNumbers?: Record<string, number> } | undefined;
  const known = root && numbersByView.get(root);
  if (known) return known;
  const numbers: SourceNumbers = new Map(Object.entries(root?.sourceNumbers ?? {}));
  const made = { numbers, key: [...numbers].join(';') };
  if (root) numbersByView.set(root, made);
  return made;
}

/** A rich-text field rendered once per brief, text and source numbering (see field-cache.ts). */
function field(format: 'html' | 'md', helper: string, value: unknown, options: HelperOptions, inline: boolean): string {
  const markdown = text(helper, value);
  const { numbers, key } = numbersOf(options);
  const scope = String((options.data?.root as { meta?: { id?: unknown } } | undefined)?.meta?.id ?? '');
  const baseDir = typeof options.data?.baseDir === 'string' ? options.data.baseDir : undefined;
  const fragments = options.data?.fragments as Fragments | undefined;
  const render = format === 'html' ? markdownToHtml : markdownToMarkdown;
  // A field that inlines an image depends on the image file too, which the key cannot see.
  if (markdown.includes('![')) return render(markdown, numbers, inline, baseDir, fragments);
  return cachedField(scope, `${format}${inline ? 1 : 0}${baseDir ?? ''}\0${key}`, markdown, () => render(markdown, numbers, inline, baseDir, fragments));
}

/** Escapes the pipes a GFM table would split on: those not already escaped (after an even run of backslashes). */
function escapeCellPipes(markdown: string): string {
  return markdown.replace(/(\\*)\|/g, (match, backslashes: string) => (backslashes.length % 2 === 1 ? match : `${backslashes}\\|`));
}

function text(helper: string, value: unknown): string {
  if (typeof value !== 'string') throw new HelperError(helper, 'text (a string)', value);
  return value;
}

/** Helpers for HTML templates: `rich`/`inline` give sanitized HTML; plain `{{x}}` is escaped by Handlebars. */
export const htmlHelpers = {
  /** A template asset (`{{asset "logo.png"}}`) as a `data:` URL, for `<img src>`: see assets.ts. */
  asset: (name: unknown, options: HelperOptions) => {
    const dirs = (options.data as { templateDirs?: string[] } | undefined)?.templateDirs ?? [];
    return new Handlebars.SafeString(assetDataUrl(dirs, text('asset', name)));
  },
  rich: (value: unknown, options: HelperOptions) => new Handlebars.SafeString(field('html', 'rich', value, options, false)),
  inline: (value: unknown, options: HelperOptions) => new Handlebars.SafeString(field('html', 'inline', value, options, true)),
  /**
   * Text as a quoted CSS string, for `content:` in a `<style>` element (page margin boxes).
   * HTML escaping is wrong there — `<style>` is raw text — so everything that could end the
   * string or the element is a CSS escape instead. Quotes are made typographic, like the
   * document's own text.
   */
  'css-string': (value: unknown) =>
    new Handlebars.SafeString(
      `"${curlQuotes(text('css-string', value)).replace(/[\\"<>&\u0000-\u001f\u007f]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `)}"`,
    ),
};

/** Helpers for Markdown templates: every model value must pass through one of these. */
export const markdownHelpers = {
  /** Plain text, escaped for Markdown. */
  md: (value: unknown) => new Handlebars.SafeString(escapeMarkdown(text('md', value))),
  /** Plain text for a GFM table cell (pipes escaped, one line). */
  'md-cell': (value: unknown) => new Handlebars.SafeString(escapeCellPipes(escapeMarkdown(text('md-cell', value)))),
  rich: (value: unknown, options: HelperOptions) => new Handlebars.SafeString(field('md', 'rich', value, options, false)),
  inline: (value: unknown, options: HelperOptions) => new Handlebars.SafeString(escapeCellPipes(field('md', 'inline', value, options, true))),
  /** An http(s) URL as a Markdown autolink `<…>`; anything else is shown escaped, not linked. */
  'md-url': (value: unknown) => {
    const url = text('md-url', value);
    return new Handlebars.SafeString(/^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : escapeMarkdown(url));
  },
};

/**
 * remark-gfm without autolink literals: tables, strikethrough, footnotes and task lists only.
 * Autolink literals (bare `www.`, `http(s)://` and e-mail addresses) are a third of the parse
 * time of a brief — the e-mail rule tries at every `@`, and every citation has one — so a text
 * that contains none of them is parsed without that extension. The tree is the same.
 */
import { createRequire } from 'node:module';
import type { Processor } from 'unified';
// The types that give a processor's data its micromark and from-markdown extension lists.
import type {} from 'remark-parse';

// Loaded with the parser itself (processor.ts), only when micromark parses.
const require = createRequire(import.meta.url);

/**
 * Whether `markdown` has something GFM would turn into a literal autolink: `www.` or `http://`/
 * `https://` (any case), or an e-mail address (`local@domain.tld`, as GFM defines it). A false
 * negative would change the output, so this errs wide: any `@` with a dot after it counts (GFM links `a@.a` too).
 */
export function mayHaveAutolinkLiterals(markdown: string): boolean {
  return /www\.|https?:\/\//i.test(markdown) || /[-.\w+]@[-.\w]*\./.test(markdown);
}

/** The GFM parser extensions but autolink literals, as remark-gfm registers them. */
export default function remarkGfmWithoutAutolinks(this: Processor): void {
  const data = this.data();
  const { gfmFootnote } = require('micromark-extension-gfm-footnote') as typeof import('micromark-extension-gfm-footnote');
  const { gfmStrikethrough } = require('micromark-extension-gfm-strikethrough') as typeof import('micromark-extension-gfm-strikethrough');
  const { gfmTable } = require('micromark-extension-gfm-table') as typeof import('micromark-extension-gfm-table');
  const { gfmTaskListItem } = require('micromark-extension-gfm-task-list-item') as typeof import('micromark-extension-gfm-task-list-item');
  const { gfmFootnoteFromMarkdown } = require('mdast-util-gfm-footnote') as typeof import('mdast-util-gfm-footnote');
  const { gfmStrikethroughFromMarkdown } = require('mdast-util-gfm-strikethrough') as typeof import('mdast-util-gfm-strikethrough');
  const { gfmTableFromMarkdown } = require('mdast-util-gfm-table') as typeof import('mdast-util-gfm-table');
  const { gfmTaskListItemFromMarkdown } = require('mdast-util-gfm-task-list-item') as typeof import('mdast-util-gfm-task-list-item');
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

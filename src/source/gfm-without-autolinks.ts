/**
 * remark-gfm without autolink literals: tables, strikethrough, footnotes and task lists only.
 * Autolink literals (bare `www.`, `http(s)://` and e-mail addresses) are a third of the parse
 * time of a brief — the e-mail rule tries at every `@`, and every citation has one — so a text
 * that contains none of them is parsed without that extension. The tree is the same.
 */
import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

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
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

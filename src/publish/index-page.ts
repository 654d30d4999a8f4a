/**
 * `out/index.html`: every published brief with its date, classification, bottom line, keywords,
 * when it was last updated and what changed, and links to each of its formats. Readers sort and
 * filter the list by keyword and classification and search the briefs' text offline (see
 * index-script.ts); the one inline script is allowed by its hash, every value is escaped, and
 * the CSP refuses any request outside the folder.
 */
import { join } from 'node:path';
import { formatDate } from '../render/helpers/common.js';
import type { Manifest, ManifestBrief } from './manifest.js';
import { writeOwned } from '../io/contained.js';
import { readTextOrNull } from '../io/read-text.js';
import { indexScript, indexScriptHash } from './index-script.js';
import { indexStyle } from './index-style.js';
import { feedFileName } from './feed.js';

export const indexFileName = 'index.html';

const labels: Record<string, string> = { html: 'HTML', pdf: 'PDF', docx: 'Word', md: 'Markdown', json: 'JSON' };
const labelOf = (format: string) => labels[format] ?? format.toUpperCase();

/** A manifest is data from disk: a date the helper rejects is shown as written. */
const readableDate = (date: string) => {
  try {
    return formatDate(date);
  } catch {
    return date;
  }
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const href = (path: string) => escapeHtml(path.split('/').map(encodeURIComponent).join('/'));

// What `localeCompare(…, 'en')` builds on every call: with a hundred briefs of one date, most of the page's time.
const titleOrder = new Intl.Collator('en');

/** A bottom line shortened at a word, for a list of many. */
function excerpt(text: string, limit = 320): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit - 40)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function card(brief: ManifestBrief): string {
  const page = brief.outputs.find((output) => output.format === 'html');
  const title = page ? `<a href="${href(page.path)}">${escapeHtml(brief.title)}</a>` : escapeHtml(brief.title);
  const links = brief.outputs
    .filter((output) => output.format !== 'json' || brief.outputs.length === 1)
    .map((output) => `<a href="${href(output.path)}">${escapeHtml(labelOf(output.format))}</a>`)
    .join(' ');
  const updated = brief.builtAt.slice(0, 10);
  const change = brief.changes ? `: changes since ${escapeHtml(readableDate(brief.changes.since))}: ${escapeHtml(brief.changes.summary)}` : '';
  const keywords =
    brief.keywords.length > 0
      ? `\n<ul class="keywords" aria-label="Keywords">${brief.keywords.map((keyword) => `<li>${escapeHtml(keyword)}</li>`).join('')}</ul>`
      : '';
  const data = `data-id="${escapeHtml(brief.id)}" data-title="${escapeHtml(brief.title)}" data-date="${escapeHtml(brief.date)}" data-updated="${escapeHtml(brief.builtAt)}" data-classification="${escapeHtml(brief.classification)}" data-keywords="${escapeHtml(JSON.stringify(brief.keywords))}"`;
  return `<li ${data}>
<article aria-labelledby="title-${escapeHtml(brief.id)}">
<h2 id="title-${escapeHtml(brief.id)}">${title}</h2>
<p class="meta"><time datetime="${escapeHtml(brief.date)}">${escapeHtml(readableDate(brief.date))}</time> · <span class="classification">${escapeHtml(brief.classification)}</span></p>
${brief.summary ? `<p class="summary">${escapeHtml(excerpt(brief.summary))}</p>\n` : ''}<p class="updated">Updated <time datetime="${escapeHtml(brief.builtAt)}">${escapeHtml(readableDate(updated))}</time>${change}</p>${keywords}
<p class="formats">${links}</p>
</article>
</li>`;
}

const options = (values: string[]) => values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(value)}</option>`).join('');

export interface IndexAssets {
  /** The MiniSearch library and the search data, relative to the out dir. */
  searchLibrary: string;
  searchIndex: string;
}

/** The index page of `manifest`: newest brief first, then by title. */
export function renderIndexPage(manifest: Manifest, assets: IndexAssets): string {
  const briefs = [...manifest.briefs].sort((left, right) =>
    left.date !== right.date ? (left.date < right.date ? 1 : -1) : titleOrder.compare(left.title, right.title),
  );
  const keywords = [...new Set(briefs.flatMap((brief) => brief.keywords))].sort(titleOrder.compare);
  const classifications = [...new Set(briefs.map((brief) => brief.classification))].sort(titleOrder.compare);
  const count = `${briefs.length} brief${briefs.length === 1 ? '' : 's'}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${indexScriptHash} 'strict-dynamic'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefsmith ${escapeHtml(manifest.version)}">
<title>Briefs</title>
<link rel="alternate" type="application/atom+xml" title="Briefs: new and changed" href="${feedFileName}">
<style>${indexStyle}</style>
</head>
<body>
<main>
<h1>Briefs</h1>
<form id="controls" role="search" hidden data-library="${href(assets.searchLibrary)}" data-index="${href(assets.searchIndex)}">
<div class="field query"><label for="q">Search the briefs</label><input id="q" name="q" type="search" autocomplete="off"></div>
<div class="field"><label for="keyword">Keyword</label><select id="keyword" name="keyword"><option value="">Any</option>${options(keywords)}</select></div>
<div class="field"><label for="classification">Classification</label><select id="classification" name="classification"><option value="">Any</option>${options(classifications)}</select></div>
<div class="field"><label for="sort">Sort</label><select id="sort" name="sort"><option value="newest">Newest first</option><option value="oldest">Oldest first</option><option value="updated">Recently updated</option><option value="title">Title</option><option value="relevance">Best match</option></select></div>
</form>
<p id="status" role="status">${count}</p>
<ol id="briefs" class="briefs">
${briefs.map(card).join('\n')}
</ol>
</main>
<footer>${count} · <a href="${feedFileName}">Atom feed of new and changed briefs</a> · <a href="manifest.json">manifest.json</a></footer>
<script>${indexScript}</script>
</body>
</html>
`;
}

/** Writes the index page unless it already holds exactly that. */
export async function writeIndexPage(outDir: string, manifest: Manifest, assets: IndexAssets): Promise<void> {
  const path = join(outDir, indexFileName);
  const html = renderIndexPage(manifest, assets);
  if (readTextOrNull(path) !== html) await writeOwned(outDir, indexFileName, html);
}

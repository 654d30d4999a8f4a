/**
 * `out/index.html`: every published brief with its date, classification and links to its
 * outputs. Standalone and inert: every value is escaped, the CSS is inline and a strict CSP
 * forbids any request, script or form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate } from '../render/helpers/common.js';
import type { Manifest } from './manifest.js';
import { writeOwned } from './contained.js';

export const indexFileName = 'index.html';

const labels: Record<string, string> = { html: 'HTML', pdf: 'PDF', docx: 'Word', md: 'Markdown', json: 'JSON' };

/** A manifest is data from disk: a date the helper rejects is shown as written. */
const readableDate = (date: string) => { try { return formatDate(date); } catch { return date; } };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #ddd;vertical-align:top}
th{font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:#555}.classification{font-size:.85rem;color:#555}
.links a{margin-right:.75rem}footer{margin-top:2rem;font-size:.8rem;color:#777}`;

// What `localeCompare(…, 'en')` builds on every call: with a hundred briefs of one date, most of the page's time.
const titleOrder = new Intl.Collator('en');

/** The index page of `manifest`: newest brief first, then by title. */
export function renderIndexPage(manifest: Manifest): string {
  const briefs = [...manifest.briefs].sort((left, right) => (left.date !== right.date ? (left.date < right.date ? 1 : -1) : titleOrder.compare(left.title, right.title)));
  const rows = briefs.map((brief) => {
    const links = brief.outputs
      .filter((output) => output.format !== 'json')
      .map((output) => `<a href="${escapeHtml(encodeURIComponent(output.path))}">${labels[output.format] ?? escapeHtml(output.format)}</a>`)
      .join('');
    const title = brief.outputs.some((output) => output.format === 'html')
      ? `<a href="${escapeHtml(encodeURIComponent(`${brief.id}.html`))}">${escapeHtml(brief.title)}</a>`
      : escapeHtml(brief.title);
    return `<tr><td>${title}</td><td><time datetime="${escapeHtml(brief.date)}">${escapeHtml(readableDate(brief.date))}</time></td><td class="classification">${escapeHtml(brief.classification)}</td><td class="links">${links}</td></tr>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefsmith ${escapeHtml(manifest.version)}">
<title>Briefs</title>
<style>${style}</style>
</head>
<body>
<h1>Briefs</h1>
<table>
<thead><tr><th scope="col">Title</th><th scope="col">Date</th><th scope="col">Classification</th><th scope="col">Formats</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<footer>${briefs.length} brief${briefs.length === 1 ? '' : 's'} · <a href="manifest.json">manifest.json</a></footer>
</body>
</html>
`;
}

/** Writes the index page unless it already holds exactly that. */
export async function writeIndexPage(outDir: string, manifest: Manifest): Promise<void> {
  const path = join(outDir, indexFileName);
  const html = renderIndexPage(manifest);
  if (readTextOrNull(path) !== html) await writeOwned(outDir, indexFileName, html);
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

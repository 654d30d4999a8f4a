/** The pages `serve` makes itself: the list of briefs and the error page of a broken brief. */
import { relative } from 'node:path';
import type { Format } from '../render/formats.js';
import { problemsOf } from '../errors/format.js';
import type { BriefStatus } from '../watch/watch.js';
import type { VFile } from 'vfile';
import { reloadScript, servedPolicy } from './live-reload.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
.error{color:#a00}.warning{color:#8a5a00}.ok{color:#176117}pre{background:#f6f6f6;padding:.5rem;overflow:auto;font-size:13px}
code{font-size:14px}a{color:#0b57d0}`;

function page(title: string, body: string, nonce: string, id: string): string {
  const policy = servedPolicy("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", nonce);
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${policy}">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${style}</style>\n</head>\n<body>\n${body}\n${reloadScript(nonce, id)}\n</body>\n</html>\n`
  );
}

/** Every problem of `files`, one row each, with code frames for template problems. */
function problemList(files: readonly VFile[], cwd: string): string {
  const rows = problemsOf(files).map((problem) => {
    const file = problem.file.startsWith('/') ? relative(cwd, problem.file) : problem.file;
    const frame = problem.frame ? `<pre>${escapeHtml(problem.frame)}</pre>` : '';
    return (
      `<tr><td><code>${escapeHtml(`${file}:${problem.line}:${problem.column}`)}</code></td><td class="${problem.severity}">${problem.severity}</td>` +
      `<td>${escapeHtml(problem.message)} <code>${escapeHtml(problem.ruleId)}</code>${frame}</td></tr>`
    );
  });
  return rows.length > 0 ? `<table>\n${rows.join('\n')}\n</table>` : '';
}

/** The list of briefs, with their state and links to each output. */
export function indexPage(briefs: readonly BriefStatus[], templates: readonly VFile[], formats: readonly Format[], nonce: string, cwd: string): string {
  const rows = briefs.map((brief) => {
    const links = formats.map((format) => `<a href="/${encodeURIComponent(brief.id)}.${format}">${format}</a>`).join(' ');
    const errors = problemsOf(brief.files).filter((problem) => problem.severity === 'error').length;
    const state = brief.ok
      ? '<span class="ok">ok</span>'
      : `<a class="error" href="/${encodeURIComponent(brief.id)}.html">${errors} error${errors === 1 ? '' : 's'}</a>`;
    return `<tr><td><a href="/${encodeURIComponent(brief.id)}.html">${escapeHtml(brief.title ?? brief.id)}</a><br><code>${escapeHtml(relative(cwd, brief.path))}</code></td><td>${state}</td><td>${links}</td></tr>`;
  });
  const templateProblems = problemList(templates, cwd);
  const body =
    `<h1>Briefs</h1>\n<table>\n<tr><th>Brief</th><th>State</th><th>Outputs</th></tr>\n${rows.join('\n') || '<tr><td colspan="3">No briefs found.</td></tr>'}\n</table>` +
    (templateProblems ? `\n<h2>Templates</h2>\n${templateProblems}` : '');
  return page('briefsmith preview', body, nonce, '*');
}

/** What a broken brief shows instead of its HTML; it reloads when the brief is fixed. */
export function errorPage(brief: BriefStatus, templates: readonly VFile[], nonce: string, cwd: string): string {
  const body =
    `<p><a href="/">All briefs</a></p>\n<h1 class="error">${escapeHtml(relative(cwd, brief.path))} cannot be built</h1>\n` +
    `<p>Fix the problems below and save; this page reloads by itself.</p>\n${problemList([...brief.files, ...templates], cwd)}`;
  return page(`Errors: ${brief.title ?? brief.id}`, body, nonce, brief.id);
}

/**
 * Web links as notes in the printed document. On paper a link is only its text, so each link
 * to the web gets a superscript letter, and the addresses are listed under "Links in the text"
 * at the end, one letter per address in the order they first appear. Only the HTML Chromium
 * prints gets them; on screen the links are clickable. Source addresses, which the Sources list
 * already prints (`class="url"`), and links inside the templates' own head are left alone.
 */
import { htmlPieces } from './html-pieces.js';

const webLink = /^<a\s(?:[^>"']|"[^"]*"|'[^']*')*\bhref="((?:https?:|mailto:)[^"]*)"/i;
const classAttribute = /\bclass="([^"]*)"/i;

/** a, b, … z, aa, ab, …: what CSS `lower-alpha` counts, so the list and the marks agree. */
export function noteLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** An attribute's text as element text: its entities are kept, and angle brackets escaped. */
const asText = (value: string) => value.replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * `html` with a superscript letter after each link to the web in its body and the addresses
 * listed before `</article>` (or `</body>`); unchanged when it has no such link.
 */
export function addLinkNotes(html: string): string {
  const letters = new Map<string, string>();
  let inBody = false;
  let open: string | undefined;
  const pieces = htmlPieces(html).map((piece, index) => {
    if (index % 2 === 0) return piece;
    if (/^<body[\s>]/i.test(piece)) inBody = true;
    if (open !== undefined && /^<\/a>/i.test(piece)) {
      const letter = open;
      open = undefined;
      return `${piece}<sup class="link-note">${letter}</sup>`;
    }
    const href = inBody ? webLink.exec(piece)?.[1] : undefined;
    const classes = classAttribute.exec(piece)?.[1]?.split(/\s+/) ?? [];
    if (href === undefined || classes.includes('url')) return piece;
    let letter = letters.get(href);
    if (letter === undefined) {
      letter = noteLetter(letters.size);
      letters.set(href, letter);
    }
    open = letter;
    // The stylesheet prints a link's address after it unless it is noted.
    return classAttribute.test(piece)
      ? piece.replace(classAttribute, (_, value: string) => `class="${value} noted"`)
      : piece.replace(/^<a\s/i, '<a class="noted" ');
  });
  if (letters.size === 0) return html;
  const items = [...letters.keys()].map((href) => `<li><a class="url" href="${href}">${asText(href.replace(/^mailto:/i, ''))}</a></li>`);
  const list = `<section class="link-notes" aria-labelledby="link-notes-title"><h3 id="link-notes-title">Links in the text</h3><ol>${items.join('')}</ol></section>\n`;
  const result = pieces.join('');
  const at = result.lastIndexOf('</article>') !== -1 ? result.lastIndexOf('</article>') : result.lastIndexOf('</body>');
  return at === -1 ? result + list : result.slice(0, at) + list + result.slice(at);
}

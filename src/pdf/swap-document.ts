/**
 * Loading a brief into a page that stays open: the page keeps one shell document (the sandbox
 * policy and the `@font-face` rules) and each brief replaces everything else in it. Fonts are
 * then parsed and decoded once per page instead of once per brief, and the ~200 KB of inlined
 * font data is not sent to Chromium again for every brief. The result prints the same pixels
 * and text as loading the whole HTML with `setContent`.
 */

/** The document a page starts from: the policy first, then the fonts (filled in later). */
export function shellDocument(policy: string): string {
  return `<!doctype html><html><head>${policy}<style id="briefsmith-fonts"></style></head><body></body></html>`;
}

/**
 * Runs inside the page, serialised by puppeteer (so: no imports, no outer variables). Page
 * scripts stay disabled; DevTools evaluation still runs. DOMParser builds an inert document
 * (no scripts, no loads); its nodes are imported under the shell's policy.
 */
export async function swapDocument(source: string, fonts: string | null): Promise<{ refresh: string } | null> {
  // The DOM types are not in this package's `lib`: this one function runs in the browser.
  // biome-ignore lint/suspicious/noExplicitAny: the DOM types are not in this package's lib
  const { document, DOMParser } = globalThis as any;
  const parsed = new DOMParser().parseFromString(source, 'text/html');
  // A refresh is a navigation; imported, it would stay scheduled on the page after this brief.
  for (const meta of [...parsed.querySelectorAll('meta[http-equiv]')]) {
    const kind = String(meta.getAttribute('http-equiv')).toLowerCase();
    if (kind === 'refresh') return { refresh: String(meta.getAttribute('content') ?? '').replace(/^[^;]*;\s*(url\s*=\s*)?/i, '') };
    // The shell's policy stays in force; others are dropped rather than stacked page after page.
    meta.remove();
  }
  const fontStyle = document.getElementById('briefsmith-fonts');
  // null: the page already has these fonts (the printer remembers what it sent).
  if (fonts !== null) fontStyle.textContent = fonts;
  const root = document.documentElement;
  for (const attribute of [...root.attributes]) root.removeAttribute(attribute.name);
  for (const attribute of [...parsed.documentElement.attributes]) root.setAttribute(attribute.name, attribute.value);
  const policy = document.head.firstElementChild;
  for (const child of [...document.head.childNodes]) if (child !== policy && child !== fontStyle) child.remove();
  // The brief's own head (its styles) goes after the fonts, as in the full document.
  for (const node of [...parsed.head.childNodes]) document.head.append(document.importNode(node, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  await Promise.all([...document.images].map((image: { decode(): Promise<void> }) => image.decode().catch(() => undefined)));
  await document.fonts.ready;
  return null;
}

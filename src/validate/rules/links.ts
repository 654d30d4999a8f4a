/**
 * Links and images from untrusted briefs: only http(s), mailto and in-page links; images only as
 * local files inside the brief's folder. Obfuscated schemes (mixed case, entities, control
 * characters, white space) are normalised before the check, as browsers would.
 */
import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { visit } from '../../source/visit-tree.js';
import { report } from '../../errors/report.js';

/** The scheme of `url` as a browser would read it (lowercase, without ignored characters), or null. */
export function urlScheme(url: string): string | null {
  // Browsers drop ASCII tab/newline anywhere and control characters/space at the ends.
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1]?.toLowerCase() ?? null;
}

/** `HTTPS://x` → `https://x`: the sanitizer compares schemes case-sensitively and would drop the link. */
export function lowercaseScheme(url: string): string {
  return url.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:/, (scheme) => scheme.toLowerCase());
}

/** True for links a reader may follow: http(s), mailto, in-page, or relative without a scheme. */
export function isSafeLink(url: string): boolean {
  const scheme = urlScheme(url);
  // Browsers read `/\host` and ` //host` as `//host`: another site, not a relative link.
  if (scheme === null) return !/^[\u0000-\u001F]/.test(url) && !/^[\\/]{2}/.test(url.replace(/[\t\n\r]/g, '').trim());
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

/** Why an image URL is refused, or null when it is a relative path inside the brief's folder. */
export function imageProblem(url: string): string | null {
  if (urlScheme(url) !== null || url.startsWith('//')) return 'a relative path to a local image (remote and `scheme:` images are refused)';
  if (url.startsWith('/') || url.startsWith('\\')) return 'a path relative to the brief (absolute paths are refused)';
  const segments = decodeURI(url).split(/[\\/]/);
  let depth = 0;
  for (const segment of segments) {
    depth += segment === '..' ? -1 : segment === '.' || segment === '' ? 0 : 1;
    if (depth < 0) return "a path inside the brief's folder (`..` may not leave it)";
  }
  return null;
}

/**
 * Reports unsafe links and images, images without alt text, and raw HTML (block or inline, which
 * the output drops), with their positions; `at` places them all there instead (a Markdown field of the front matter,
 * whose tree has positions inside the YAML string, not the file).
 */
export function checkLinks(file: VFile, tree: Root, checkImage?: (url: string) => string | null, at?: Position): void {
  visit(tree, (node) => {
    const place = at ?? node.position;
    if (node.type === 'html') report(file, 'raw-html', place);
    if ((node.type === 'link' || node.type === 'definition') && !isSafeLink(node.url)) {
      report(file, 'unsafe-link', place, { url: node.url });
    }
    if (node.type === 'image') {
      const problem = safeImageProblem(node.url) ?? checkImage?.(node.url);
      if (problem) report(file, 'unsafe-image', place, { url: node.url, expected: problem });
      // The PDF's Figure takes its /Alt from here (PDF/UA-1 §7.3); a reader of the HTML hears it too.
      if (!node.alt?.trim()) report(file, 'image-alt', place, { url: node.url });
    }
  });
}

function safeImageProblem(url: string): string | null {
  try {
    return imageProblem(url);
  } catch {
    return 'a well-formed relative path';
  }
}

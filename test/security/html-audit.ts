/**
 * Audits rendered HTML the way a browser would read it (parsed with parse5 through
 * hast-util-from-html): lists every element, attribute or URL that could run code, load a
 * resource or navigate. The template's own head (one CSP meta, one style of inlined fonts and
 * print CSS, whose URLs must all be `data:`) is the only allowed exception.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

const executableElements = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'track',
  'portal',
  'noscript',
  'template',
  'img',
  'image',
  'picture',
  'style',
  'meta',
]);
const urlProperties = ['href', 'src', 'srcSet', 'action', 'formAction', 'poster', 'data', 'xLinkHref', 'background', 'cite', 'ping', 'codeBase'];

/** Where `html` could run code or reach out; empty when it cannot. `allowImages` permits `img` with a `data:image/` src. */
export function executableParts(html: string, options: { allowImages?: boolean } = {}): string[] {
  const found: string[] = [];
  const tree = fromHtml(html);
  let metas = 0;
  const walk = (node: Nodes, inHead: boolean) => {
    if (node.type === 'element') {
      audit(node, inHead);
      const head = inHead || node.tagName === 'head';
      for (const child of node.children) walk(child, head);
      if (node.content) walk(node.content, head);
    } else if ('children' in node) {
      for (const child of node.children) walk(child, inHead);
    }
  };
  const audit = (element: Element, inHead: boolean) => {
    const name = element.tagName;
    const properties = element.properties;
    if (inHead && name === 'style') {
      // The template's own CSS: fonts inlined as data: URLs, nothing imported or fetched.
      const css = toText(element);
      if (/@import/i.test(css)) found.push('@import in <style>');
      for (const match of css.matchAll(/url\(\s*['"]?([^'")\s]*)/gi)) if (!/^data:/i.test(match[1]!)) found.push(`url(${match[1]}) in <style>`);
      return;
    }
    if (inHead && name === 'meta' && !('httpEquiv' in properties && String(properties.httpEquiv).toLowerCase() === 'refresh')) {
      if (String(properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy' && metas++ > 0) found.push('second CSP meta');
      return;
    }
    if (name === 'img' && options.allowImages && /^data:image\/(png|jpeg|gif|webp);base64,/.test(String(properties.src ?? ''))) {
      // An inlined image: only src, alt and presentational attributes may remain.
    } else if (executableElements.has(name)) {
      found.push(`<${name}>`);
    }
    for (const [property, value] of Object.entries(properties)) {
      if (/^on/i.test(property)) found.push(`${name}[${property}]`);
      if (property === 'style' && /url\s*\(|@import|expression\s*\(/i.test(String(value))) found.push(`${name}[style=${String(value)}]`);
      if (urlProperties.includes(property)) {
        const url = String(Array.isArray(value) ? value.join(' ') : value)
          .replace(/[\u0000-\u0020]/g, '')
          .toLowerCase();
        const allowedData = name === 'img' && options.allowImages && /^data:image\/(png|jpeg|gif|webp);/.test(url);
        if (/^(javascript|vbscript|data|file|blob|filesystem):/.test(url) && !allowedData) found.push(`${name}[${property}=${url.slice(0, 40)}]`);
        if (property !== 'href' && property !== 'cite' && property !== 'src' && url !== '') found.push(`${name}[${property}]`);
      }
    }
  };
  walk(tree, false);
  return found;
}

function toText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(toText).join('') : '';
}

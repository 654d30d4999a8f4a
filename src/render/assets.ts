/**
 * Template assets: images kept in a templates folder (a logo, a crest) that templates show with
 * `{{asset "logo.png"}}`. An asset resolves through the same folders as the templates (user,
 * project, built-in) and is inlined as a `data:` URL, so the page still loads nothing and the
 * sandbox and Content-Security-Policy stay as they are. PNG, JPEG, GIF and WebP are checked by
 * their first bytes (images.ts); an SVG is accepted only when it holds nothing active or external
 * (no script, event handler, foreign object, entity, style sheet or reference outside the file),
 * and refused otherwise rather than silently edited.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inlineImage, maxImageBytes } from './images.js';
import { noteTemplateUse, templateTextHash } from './template-usage.js';

/** An asset that is missing or refused; the renderer adds the template line that names it. */
export class AssetError extends Error {
  constructor(
    readonly asset: string,
    readonly problem: string,
  ) {
    super(`Unexpected asset \`${asset}\`, expected ${problem}`);
    this.name = 'AssetError';
  }
}

const svgDanger: Array<[RegExp, string]> = [
  [/<!(DOCTYPE|ENTITY)/i, 'a document type or entity'],
  [/<\?xml-stylesheet/i, 'a style sheet reference'],
  [/<(script|foreignObject|iframe|embed|object|audio|video|animate|set|handler)\b/i, 'an active element'],
  [/\son[a-z]+\s*=/i, 'an event handler'],
  [/\s(?:xlink:)?href\s*=\s*(?!["']?\s*#)/i, 'a reference outside the file'],
  [/url\(\s*(?!["']?\s*#)/i, 'a reference outside the file'],
  [/@import|javascript:/i, 'a reference outside the file'],
];

/** Why an SVG text may not be inlined, or null when it holds only shapes, text and in-file references. */
export function svgProblem(text: string): string | null {
  if (!/<svg[\s>]/i.test(text)) return 'an SVG image (no <svg> element found)';
  for (const [pattern, what] of svgDanger) if (pattern.test(text)) return `an SVG without ${what}`;
  return null;
}

/** Why `name` is not a usable asset name, or null: a relative path inside the templates folder. */
function nameProblem(name: string): string | null {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..') || /^[a-z][\w+.-]*:/i.test(name)) {
    return 'a path inside a templates folder, such as `logo.png` or `images/crest.svg`';
  }
  return null;
}

/** The `data:` URL of asset `name`, found in the first of `dirs` that has it; throws AssetError. */
export function assetDataUrl(dirs: readonly string[], name: string): string {
  const problem = nameProblem(name);
  if (problem) throw new AssetError(name, problem);
  const dir = dirs.find((candidate) => existsSync(join(candidate, name)));
  if (!dir) throw new AssetError(name, `an image file in a templates folder (looked in ${dirs.join(', ')})`);
  const bytes = readFileSync(join(dir, name));
  noteTemplateUse(name, templateTextHash(bytes));
  if (/\.svg$/i.test(name)) {
    if (bytes.length > maxImageBytes) throw new AssetError(name, `an image of at most ${maxImageBytes} bytes (it has ${bytes.length})`);
    const svg = svgProblem(bytes.toString('utf8'));
    if (svg) throw new AssetError(name, svg);
    return `data:image/svg+xml;base64,${bytes.toString('base64')}`;
  }
  const inlined = inlineImage(dir, name);
  if ('problem' in inlined) throw new AssetError(name, inlined.problem.replace("the brief's folder", 'the templates folder'));
  return inlined.dataUrl;
}

/** Why asset `name` cannot be used with `dirs`, or null (for the template lint). */
export function assetProblem(dirs: readonly string[], name: string): string | null {
  try {
    assetDataUrl(dirs, name);
    return null;
  } catch (error) {
    if (error instanceof AssetError) return error.problem;
    throw error;
  }
}

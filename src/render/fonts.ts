/**
 * The bundled faces as `@font-face` rules with inlined WOFF2 data, read from the @fontsource
 * packages once per process. Inlining keeps the HTML standalone and lets the PDF renderer run
 * with every network request refused, and makes output independent of the machine's fonts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Package, CSS files (weights/styles) and subsets to embed. */
const faces: Array<{ pkg: string; css: string[]; subsets: string[] }> = [
  { pkg: '@fontsource/source-serif-4', css: ['400.css', '400-italic.css', '600.css', '700.css'], subsets: ['latin', 'latin-ext'] },
  { pkg: '@fontsource/source-sans-3', css: ['400.css', '600.css', '700.css'], subsets: ['latin', 'latin-ext'] },
  { pkg: '@fontsource/noto-naskh-arabic', css: ['400.css', '700.css'], subsets: ['arabic'] },
];

/** The families the templates may name. */
export const fontFamilies = { serif: 'Source Serif 4', sans: 'Source Sans 3', arabic: 'Noto Naskh Arabic' } as const;

const cached = new Map<string, string>();

/** `@font-face` CSS with data: URLs for every bundled face, or only the running-header face (cached). */
export function fontFaceCss(which: 'all' | 'running' = 'all'): string {
  const known = cached.get(which);
  if (known !== undefined) return known;
  const rules: string[] = [];
  const selected = which === 'all' ? faces : [{ pkg: '@fontsource/source-sans-3', css: ['400.css', '600.css'], subsets: ['latin'] }];
  for (const face of selected) {
    const root = dirname(require.resolve(`${face.pkg}/package.json`));
    for (const cssFile of face.css) {
      const css = readFileSync(join(root, cssFile), 'utf8');
      for (const block of css.split(/(?=\/\* )/)) {
        const name = /\/\* ([\w-]+) \*\//.exec(block)?.[1] ?? '';
        if (!face.subsets.some((subset) => name.includes(`-${subset}-`))) continue;
        rules.push(block.trim().replace(/src: url\(\.\/files\/([\w.-]+\.woff2)\)[^;]*;/, (_, file: string) => {
          const data = readFileSync(join(root, 'files', file)).toString('base64');
          return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
        }).replace(/font-display: swap;\n\s*/, 'font-display: block;\n  '));
      }
    }
  }
  const css = rules.join('\n');
  cached.set(which, css);
  return css;
}

/** The font files embedded, for `briefsmith doctor`. */
export function embeddedFontNames(): string[] {
  return faces.map((face) => `${face.pkg} (${face.css.map((css) => css.replace('.css', '')).join(', ')}; ${face.subsets.join(', ')})`);
}

/**
 * Site mode (`build --site`): the fonts and the stylesheet live once under `out/assets/`, named
 * by a hash of their content, and every page links them instead of carrying ~250 KB of inlined
 * CSS and fonts. A changed stylesheet gets a new name, so a browser never mixes an old cached
 * file with a new page. The names are worked out here, where the HTML is rendered, and the build
 * writes the same files from the same functions.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fontFiles, linkedFontFaceCss } from './fonts.js';

export const assetsFolder = 'assets';

export interface SiteAsset {
  /** Path relative to the out dir, `/`-separated (`assets/brief.1a2b3c4d5e6f.css`). */
  path: string;
  data: Uint8Array;
}

const utf8 = new TextEncoder();

/** `assets/<base>.<12 hex of sha256>.<extension>`. */
export function hashedAssetPath(base: string, extension: string, data: Uint8Array | string): string {
  return `${assetsFolder}/${base}.${createHash('sha256').update(data).digest('hex').slice(0, 12)}.${extension}`;
}

let fonts: { stylesheet: SiteAsset; files: SiteAsset[] } | undefined;

/** The bundled fonts as files and one stylesheet of `@font-face` rules linking them (read once per process). */
export function fontAssets(): { stylesheet: SiteAsset; files: SiteAsset[] } {
  if (!fonts) {
    const names = new Map<string, string>();
    const files = fontFiles().map((file) => {
      const data = readFileSync(file);
      const path = hashedAssetPath(basename(file, '.woff2'), 'woff2', data);
      names.set(file, basename(path));
      return { path, data };
    });
    // The font files sit next to the stylesheet: its URLs are bare names.
    const css = linkedFontFaceCss((file) => names.get(file)!);
    fonts = { stylesheet: { path: hashedAssetPath('fonts', 'css', css), data: utf8.encode(css) }, files };
  }
  return fonts;
}

/** The brief stylesheet (print.css, then screen.css, as the templates resolve them) as an asset. */
export function stylesheetAsset(css: string): SiteAsset {
  return { path: hashedAssetPath('brief', 'css', css), data: utf8.encode(css) };
}

/** The stylesheet and fonts that site-mode pages link, written once under `assets/`. */
import { layouts } from '../model/schema.js';
import type { Format } from '../render/formats.js';
import { briefStylesheet } from '../render/render.js';
import { fontAssets, stylesheetAsset, type SiteAsset } from '../render/site-assets.js';
import { templateDirs } from '../render/template-files.js';

/** None for standalone pages or a build without HTML. */
export function siteStyleAssets(options: { site?: boolean | undefined; formats: readonly Format[]; templates?: string | undefined; cwd: string }): SiteAsset[] {
  if (!options.site || !options.formats.includes('html')) return [];
  const fonts = fontAssets();
  const dirs = templateDirs({ templates: options.templates, cwd: options.cwd });
  // One stylesheet per layout: which layouts the briefs use is not known for unchanged ones.
  return [fonts.stylesheet, ...fonts.files, ...layouts.map((layout) => stylesheetAsset(briefStylesheet(dirs, layout)))];
}

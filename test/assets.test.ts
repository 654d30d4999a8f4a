/** Template assets: `{{asset "logo.png"}}` inlines an image of a templates folder; a missing or refused one is an error at its line. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { parseBrief, validateBrief, renderBrief, Printer, problemsOf } from '../src/index.js';
import { lintTemplates } from '../src/render/lint/lint-templates.js';
import { TemplateError } from '../src/render/template-error.js';
import { svgProblem } from '../src/render/assets.js';
import { fixturesDir } from './helpers/fixtures.js';

const fixture = join(fixturesDir, 'assets', 'templates');
const brief = validateBrief(parseBrief(readFileSync(join(fixturesDir, 'print', 'trade-dispute.md'), 'utf8'), { path: 'brief.md' })).brief!;
const logo = readFileSync(join(fixture, 'logo.png'));

/** A copy of the fixture's templates folder with the cover's asset name replaced by `name`. */
function templatesNaming(name: string, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bs-assets-'));
  cpSync(fixture, dir, { recursive: true });
  const cover = join(dir, 'partials', 'html', 'cover.hbs');
  writeFileSync(cover, readFileSync(cover, 'utf8').replace('{{asset "logo.png"}}', `{{asset "${name}"}}`));
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return dir;
}

describe('a template asset', () => {
  it('is inlined as a data: URL, and the HTML still loads nothing', async () => {
    const html = await renderBrief(brief, 'html', { templates: fixture });
    expect(html).toContain(`<img class="logo" src="data:image/png;base64,${logo.toString('base64')}"`);
    expect(html).toContain('img-src data:');
    expect(lintTemplates({ templates: fixture })).toEqual([]);
  });

  it.each([
    ['missing.png', /expected an image file in a templates folder/],
    ['../logo.png', /expected a path inside a templates folder/],
    ['https://example.org/logo.png', /expected a path inside a templates folder/],
    ['fake.png', /expected a PNG, JPEG, GIF or WebP image/],
    ['bad.svg', /expected an SVG without an active element/],
  ])('%s is an error at the template line that names it, in the build and in templates lint', async (name, reason) => {
    const dir = templatesNaming(name, { 'fake.png': 'not an image', 'bad.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' });
    const error = await renderBrief(brief, 'html', { templates: dir }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toMatch(reason);
    expect((error as TemplateError).message).toMatch(/partials\/html\/cover\.hbs:4:/);
    const [problem, ...rest] = problemsOf(lintTemplates({ templates: dir, cwd: dir }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'partials/html/cover.hbs', line: 4, ruleId: 'template-asset', severity: 'error' });
    expect(problem!.message).toMatch(reason);
  });

  it('may be an SVG that holds only shapes, text and references inside itself', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>';
    expect(svgProblem(svg)).toBeNull();
    for (const bad of [
      '<svg onload="x()"/>',
      '<svg><image href="https://example.org/a.png"/></svg>',
      '<svg><rect style="fill:url(https://x)"/></svg>',
      '<!DOCTYPE svg [<!ENTITY e "x">]><svg/>',
      '<svg><foreignObject/></svg>',
    ]) {
      expect(svgProblem(bad), bad).not.toBeNull();
    }
    const html = await renderBrief(brief, 'html', { templates: templatesNaming('crest.svg', { 'crest.svg': svg }) });
    expect(html).toContain(`src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"`);
  });
});

describe('a template asset in the PDF', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await Printer.launch({ concurrency: 1 });
  });
  afterAll(async () => {
    await printer?.close();
  });

  it('prints as an image on the cover', async () => {
    const document = await PDFDocument.load(await renderBrief(brief, 'pdf', { printer, templates: fixture }), { updateMetadata: false });
    const resources = document.getPages()[0]!.node.Resources();
    const xObjects = resources?.lookup(PDFName.of('XObject'));
    const images =
      xObjects instanceof PDFDict
        ? xObjects.entries().filter(([, reference]) => {
            const object = document.context.lookup(reference);
            return object && 'dict' in object && (object.dict as PDFDict).get(PDFName.of('Subtype')) === PDFName.of('Image');
          })
        : [];
    expect(images.length).toBeGreaterThan(0);
  });
});

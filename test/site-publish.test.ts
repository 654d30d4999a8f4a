/**
 * Publishing for readers: site mode (assets written once, pages linking only their own folder),
 * the Atom feed (valid, stable ids, changed briefs) and the search data.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { buildBriefs } from '../src/index.js';
import { modelText, plainText } from '../src/render/plain-text.js';
import { fullBrief, makeProject, minimalBrief, withId, writeProjectFile } from './helpers/project.js';

const env = { SOURCE_DATE_EPOCH: '1761955200' };
const sample = readFileSync(join(import.meta.dirname, '..', 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
const project = () =>
  makeProject({
    'briefs/sample.md': sample,
    'briefs/full.md': fullBrief,
    'briefs/minimal.md': minimalBrief,
    'briefs/copy.md': withId(minimalBrief, 'copy-brief'),
  });
const read = (cwd: string, path: string) => readFileSync(join(cwd, 'out', path), 'utf8');

/** Every URL a page could request: href/src attributes and CSS url()s. */
function references(text: string): string[] {
  return [...text.matchAll(/\b(?:href|src)="([^"]*)"|url\(\s*['"]?([^'")]+)/g)].map((match) => match[1] ?? match[2]!);
}

describe('site mode', () => {
  it('writes fonts and stylesheet once under assets/, and every page links only files of its folder', async () => {
    const cwd = project();
    const result = await buildBriefs({ cwd, formats: ['html', 'json'], site: true, env });
    expect(result.failures).toEqual([]);
    const assets = readdirSync(join(cwd, 'out', 'assets'));
    const stylesheets = assets.filter((name) => /^brief\.[0-9a-f]{12}\.css$/.test(name));
    // One stylesheet per layout (brief, note), whatever the number of pages.
    expect(stylesheets).toHaveLength(2);
    expect(assets.filter((name) => /^fonts\.[0-9a-f]{12}\.css$/.test(name))).toHaveLength(1);
    // The HTML pages carry no font data and no stylesheet of their own: four pages, one copy.
    for (const id of ['sharaa-moscow-2025-10', 'full-brief', 'minimal-brief', 'copy-brief']) {
      const html = read(cwd, `${id}.html`);
      expect(html).not.toContain('@font-face');
      expect(html).not.toContain('data:font');
      expect(stylesheets).toContain(/<link rel="stylesheet" href="assets\/(brief\.[0-9a-f]{12}\.css)">/.exec(html)?.[1]);
      expect(html).toMatch(/content="default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src data:;/);
      for (const reference of references(html).filter((url) => !url.startsWith('#') && !url.startsWith('http'))) {
        expect(reference, reference).not.toMatch(/^[a-z]+:|^\/\/|\.\./i);
      }
      for (const stylesheet of references(html).filter((url) => url.startsWith('assets/'))) expect(existsSync(join(cwd, 'out', stylesheet))).toBe(true);
    }
    // The font stylesheet names font files next to it, each of them written.
    const fonts = read(cwd, `assets/${assets.find((name) => name.startsWith('fonts.'))}`);
    const files = references(fonts);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(assets).toContain(file);
  });

  it('keeps standalone pages by default, and a template change replaces the old stylesheet asset', async () => {
    const cwd = project();
    await buildBriefs({ cwd, formats: ['html'], env });
    expect(read(cwd, 'minimal-brief.html')).toContain('@font-face');
    expect(readdirSync(join(cwd, 'out', 'assets')).some((name) => name.startsWith('brief.'))).toBe(false);
    await buildBriefs({ cwd, formats: ['html'], site: true, env });
    const before = readdirSync(join(cwd, 'out', 'assets')).filter((name) => name.startsWith('brief.'));
    writeProjectFile(cwd, 'custom/screen.css', '@media screen { body { margin: 1px; } }\n');
    await buildBriefs({ cwd, formats: ['html'], site: true, env, templates: 'custom' });
    const after = readdirSync(join(cwd, 'out', 'assets')).filter((name) => name.startsWith('brief.'));
    expect(after).toHaveLength(2);
    expect(after.some((name) => before.includes(name))).toBe(false);
    expect(after).toContain(/assets\/(brief\.[0-9a-f]{12}\.css)/.exec(read(cwd, 'minimal-brief.html'))?.[1]);
  });
});

function atom(text: string): Element {
  const document = xml2js(text, { compact: false }) as Element;
  return document.elements!.find((element) => element.name === 'feed')!;
}
const children = (element: Element, name: string) => (element.elements ?? []).filter((child) => child.name === name);
const textOf = (element: Element | undefined) => (element?.elements ?? []).map((child) => child.text ?? child.cdata ?? '').join('');

describe('feed.xml', () => {
  it('is valid Atom: one entry per brief with the required elements, absolute ids, RFC 3339 dates', async () => {
    const cwd = project();
    await buildBriefs({ cwd, formats: ['html', 'json'], env });
    const feed = atom(read(cwd, 'feed.xml'));
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) expect(children(feed, name), name).toHaveLength(1);
    const entries = children(feed, 'entry');
    expect(entries).toHaveLength(4);
    const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
    expect(textOf(children(feed, 'updated')[0])).toMatch(rfc3339);
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated']) expect(children(entry, name), name).toHaveLength(1);
      expect(textOf(children(entry, 'id')[0])).toMatch(/^urn:briefsmith:brief:[a-z0-9-]+:[0-9a-f]{16}$/);
      expect(textOf(children(entry, 'updated')[0])).toMatch(rfc3339);
      // RFC 4287 4.1.1: an entry without its own author needs one in the feed; here every entry has one.
      expect(children(entry, 'author').length + children(feed, 'author').length).toBeGreaterThan(0);
      expect(children(entry, 'link')[0]?.attributes?.href).toMatch(/^[a-z0-9-]+\.html$/);
    }
    expect(new Set(entries.map((entry) => textOf(children(entry, 'id')[0]))).size).toBe(4);
  });

  it('keeps an entry id while a brief is unchanged, gives a changed brief a new one with its changes as the content', async () => {
    const cwd = project();
    await buildBriefs({ cwd, formats: ['html', 'json'], env, outDir: 'previous' });
    await buildBriefs({ cwd, formats: ['html', 'json'], env });
    const idsOf = () =>
      Object.fromEntries(
        children(atom(read(cwd, 'feed.xml')), 'entry').map((entry) => [
          textOf(children(entry, 'title')[0]),
          { id: textOf(children(entry, 'id')[0]), content: textOf(children(entry, 'content')[0]) },
        ]),
      );
    const first = idsOf();
    writeFileSync(
      join(cwd, 'briefs', 'full.md'),
      fullBrief.replace(
        '## Key judgments\n',
        '## Key judgments\n\n:::judgment{likelihood=likely confidence=high}\nA new judgment is likely to hold. [@alpha]\n:::\n',
      ),
    );
    const result = await buildBriefs({ cwd, formats: ['html', 'json'], env, since: 'previous', force: true });
    expect(result.files.flatMap((file) => file.messages.filter((message) => message.fatal))).toEqual([]);
    const second = idsOf();
    const full = Object.keys(first).find((title) => first[title]!.id.includes(':full-brief:'))!;
    const minimal = Object.keys(first).find((title) => first[title]!.id.includes(':minimal-brief:'))!;
    expect(second[minimal]!.id).toBe(first[minimal]!.id);
    expect(second[full]!.id).not.toBe(first[full]!.id);
    expect(second[full]!.content).toMatch(/^Changes since \d{4}-\d\d-\d\d: .*judgment/);
  });
});

describe('search data and plain text', () => {
  it('indexes the words of every part of a brief, and the summary loses its citations and marks', async () => {
    const cwd = project();
    await buildBriefs({ cwd, formats: ['html', 'json'], env });
    const model = JSON.parse(read(cwd, 'sharaa-moscow-2025-10.json'));
    const text = modelText(model);
    expect(text).toContain('Hmeimim');
    expect(text).not.toContain('[@');
    expect(plainText('A **bold** :q[quoted words]{source=afp} claim. [@afp; @other, p. 3]')).toBe('A bold quoted words claim.');
    const manifest = JSON.parse(read(cwd, 'manifest.json'));
    const sampleEntry = manifest.briefs.find((brief: { id: string }) => brief.id === 'sharaa-moscow-2025-10');
    expect(sampleEntry.summary).toMatch(/^Syria's transitional president/);
    expect(sampleEntry.summary).not.toMatch(/\[@|\*\*/);
    expect(sampleEntry.keywords).toContain('Hmeimim');
    const search = readdirSync(join(cwd, 'out', 'assets')).filter((name) => /^search\.[0-9a-f]{12}\.js$/.test(name));
    expect(search).toHaveLength(1);
    expect(read(cwd, 'index.html')).toContain(`data-index="assets/${search[0]}"`);
  });
});

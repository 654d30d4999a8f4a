/** The build cache follows the local images a brief inlines, not just its text. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildBriefs } from '../src/index.js';
import { fixturesDir } from './helpers/fixtures.js';

// A 1×1 PNG, and the same image in another colour.
const red = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const blue = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPj/HwADBwIAMCbHYQAAAABJRU5ErkJggg==', 'base64');

it('rebuilds a brief when an image it inlines changes, and only then', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-images-'));
  mkdirSync(join(cwd, 'briefs'));
  const text = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8').replace('## Timeline', '![Map of the region](map.png) [@alpha]\n\n## Timeline');
  writeFileSync(join(cwd, 'briefs', 'brief.md'), text);
  writeFileSync(join(cwd, 'briefs', 'map.png'), red);
  const options = { cwd, paths: ['briefs'], formats: ['html'] as const };

  const first = await buildBriefs(options);
  expect(first.written.map((file) => file.format)).toEqual(['html']);
  const html = readFileSync(join(cwd, 'out', 'minimal-brief.html'), 'utf8');
  expect(html.match(/<img[^>]*>/)?.[0]).toContain(`data:image/png;base64,${red.toString('base64')}`);

  expect((await buildBriefs(options)).written).toEqual([]);

  writeFileSync(join(cwd, 'briefs', 'map.png'), blue);
  const third = await buildBriefs(options);
  expect(third.written).toHaveLength(1);
  expect(readFileSync(join(cwd, 'out', 'minimal-brief.html'), 'utf8')).toContain(`data:image/png;base64,${blue.toString('base64')}`);
});

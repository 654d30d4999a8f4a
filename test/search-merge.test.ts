/**
 * The search index built brief by brief and merged (src/publish/search-merge.ts) answers exactly as
 * MiniSearch indexing the same documents itself, and a rebuild reuses each unchanged brief's part
 * from the build cache.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import { buildBriefs } from '../src/index.js';
import { BuildSession } from '../src/engine/session.js';
import { runBriefJob } from '../src/engine/brief-job.js';
import { sealed } from '../src/cache/sealed-file.js';
import { entryKey, entryOf, searchEntrySchema } from '../src/publish/search-entries.js';
import { searchSetup } from '../src/publish/search-setup.js';
import { entryFor } from '../src/publish/search-terms.js';
import { mergeSearchEntries, SearchMerger, type SearchEntry } from '../src/publish/search-merge.js';
import { fullBrief, makeProject, minimalBrief, withId } from './helpers/project.js';

const fields = ['title', 'summary', 'keywords', 'text'];
const options = { fields, idField: 'id' };
type Document = { id: string; title: string; summary: string; keywords: string; text: string };

/** One document's part, as search-entries.ts takes it from a one-document index. */
function partOf(document: Document): SearchEntry {
  const alone = new MiniSearch(options);
  alone.add(document);
  return entryOf(alone.toJSON(), fields.length);
}

/** The index as sorted data, so two serialisations that list terms in another order compare equal. */
function normalised(json: ReturnType<MiniSearch['toJSON']>) {
  return { ...json, index: [...json.index].sort(([first], [second]) => (first < second ? -1 : 1)) };
}

const word = fc.constantFrom(
  'Moscow',
  'bases',
  'Hmeimim',
  'Tartus',
  'extradition',
  'Assad',
  'gallium',
  'licence',
  'al-Sharaa',
  'الشرع',
  'Kestria’s',
  '2025',
  'e.g.',
);
const prose = fc.array(word, { maxLength: 30 }).map((words) => words.join(' '));
const documents = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), title: prose, summary: prose, keywords: prose, text: prose }), {
  minLength: 1,
  maxLength: 8,
  selector: (document) => document.id,
});

describe("a brief's entry counted without a one-document index", () => {
  it('has the terms, order, counts and field lengths of MiniSearch indexing the document itself', () => {
    const text = fc.oneof(
      prose,
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('', '  ', '—', 'a  b', "it's", 'U.S.-Russia', 'Ünïcödé ÜNÏCÖDÉ'),
    );
    const document = fc.record({ id: fc.constant('one'), title: text, summary: text, keywords: text, text });
    fc.assert(
      fc.property(document, (one) => {
        expect(entryFor(fields, one)).toEqual(partOf(one));
      }),
      { numRuns: 500 },
    );
  });
});

describe('merging one-brief search indexes', () => {
  it('gives the index and the answers of MiniSearch indexing the same documents', () => {
    fc.assert(
      fc.property(documents, fc.array(word, { minLength: 1, maxLength: 4 }), (all, query) => {
        const whole = new MiniSearch(options);
        whole.addAll(all);
        const merged = mergeSearchEntries(
          fields,
          all.map((document) => document.id),
          all.map(partOf),
        );
        expect(normalised(merged as ReturnType<MiniSearch['toJSON']>)).toEqual(normalised(whole.toJSON()));
        const loaded = MiniSearch.loadJS(merged as ReturnType<MiniSearch['toJSON']>, options);
        for (const search of [{}, { prefix: true }, { fuzzy: 0.2 }, { combineWith: 'AND' as const }]) {
          expect(loaded.search(query.join(' '), search)).toEqual(whole.search(query.join(' '), search));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the merged index written in pieces', () => {
  it('joins to the JSON of the whole index, escaped the same way, whatever the piece size', () => {
    const escapeTags = (json: string) => json.replace(/</g, '\\u003c');
    fc.assert(
      fc.property(documents, fc.integer({ min: 1, max: 5 }), (all, size) => {
        const merger = new SearchMerger(fields);
        // An id is the only text of the index that may hold a `<`.
        for (const document of all) merger.add(`${document.id}</script>`, partOf(document));
        expect([...merger.chunks(escapeTags, size)].join('')).toBe(escapeTags(JSON.stringify(merger.toJSON())));
      }),
      { numRuns: 100 },
    );
  });
});

describe('search entries in the build cache', () => {
  const searchData = (cwd: string) => {
    const name = readdirSync(join(cwd, 'out', 'assets')).find((file) => /^search\.[0-9a-f]{12}\.js$/.test(file))!;
    const script = readFileSync(join(cwd, 'out', 'assets', name), 'utf8');
    return MiniSearch.loadJS(JSON.parse(script.slice(script.indexOf('=') + 1, -2)), options);
  };
  const entries = (cwd: string) => readdirSync(join(cwd, 'out', '.cache', 'search')).sort();

  it('indexes only the briefs that changed, and drops the parts of briefs no longer published', async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief, 'briefs/minimal.md': minimalBrief, 'briefs/copy.md': withId(minimalBrief, 'copy-brief') });
    await buildBriefs({ cwd, formats: ['html', 'json'] });
    expect(entries(cwd)).toHaveLength(3);
    expect(
      searchData(cwd)
        .search('Freedonia')
        .map((result) => result.id),
    ).toContain('full-brief');
    // A model changed on disk behind the manifest's back is not read again: its cached part answers.
    writeFileSync(join(cwd, 'out', 'full-brief.json'), '{}');
    writeFileSync(join(cwd, 'briefs', 'minimal.md'), minimalBrief.replace(/^title: .*$/m, 'title: "A retitled minimal brief"'));
    await buildBriefs({ cwd, formats: ['html', 'json'] });
    expect(
      searchData(cwd)
        .search('retitled')
        .map((result) => result.id),
    ).toEqual(['minimal-brief']);
    expect(
      searchData(cwd)
        .search('Freedonia')
        .map((result) => result.id),
    ).toContain('full-brief');
    expect(entries(cwd)).toHaveLength(3);
    rmSync(join(cwd, 'briefs', 'copy.md'));
    await buildBriefs({ cwd, formats: ['html', 'json'] });
    expect(entries(cwd)).toHaveLength(2);
    expect(
      searchData(cwd)
        .search('minimal')
        .map((result) => result.id),
    ).not.toContain('copy-brief');
  });

  it("are made by each brief's own job (on its worker), under the key publishing looks them up by", async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief, 'briefs/minimal.md': minimalBrief });
    const jobCache = join(cwd, 'job-cache');
    const job = { cwd, formats: ['json'] as const, build: 'alone', modelCache: { dir: jobCache, sourceHash: 'test', reuse: false } };
    await runBriefJob({ ...job, path: join(cwd, 'briefs', 'full.md') });
    const [made] = readdirSync(join(jobCache, 'search'));
    await buildBriefs({ cwd, formats: ['html', 'json'] });
    const manifest = JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')) as { briefs: Array<Parameters<typeof entryKey>[1]> };
    const keyOf = (brief: Parameters<typeof entryKey>[1]) => `${entryKey(searchSetup(), brief)}.json`;
    expect(entries(cwd)).toEqual(manifest.briefs.map(keyOf).sort());
    expect(made).toBe(keyOf(manifest.briefs.find((brief) => brief.id === 'full-brief')!));
    expect(readFileSync(join(jobCache, 'search', made!), 'utf8')).toBe(readFileSync(join(cwd, 'out', '.cache', 'search', made!), 'utf8'));
  });

  /** A sealed entry file's header line and its JSON (see cache/sealed-file.ts). */
  const entryFile = (path: string) => {
    const text = readFileSync(path, 'utf8');
    const end = text.indexOf('\n');
    return { header: JSON.parse(text.slice(0, end)) as { seal: string; shape: string }, body: text.slice(end + 1) };
  };

  it('ignores an entry that is damaged, edited, not its own or ill-formed, and rebuilds it', async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief });
    await buildBriefs({ cwd, formats: ['html', 'json'] });
    const [name] = entries(cwd);
    const path = join(cwd, 'out', '.cache', 'search', name!);
    const { header, body } = entryFile(path);
    const entry = JSON.parse(body);
    const variants = {
      'not its own': JSON.stringify({ ...entry, key: 'another', terms: ['poisoned'], counts: [0, 0, 0, 1] }),
      // Its own key and a well-formed part, but not the bytes that were sealed.
      edited: `${JSON.stringify(header)}\n${JSON.stringify({ ...entry, terms: ['poisoned'], counts: [0, 0, 0, 1] })}`,
      truncated: `${JSON.stringify(header)}\n${body.slice(0, body.length / 2)}`,
      'ill-formed, sealed in another format': sealed('another format', { ...entry, terms: 'poisoned', counts: [0, 0, 0, 1] }),
    };
    for (const [what, text] of Object.entries(variants)) {
      writeFileSync(path, text);
      // The search script is written again only when it is missing (it is named by what it indexes).
      for (const file of readdirSync(join(cwd, 'out', 'assets'))) if (file.startsWith('search.')) rmSync(join(cwd, 'out', 'assets', file));
      await buildBriefs({ cwd, formats: ['html', 'json'] });
      expect(searchData(cwd).search('poisoned'), what).toEqual([]);
      expect(searchData(cwd).search('Freedonia'), what).not.toEqual([]);
      expect(entryFile(path).header, what).toEqual(header);
    }
  });

  it('reads the entries it sealed without a schema check, and checks one it did not seal', async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief, 'briefs/minimal.md': minimalBrief });
    await buildBriefs({ cwd, formats: ['html', 'json'] });
    const checks = vi.spyOn(searchEntrySchema, 'safeParse');
    try {
      writeFileSync(join(cwd, 'briefs', 'minimal.md'), minimalBrief.replace(/^title: .*$/m, 'title: "A retitled minimal brief"'));
      await buildBriefs({ cwd, formats: ['html', 'json'] });
      expect(checks).not.toHaveBeenCalled();
      // Unsealed (the format before seals): checked, used, and sealed again.
      const fullPart = entries(cwd).find((name) => readFileSync(join(cwd, 'out', '.cache', 'search', name), 'utf8').includes('"freedonia"'))!;
      const path = join(cwd, 'out', '.cache', 'search', fullPart);
      const { header, body } = entryFile(path);
      writeFileSync(path, body);
      writeFileSync(join(cwd, 'briefs', 'minimal.md'), minimalBrief.replace(/^title: .*$/m, 'title: "A minimal brief retitled again"'));
      await buildBriefs({ cwd, formats: ['html', 'json'] });
      expect(checks).toHaveBeenCalled();
      expect(searchData(cwd).search('Freedonia')).not.toEqual([]);
      expect(entries(cwd)).toHaveLength(2);
      expect(entryFile(path).header).toEqual(header);
    } finally {
      checks.mockRestore();
    }
  });
});

/** Two briefs built, then one of them edited; `fullPart` is the other's search part in the cache. */
async function withOneEdited() {
  const cwd = makeProject({ 'briefs/full.md': fullBrief, 'briefs/minimal.md': minimalBrief });
  await buildBriefs({ cwd, formats: ['html', 'json'] });
  const folder = join(cwd, 'out', '.cache', 'search');
  const fullPart = readdirSync(folder).find((name) => readFileSync(join(folder, name), 'utf8').includes('"freedonia"'))!;
  writeFileSync(join(cwd, 'briefs', 'minimal.md'), minimalBrief.replace(/^title: .*$/m, 'title: "A retitled minimal brief"'));
  return { cwd, folder, fullPart };
}

describe('search parts read ahead', () => {
  it("reads the unchanged briefs' parts while the briefs render, not after them", async () => {
    const { cwd, folder, fullPart } = await withOneEdited();
    // Gone once the edited brief has rendered: read by then, it is not indexed again (nor written back).
    const onEvent = (event: { type: string }) => {
      if (event.type === 'brief') rmSync(join(folder, fullPart), { force: true });
    };
    const result = await buildBriefs({ cwd, formats: ['html', 'json'], onEvent });
    expect(result.written.map((file) => file.format).sort()).toEqual(['html', 'json']);
    expect(readdirSync(folder)).not.toContain(fullPart);
    const name = readdirSync(join(cwd, 'out', 'assets')).find((file) => /^search\.[0-9a-f]{12}\.js$/.test(file))!;
    const script = readFileSync(join(cwd, 'out', 'assets', name), 'utf8');
    const index = MiniSearch.loadJS(JSON.parse(script.slice(script.indexOf('=') + 1, -2)), options);
    expect(index.search('Freedonia').map((found) => found.id)).toContain('full-brief');
    expect(index.search('retitled').map((found) => found.id)).toEqual(['minimal-brief']);
  });
  it('does not in a live preview, whose outputs come first: the parts are read when it publishes', async () => {
    const { cwd, folder, fullPart } = await withOneEdited();
    const onEvent = (event: { type: string }) => {
      if (event.type === 'brief') rmSync(join(folder, fullPart), { force: true });
    };
    const session = new BuildSession({ preview: true });
    try {
      await buildBriefs({ cwd, formats: ['html', 'json'], onEvent }, session);
    } finally {
      await session.close();
    }
    // Missing when it published: indexed from its model again and kept.
    expect(readdirSync(folder)).toContain(fullPart);
  });
});

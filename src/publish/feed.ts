/**
 * `out/feed.xml`: an Atom feed (RFC 4287, written by the `feed` library) of the newest briefs,
 * one entry per new or changed version of a brief. An entry's id names the brief and the hash of
 * its source, so a reader sees the same entry until the brief itself changes; a rebuild for a
 * template change only moves its `updated`. The content is the "changes since" line when the
 * build compared with a previous publication, else the bottom line.
 */
import { Feed } from 'feed';
import type { Manifest, ManifestBrief } from './manifest.js';

export const feedFileName = 'feed.xml';
/** Entries kept: a feed is for what is new, the index lists everything. */
export const feedEntryLimit = 100;

export interface FeedOptions {
  /** Absolute URL of the published folder; without it links are relative to the feed. */
  baseUrl?: string | undefined;
  title?: string | undefined;
}

const newestFirst = (left: ManifestBrief, right: ManifestBrief) =>
  left.builtAt !== right.builtAt ? (left.builtAt < right.builtAt ? 1 : -1) : left.id < right.id ? -1 : left.id > right.id ? 1 : 0;

/** Stable entry id of one version of a brief. */
export function entryId(brief: ManifestBrief): string {
  return `urn:briefsmith:brief:${encodeURIComponent(brief.id)}:${brief.sourceHash.slice(0, 16)}`;
}

/**
 * The library takes absolute links only. Without a base URL the links are written under this
 * placeholder and made relative afterwards (Atom allows relative references; readers resolve them
 * against the feed's own address).
 */
const placeholder = 'https://briefsmith.invalid/';

function link(baseUrl: string | undefined, path: string): string {
  const base = baseUrl ? (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : placeholder;
  return new URL(path.split('/').map(encodeURIComponent).join('/'), base).href;
}

/** The library writes text into `type="html"` elements: the text must be HTML, so plain text is escaped. */
const html = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The Atom XML of `manifest`'s newest briefs. */
export function renderFeed(manifest: Manifest, options: FeedOptions = {}): string {
  const briefs = [...manifest.briefs].sort(newestFirst).slice(0, feedEntryLimit);
  const updated = briefs[0]?.builtAt ?? '1970-01-01T00:00:00.000Z';
  const feed = new Feed({
    title: html(options.title ?? 'Briefs'),
    id: options.baseUrl ? link(options.baseUrl, feedFileName) : 'urn:briefsmith:feed',
    link: link(options.baseUrl, 'index.html'),
    updated: new Date(updated),
    generator: `briefsmith ${manifest.version}`,
    feedLinks: { atom: link(options.baseUrl, feedFileName) },
    author: { name: 'briefsmith' },
    copyright: '',
  });
  for (const brief of briefs) {
    const page = brief.outputs.find((output) => output.format === 'html') ?? brief.outputs[0];
    const change = brief.changes ? `Changes since ${brief.changes.since}: ${brief.changes.summary}` : null;
    feed.addItem({
      title: html(brief.title),
      id: entryId(brief),
      link: link(options.baseUrl, page?.path ?? 'index.html'),
      date: new Date(brief.builtAt),
      published: new Date(`${brief.date.length === 10 ? brief.date : `${brief.date}-01`.slice(0, 10)}T00:00:00Z`),
      ...(change ? { description: html(brief.summary || brief.title) } : {}),
      content: html(change ?? (brief.summary || brief.title)),
      category: brief.keywords.map((keyword) => ({ term: keyword })),
      author: (brief.authors.length > 0 ? brief.authors : ['briefsmith']).map((name) => ({ name })),
    });
  }
  return `${feed.atom1().split(`"${placeholder}`).join('"').trim()}\n`;
}

/** Citations resolve to declared sources; every source is cited; no source postdates the brief. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report, didYouMean } from '../../errors/report.js';
import type { Places } from '../../model/places.js';
import { parseField } from '../summary-places.js';
import { citationsIn, type FoundCitation } from '../walk.js';

interface DraftLike {
  meta?: { date?: unknown; summary?: unknown };
  sources?: Array<{ key?: unknown; date?: unknown }>;
}

/** The keys that citations reported as malformed name (`[@ beta]` → `beta`). */
function keysOfMalformed(file: VFile): string[] {
  const text = String(file.value);
  return file.messages.flatMap((message) => {
    const point = message.place && 'start' in message.place ? message.place.start : message.place;
    if (message.ruleId !== 'malformed-citation' || point?.offset === undefined) return [];
    const key = /^\[@\s*([^\s\];,[]+)/.exec(text.slice(point.offset))?.[1];
    return key ? [key] : [];
  });
}

/** Runs the citation rules over the body and the front matter summary; dates in `failed` are skipped. */
export function checkCitations(file: VFile, tree: Root, draft: DraftLike, places: Places, failed: ReadonlySet<string> = new Set()): void {
  const sources = draft.sources ?? [];
  const keys = sources.map((source) => String(source.key));
  const found: FoundCitation[] = citationsIn(tree);
  if (typeof draft.meta?.summary === 'string') {
    // The summary lives in YAML: its citations are placed where they are written in the field.
    const { tree: summary, placer } = parseField(file, places.get('meta.summary'), draft.meta.summary);
    for (const citation of citationsIn(summary)) {
      const { start, end } = citation.position ?? {};
      const length = start?.offset !== undefined && end?.offset !== undefined ? end.offset - start.offset : 0;
      found.push({ ...citation, position: placer(start?.offset, length) });
    }
  }
  // A key written in a citation that did not form (`[@ beta]`, `[@beta`) was cited: it is not also unused.
  const cited = new Set<string>(keysOfMalformed(file));
  const firstCitation = new Map<string, FoundCitation>();
  for (const citation of found) {
    cited.add(citation.key);
    if (!firstCitation.has(citation.key)) firstCitation.set(citation.key, citation);
    if (!keys.includes(citation.key)) {
      report(file, 'unresolved-citation', citation.position, { key: citation.key, suggestion: didYouMean(citation.key, keys) });
    }
  }
  const briefDate = typeof draft.meta?.date === 'string' && !failed.has('meta.date') ? draft.meta.date : undefined;
  sources.forEach((source, index) => {
    const key = String(source.key);
    if (!cited.has(key)) report(file, 'unused-source', places.get(`sources.${index}`), { key });
    const sourceDate = typeof source.date === 'string' && !failed.has(`sources.${index}.date`) ? source.date : undefined;
    if (briefDate && sourceDate && sourceDate > briefDate) {
      const place = firstCitation.get(key)?.position ?? places.get(`sources.${index}.date`);
      report(file, 'source-after-brief', place, { key, sourceDate, briefDate });
    }
  });
}

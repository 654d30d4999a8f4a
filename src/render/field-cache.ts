/**
 * Rendered rich-text fields, kept per brief. Rendering a field is pure, and most fields are the
 * same between two renders of an edited brief (`watch`), so a rebuild only pays for the fields
 * that changed. The cache is per brief id so that different briefs that happen to share text
 * (benchmark copies) are not made to look cheaper than they are; it is bounded.
 *
 * Renderings kept by an earlier process come in groups, one per format (a key starts with its
 * format's name), each read only when a field of it is first wanted: an HTML-only rebuild never
 * reads the Markdown renderings.
 */
type Group = () => Readonly<Record<string, string>>;

interface BriefFields {
  rendered: Map<string, string>;
  /** Groups seeded but not read yet, by format. */
  pending: Map<string, Group>;
  /** Renderings made here since the brief was seeded. */
  added: number;
}

const briefs = new Map<string, BriefFields>();
const maxBriefs = 32;
const maxFields = 4000;

function fieldsFor(scope: string): BriefFields {
  let fields = briefs.get(scope);
  if (!fields) {
    if (briefs.size >= maxBriefs) briefs.delete(briefs.keys().next().value!);
    fields = { rendered: new Map(), pending: new Map(), added: 0 };
    briefs.set(scope, fields);
  }
  return fields;
}

/** The group a field's key belongs to: the format its key starts with (`html`, `md`). */
export function fieldGroup(key: string): string {
  return /^[a-z]*/.exec(key)![0];
}

function take(fields: BriefFields, group: string): void {
  const read = fields.pending.get(group);
  if (!read) return;
  fields.pending.delete(group);
  for (const [key, value] of Object.entries(read())) if (fields.rendered.size < maxFields) fields.rendered.set(key, value);
}

/** Adds renderings kept from an earlier process (the build's model cache) for brief `scope`, a group per format, each read when first wanted. */
export function seedFields(scope: string, groups: Readonly<Record<string, Group>>): void {
  const fields = fieldsFor(scope);
  for (const [group, read] of Object.entries(groups)) fields.pending.set(group, read);
  fields.added = 0;
}

/** How many renderings were made for brief `scope` since it was seeded (or at all). */
export function fieldsAdded(scope: string): number {
  return briefs.get(scope)?.added ?? 0;
}

/** Every rendering held for brief `scope`, seeded groups included, for the model cache to keep. */
export function fieldsOf(scope: string): Record<string, string> {
  const fields = briefs.get(scope);
  if (!fields) return {};
  for (const group of [...fields.pending.keys()]) take(fields, group);
  return Object.fromEntries(fields.rendered);
}

/**
 * Drops what is held for brief `scope`: a build's job renders its brief once, and renderings
 * kept on after it only grow the heap every later collection must copy or mark.
 */
export function forgetFields(scope: string): void {
  briefs.delete(scope);
}

/** The cached rendering of `key` for brief `scope`, computed by `render` on a miss. */
export function cachedField(scope: string, key: string, render: () => string): string {
  const fields = fieldsFor(scope);
  let known = fields.rendered.get(key);
  if (known === undefined && fields.pending.size > 0) {
    take(fields, fieldGroup(key));
    known = fields.rendered.get(key);
  }
  if (known !== undefined) return known;
  if (fields.rendered.size >= maxFields) fields.rendered.clear();
  const result = render();
  fields.rendered.set(key, result);
  fields.added++;
  return result;
}

/**
 * Rendered rich-text fields, kept per brief. Rendering a field is pure, and most fields are the
 * same between two renders of an edited brief (`watch`), so a rebuild only pays for the fields
 * that changed. The cache is per brief id so that different briefs that happen to share text
 * (benchmark copies) are not made to look cheaper than they are; it is bounded.
 *
 * A rendering is filed under its context — the format, inline or not, the folder images resolve
 * from and the source numbering, what its helper's key starts with — and then its Markdown: a
 * brief's fields share a handful of contexts, so a lookup hashes no long key made for it, and
 * the model cache stores each context once rather than once a field.
 *
 * Renderings kept by an earlier process come in groups, one per format (a context starts with its
 * format's name), each read only when a field of it is first wanted: an HTML-only rebuild never
 * reads the Markdown renderings.
 */

/** Renderings by context, then by the field's Markdown. */
export type FieldRenderings = Record<string, Record<string, string>>;

type Group = () => Readonly<FieldRenderings>;

interface BriefFields {
  rendered: Map<string, Map<string, string>>;
  /** How many renderings `rendered` holds. */
  count: number;
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
    fields = { rendered: new Map(), count: 0, pending: new Map(), added: 0 };
    briefs.set(scope, fields);
  }
  return fields;
}

/** The group a context belongs to: the format it starts with (`html`, `md`). */
export function fieldGroup(context: string): string {
  return /^[a-z]*/.exec(context)![0];
}

function keep(fields: BriefFields, context: string, markdown: string, rendering: string): void {
  let inContext = fields.rendered.get(context);
  if (!inContext) {
    inContext = new Map();
    fields.rendered.set(context, inContext);
  }
  if (!inContext.has(markdown)) fields.count++;
  inContext.set(markdown, rendering);
}

function take(fields: BriefFields, group: string): void {
  const read = fields.pending.get(group);
  if (!read) return;
  fields.pending.delete(group);
  for (const [context, renderings] of Object.entries(read()))
    for (const [markdown, rendering] of Object.entries(renderings)) if (fields.count < maxFields) keep(fields, context, markdown, rendering);
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
export function fieldsOf(scope: string): FieldRenderings {
  const fields = briefs.get(scope);
  if (!fields) return {};
  for (const group of [...fields.pending.keys()]) take(fields, group);
  return Object.fromEntries([...fields.rendered].map(([context, renderings]) => [context, Object.fromEntries(renderings)]));
}

/**
 * Drops what is held for brief `scope`: a build's job renders its brief once, and renderings
 * kept on after it only grow the heap every later collection must copy or mark.
 */
export function forgetFields(scope: string): void {
  briefs.delete(scope);
}

/** The cached rendering of `markdown` in `context` for brief `scope`, computed by `render` on a miss. */
export function cachedField(scope: string, context: string, markdown: string, render: () => string): string {
  const fields = fieldsFor(scope);
  let known = fields.rendered.get(context)?.get(markdown);
  if (known === undefined && fields.pending.size > 0) {
    take(fields, fieldGroup(context));
    known = fields.rendered.get(context)?.get(markdown);
  }
  if (known !== undefined) return known;
  if (fields.count >= maxFields) {
    fields.rendered.clear();
    fields.count = 0;
  }
  const result = render();
  keep(fields, context, markdown, result);
  fields.added++;
  return result;
}

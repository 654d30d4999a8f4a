/**
 * Rendered rich-text fields, kept per brief. Rendering a field is pure, and most fields are the
 * same between two renders of an edited brief (`watch`), so a rebuild only pays for the fields
 * that changed. The cache is per brief id so that different briefs that happen to share text
 * (benchmark copies) are not made to look cheaper than they are; it is bounded.
 */
const briefs = new Map<string, Map<string, string>>();
const maxBriefs = 32;
const maxFields = 4000;

function fieldsFor(scope: string): Map<string, string> {
  let fields = briefs.get(scope);
  if (!fields) {
    if (briefs.size >= maxBriefs) briefs.delete(briefs.keys().next().value!);
    fields = new Map();
    briefs.set(scope, fields);
  }
  return fields;
}

/** Adds renderings kept from an earlier process (the build's model cache) for brief `scope`. */
export function seedFields(scope: string, known: Readonly<Record<string, string>>): void {
  const fields = fieldsFor(scope);
  for (const [key, value] of Object.entries(known)) if (fields.size < maxFields) fields.set(key, value);
}

/** How many renderings are held for brief `scope`. */
export function fieldCount(scope: string): number {
  return briefs.get(scope)?.size ?? 0;
}

/** Every rendering held for brief `scope`, for the model cache to keep. */
export function fieldsOf(scope: string): Record<string, string> {
  return Object.fromEntries(briefs.get(scope) ?? []);
}

/** The cached rendering of `key` for brief `scope`, computed by `render` on a miss. */
export function cachedField(scope: string, key: string, render: () => string): string {
  const fields = fieldsFor(scope);
  const known = fields.get(key);
  if (known !== undefined) return known;
  if (fields.size >= maxFields) fields.clear();
  const result = render();
  fields.set(key, result);
  return result;
}

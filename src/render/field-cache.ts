/**
 * Rendered rich-text fields, kept per brief. Rendering a field is pure, and most fields are the
 * same between two renders of an edited brief (`watch`), so a rebuild only pays for the fields
 * that changed. The cache is per brief id so that different briefs that happen to share text
 * (benchmark copies) are not made to look cheaper than they are; it is bounded.
 */
const briefs = new Map<string, Map<string, string>>();
const maxBriefs = 32;
const maxFields = 4000;

/** The cached rendering of `key` for brief `scope`, computed by `render` on a miss. */
export function cachedField(scope: string, key: string, render: () => string): string {
  let fields = briefs.get(scope);
  if (!fields) {
    if (briefs.size >= maxBriefs) briefs.delete(briefs.keys().next().value!);
    fields = new Map();
    briefs.set(scope, fields);
  }
  const known = fields.get(key);
  if (known !== undefined) return known;
  if (fields.size >= maxFields) fields.clear();
  const result = render();
  fields.set(key, result);
  return result;
}

/**
 * What a "Changes since <date>" section shows: groups of one-line items in the brief's own terms
 * (judgments, reactions, timeline, files), each item Markdown rendered with the `inline` helper.
 */
export interface ChangesView {
  /** The date of the previously published brief (ISO). */
  since: string;
  groups: Array<{ title: string; items: string[] }>;
}

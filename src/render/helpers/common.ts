/** Format-independent template helpers: dates, labels, lists, comparisons. */
import type { HelperOptions } from 'handlebars';
import { likelihoods } from '../../model/schema.js';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ranges = ['01–05%', '05–20%', '20–45%', '45–55%', '55–80%', '80–95%', '95–99%'];

/** Thrown for a helper called with the wrong arguments; the renderer adds the template and line. */
export class HelperError extends Error {
  constructor(helper: string, expected: string, received: unknown) {
    super(`Helper \`${helper}\` expected ${expected}, received ${describe(received)}`);
    this.name = 'HelperError';
  }
}

function describe(value: unknown): string {
  const isOptions = typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
  if (value === undefined || isOptions) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** `2025-10-15` → `15 October 2025`; `2025-10` → `October 2025`; `2025` → `2025`. */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new HelperError('format-date', 'an ISO date string', value);
  const [year, month, day] = value.split('-');
  if (!month) return year ?? value;
  const monthName = months[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** Helpers shared by every format. */
export const commonHelpers = {
  'format-date': formatDate,
  /** "very unlikely" → "Very unlikely". */
  label(value: unknown) {
    if (typeof value !== 'string') throw new HelperError('label', 'a string', value);
    return value.charAt(0).toUpperCase() + value.slice(1);
  },
  /** "very unlikely" → "very-unlikely", for CSS classes and ids. */
  slug(value: unknown) {
    if (typeof value !== 'string') throw new HelperError('slug', 'a string', value);
    return value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  },
  /** The ICD 203 probability range of a likelihood word. */
  'likelihood-range'(value: unknown) {
    const index = likelihoods.indexOf(value as (typeof likelihoods)[number]);
    if (index === -1) throw new HelperError('likelihood-range', 'an ICD 203 likelihood', value);
    return ranges[index];
  },
  /** Joins a list of strings: `{{join authors ", "}}`. */
  join(list: unknown, separator: unknown) {
    if (!Array.isArray(list)) throw new HelperError('join', 'a list', list);
    return list.map(String).join(typeof separator === 'string' ? separator : ', ');
  },
  eq: (left: unknown, right: unknown) => left === right,
  /** The number of a source key in the Sources list. */
  'source-number'(key: unknown, options: HelperOptions) {
    const numbers = (options.data?.root as { sourceNumbers?: Record<string, number> } | undefined)?.sourceNumbers ?? {};
    if (typeof key !== 'string' || !(key in numbers)) throw new HelperError('source-number', 'a declared source key', key);
    return numbers[key];
  },
};

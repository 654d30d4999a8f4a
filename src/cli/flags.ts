/** Flag parsing shared by commands; a bad value is a usage error (exit 2). */
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { formats, type Format } from '../render/formats.js';

export class UsageError extends BriefsmithError {
  constructor(message: string) {
    super(message);
  }
}

/** `--format md,pdf` → ['md', 'pdf']. */
export function parseFormats(value: unknown): Format[] {
  const list = String(value ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  for (const format of list) {
    if (!(formats as readonly string[]).includes(format)) throw new UsageError(`Unknown format \`${format}\`, expected ${formats.join(', ')}`);
  }
  return [...new Set(list)] as Format[];
}

/** `--paper a4|letter`, or undefined when absent. */
export function parsePaper(value: unknown): 'a4' | 'letter' | undefined {
  if (value === undefined) return undefined;
  const paper = String(value).toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError(`Unknown paper \`${String(value)}\`, expected a4 or letter`);
  return paper;
}

/** A positive integer flag, or undefined when absent. */
export function parseCount(name: string, value: unknown, minimum = 1): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < minimum) throw new UsageError(`--${name} expects a whole number of at least ${minimum}, got \`${String(value)}\``);
  return count;
}

/** A string flag (cac gives `true` for a flag given without its value). */
export function parseString(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} expects a value`);
  return value;
}

/** An absolute http(s) URL flag, or undefined when absent. */
export function parseUrl(name: string, value: unknown): string | undefined {
  const text = parseString(name, value);
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new UsageError(`--${name} expects an absolute http(s) URL, got \`${text}\``);
  return url.href;
}

/**
 * Which template files a render consulted. The build cache keys each output on exactly these
 * files, so editing one partial invalidates the briefs whose render invoked it and no other.
 * AsyncLocalStorage keeps concurrent renders (the build's worker pool) apart.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Template-relative name (`partials/html/file.hbs`, `print.css`) → the file that was used. */
export type TemplateUsage = Map<string, string>;

const storage = new AsyncLocalStorage<TemplateUsage>();

/** Runs `render` and returns its result with every template file it used. */
export async function trackTemplateUsage<T>(render: () => Promise<T> | T): Promise<{ result: T; used: TemplateUsage }> {
  const used: TemplateUsage = new Map();
  const result = await storage.run(used, render);
  return { result, used };
}

/** Notes that the current render used `relative`, resolved to `path` (no-op outside tracking). */
export function noteTemplateUse(relative: string, path: string): void {
  storage.getStore()?.set(relative, path);
}

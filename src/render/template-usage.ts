/**
 * Which template files a render consulted. The build cache keys each output on exactly these
 * files, so editing one partial invalidates the briefs whose render invoked it and no other.
 * AsyncLocalStorage keeps concurrent renders (the build's worker pool) apart.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

/**
 * Template-relative name (`partials/html/file.hbs`, `print.css`) → sha256 of the text the render
 * really used. Hashing what was compiled, not the file as it is when the output is recorded,
 * keeps a template saved in the middle of a build from being taken as already rendered.
 */
export type TemplateUsage = Map<string, string>;

const storage = new AsyncLocalStorage<TemplateUsage>();

/** Runs `render` and returns its result with every template file it used. */
export async function trackTemplateUsage<T>(render: () => Promise<T> | T): Promise<{ result: T; used: TemplateUsage }> {
  const used: TemplateUsage = new Map();
  const result = await storage.run(used, render);
  return { result, used };
}

/** Notes that the current render used `relative`, whose text hashed to `hash` (no-op outside tracking). */
export function noteTemplateUse(relative: string, hash: string): void {
  storage.getStore()?.set(relative, hash);
}

/** The hash `noteTemplateUse` takes: the same as the build cache's hash of the file's bytes. */
export function templateTextHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

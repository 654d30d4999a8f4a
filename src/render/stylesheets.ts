/** The stylesheets a render asks for (`print.css`, `screen.css`, a layout's), as resolved, read once while unchanged. */
import { readFileSync, statSync } from 'node:fs';
import { resolveTemplateFile } from './template-files.js';
import { inSnapshot } from './template-snapshot.js';
import { noteTemplateUse, templateTextHash } from './template-usage.js';

/** As many as four per compiled template set are kept (see templates.ts). */
const maxStylesheets = 64;

/** A stylesheet (`print.css`) as resolved; empty when none. With `snapshot`, looked up once for it (see `loadTemplates`). */
export function loadStylesheet(dirs: readonly string[], name = 'print.css', snapshot?: string): string {
  const find = () => {
    const path = resolveTemplateFile(dirs, name);
    return path ? stylesheetFile(path) : null;
  };
  const file = snapshot === undefined ? find() : inSnapshot(snapshot, ['css', name, ...dirs], find);
  if (!file) return '';
  noteTemplateUse(name, file.hash);
  return file.text;
}

/**
 * Stylesheets read and hashed once while their stat is unchanged (as compiled templates are kept
 * by path and time): every brief's HTML asks for two or three of them. Bounded like the sets.
 */
const stylesheets = new Map<string, { stamp: string; text: string; hash: string }>();

function stylesheetFile(path: string): { text: string; hash: string } {
  const info = statSync(path);
  const stamp = `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
  const known = stylesheets.get(path);
  if (known?.stamp === stamp) return known;
  const text = readFileSync(path, 'utf8');
  const file = { stamp, text, hash: templateTextHash(text) };
  if (stylesheets.size >= maxStylesheets) stylesheets.delete(stylesheets.keys().next().value!);
  stylesheets.set(path, file);
  return file;
}

/**
 * One rebuild of a watched project: renders the given briefs to each format (HTML first, so a
 * preview updates before the slow PDF) and writes them atomically. Template failures become
 * `template-error` messages; nothing here throws for a content problem.
 */
import { VFile } from 'vfile';
import type { LoadedBrief } from '../build/load.js';
import { renderBrief, type Format } from '../build/render-brief.js';
import { writeOwned } from '../build/contained.js';
import { report } from '../errors/report.js';
import type { Printer } from '../pdf/printer.js';
import { TemplateError } from '../render/template-error.js';

export interface RebuildTarget {
  cwd: string;
  outDir: string;
  formats: readonly Format[];
  templates: string | undefined;
  /** Launched on first use of PDF and kept for later rebuilds. */
  printer: () => Promise<Printer>;
  onWritten?: ((written: { brief: string; id: string; format: Format; path: string }) => void) | undefined;
}

const order: Format[] = ['html', 'md', 'json', 'docx', 'pdf'];

/** A VFile for a template that failed, positioned at the failure, with its code frame. */
export function templateFailure(error: TemplateError): VFile {
  const file = new VFile({ path: error.template });
  const place = error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 };
  report(file, 'template-error', place, { reason: error.reason }).cause = error;
  return file;
}

/**
 * Renders and writes every valid brief in `briefs`; returns the files of templates that failed
 * (one per distinct failure) and the briefs that could not be written, with why.
 */
export async function rebuild(briefs: readonly LoadedBrief[], target: RebuildTarget) {
  const templateFiles = new Map<string, VFile>();
  const failures: Array<{ path: string; error: Error }> = [];
  /** Briefs whose outputs a template failure kept from being updated. */
  const blocked = new Map<string, VFile[]>();
  const formats = order.filter((format) => target.formats.includes(format));
  for (const loaded of briefs) {
    const brief = loaded.brief;
    if (!brief) continue;
    for (const format of formats) {
      try {
        const printer = format === 'pdf' ? await target.printer() : undefined;
        const data = await renderBrief(brief, format, { templates: target.templates, cwd: target.cwd, printer });
        const path = await writeOwned(target.outDir, `${brief.meta.id}.${format}`, data);
        target.onWritten?.({ brief: loaded.path, id: brief.meta.id, format, path });
      } catch (error) {
        if (!(error instanceof TemplateError)) {
          failures.push({ path: loaded.path, error: error as Error });
          break;
        }
        const key = `${error.template}:${error.line}:${error.column}:${error.reason}`;
        if (!templateFiles.has(key)) templateFiles.set(key, templateFailure(error));
        blocked.set(loaded.path, [...(blocked.get(loaded.path) ?? []), templateFiles.get(key)!]);
      }
    }
  }
  return { templateFiles: [...templateFiles.values()], failures, blocked };
}

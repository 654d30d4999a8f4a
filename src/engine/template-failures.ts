/** A template that failed while rendering: one file with one message, however many briefs it stopped. */
import { relative } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../errors/report.js';
import type { TemplateError } from '../render/template-error.js';

export class TemplateFailures {
  private readonly known = new Map<string, VFile>();

  constructor(private readonly cwd: string) {}

  /** The file that reports `error`: the same one for every brief the same failure stopped. */
  fileOf(error: TemplateError): VFile {
    const key = `${error.template}:${error.line}:${error.column}:${error.reason}`;
    const known = this.known.get(key);
    if (known) return known;
    // Relative to the project, as every other message's path is.
    const file = new VFile({ path: relative(this.cwd, error.template) || error.template });
    const place = error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 };
    // The error rides along as the message's cause so reporters can show its code frame.
    report(file, 'template-error', place, { reason: error.reason }).cause = error;
    this.known.set(key, file);
    return file;
  }

  /** Every template file reported so far, in the order first seen. */
  files(): VFile[] {
    return [...this.known.values()];
  }
}

/**
 * What this build's outputs are keyed by, and whether a cached output still stands: the options
 * key of each format (paper, `--since` input, site mode, declared fields) and the template inputs.
 * Queries only: nothing here changes the cache.
 */
import type { CacheEntry } from '../cache/cache.js';
import { TemplateInputs, optionsKey } from '../cache/cache-inputs.js';
import { freshOutputs, type FreshOutputs } from '../cache/fresh.js';
import { fieldsKey } from '../config/fields.js';
import type { Format } from '../render/formats.js';
import { templateDirs } from '../render/template-files.js';
import type { IncrementalOptions } from './incremental-options.js';

export class OutputKeys {
  private readonly inputs: TemplateInputs;

  constructor(private readonly options: IncrementalOptions) {
    this.inputs = new TemplateInputs(templateDirs({ templates: options.templates, cwd: options.cwd }));
  }

  /** The `--since` input of brief `id` (null without `--since`): sync unless there is one to read. */
  sinceKey(id: string): string | null | Promise<string | null> {
    return this.options.since ? this.options.since.get(id).then((previous) => previous?.hash ?? null) : null;
  }

  /** The options key of an output of `format` rendered this build (with `since`, the brief's `--since` input). */
  optionsKeyOf(format: Format, since: string | null): string {
    const { paper, site, fields } = this.options;
    return optionsKey(format, { paper, since, site, fields: fieldsKey(fields) });
  }

  /** The outputs of `entry`, rendered from `sourceHash`, that can stand, with their files' mtimes. */
  async fresh(entry: CacheEntry, sourceHash: string): Promise<FreshOutputs> {
    const since = await this.sinceKey(entry.id);
    const { formats, outDir } = this.options;
    return freshOutputs(entry, sourceHash, { formats, optionsKey: (format) => this.optionsKeyOf(format, since), inputs: this.inputs, outDir });
  }
}

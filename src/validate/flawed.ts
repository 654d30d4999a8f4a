/**
 * The typed models of briefs that failed validation. `validateBrief` hands such a model out only
 * as `partial`, and `renderBrief` refuses every model registered here, so a caller cannot render
 * a brief with errors by forgetting to look at its messages.
 */
import { BriefsmithError } from '../errors/briefsmith-error.js';

const flawed = new WeakSet<object>();

/** Thrown by `renderBrief` for a model whose brief has errors. */
export class BriefHasErrorsError extends BriefsmithError {
  constructor(readonly errors: number) {
    super(`Refusing to render a brief with ${errors} error${errors === 1 ? '' : 's'}: fix them first (they are in \`file.messages\`).`, { exitCode: 1 });
  }
}

const counts = new WeakMap<object, number>();

/** Marks `brief` as the model of a brief with `errors` errors. */
export function markFlawed(brief: object, errors: number): void {
  flawed.add(brief);
  counts.set(brief, errors);
}

/** Throws when `brief` was marked by `markFlawed`. */
export function refuseFlawed(brief: object): void {
  if (flawed.has(brief)) throw new BriefHasErrorsError(counts.get(brief) ?? 1);
}

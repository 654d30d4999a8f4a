/**
 * Printing one brief's PDF through the build's shared browser, then finishing it (outline, tags,
 * metadata) in the pool when there is one, so a slow finish does not hold up this thread.
 */
import type { FinishedPdf, FinishOptions } from '../pdf/finish.js';
import type { PdfSource } from '../render/render.js';
import type { BriefMeta } from '../types.js';
import { generator } from '../version.js';
import type { PipelineContext } from './pipeline-context.js';
import { pdfMetadata } from './pdf-metadata.js';

function finish(context: PipelineContext, printed: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
  return context.pool ? context.pool.finish(printed, options) : import('../pdf/finish.js').then(({ finishPdf }) => finishPdf(printed, options));
}

/** The finished PDF of the brief with `meta`, printed from `source`. */
export async function printBrief(context: PipelineContext, meta: BriefMeta, source: PdfSource): Promise<Uint8Array> {
  const printer = await context.printer();
  const printed = await printer.print(source.html, { paper: context.paper ?? meta.paper, fonts: source.fonts });
  const { sourceDateEpoch } = await import('../pdf/metadata.js');
  const finished = await finish(context, printed, {
    contents: source.contents,
    metadata: pdfMetadata(meta, generator, sourceDateEpoch(context.env), source.html),
  });
  return finished.bytes;
}

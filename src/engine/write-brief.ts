/**
 * Writing a brief's outputs as one change — all new or all old, so a full disk fails the brief
 * whole — and recording each in the incremental build for the next one.
 */
import { writeAllOwned } from '../io/contained.js';
import type { Format } from '../render/formats.js';
import type { BriefJobResult } from './brief-job.js';
import type { WrittenFile } from './build-result.js';
import type { PipelineContext } from './pipeline-context.js';
import { printBrief } from './print-brief.js';

interface PipelineOutput {
  format: Format;
  data: string | Uint8Array;
  used: ReadonlyMap<string, string>;
}

/** Each format's bytes and the template files they were made from; the PDF is printed now. */
async function outputsOf(context: PipelineContext, loaded: BriefJobResult, formats: readonly Format[]): Promise<PipelineOutput[]> {
  const outputs: PipelineOutput[] = [];
  for (const format of formats) {
    if (format === 'pdf') outputs.push({ format, data: await printBrief(context, loaded.meta!, loaded.pdf!), used: new Map(loaded.pdf!.used) });
    else {
      const output = loaded.outputs.find((candidate) => candidate.format === format)!;
      outputs.push({ format, data: output.data, used: new Map(output.used) });
    }
  }
  return outputs;
}

/** Writes `formats` of the brief as one change (all new or all old) and records them. */
export async function writeBrief(
  context: PipelineContext,
  loaded: BriefJobResult,
  path: string,
  formats: readonly Format[],
  changes: { since: string; summary: string } | null,
): Promise<WrittenFile[]> {
  const meta = loaded.meta!;
  const { onEvent, outDir, incremental } = context;
  const outputs = await outputsOf(context, loaded, formats);
  // All formats replace the old ones together, or none does (a full disk fails the brief whole).
  const targets = await writeAllOwned(
    outDir,
    outputs.map(({ format, data }) => ({ name: `${meta.id}.${format}`, data })),
  );
  const written: WrittenFile[] = [];
  for (const [index, { format, data, used }] of outputs.entries()) {
    const target = targets[index]!;
    await incremental.record(path, meta, format, { path: target, data }, used, changes);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    written.push({ path: target, format, bytes, brief: loaded.file.path });
    onEvent?.({ type: 'written', path: target, format, bytes, brief: loaded.file.path, id: meta.id });
  }
  return written;
}

/**
 * Writing a brief's outputs as one change — all new or all old, so a full disk fails the brief
 * whole — and recording each in the incremental build for the next one.
 */
import { writeAllOwned } from '../io/contained.js';
import { outputSha256 } from '../render/font-splice.js';
import type { Format } from '../render/formats.js';
import type { BriefJobResult } from './brief-job.js';
import type { WrittenFile } from './build-result.js';
import type { PipelineContext } from './pipeline-context.js';
import { printBrief } from './print-brief.js';

interface PipelineOutput {
  format: Format;
  /** The bytes, or the temp file a job staged them in (stage-outputs.ts). */
  file: { data: string | Uint8Array } | { temporary: string };
  bytes: number;
  sha256: string;
  used: ReadonlyMap<string, string>;
}

const pipelineOutput = (format: Format, data: string | Uint8Array, used: ReadonlyMap<string, string>): PipelineOutput => ({
  format,
  file: { data },
  bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
  sha256: outputSha256(data),
  used,
});

/** Each format's bytes or staged file and the template files they were made from; the PDF is printed now. */
async function outputsOf(context: PipelineContext, loaded: BriefJobResult, formats: readonly Format[]): Promise<PipelineOutput[]> {
  const outputs: PipelineOutput[] = [];
  for (const format of formats) {
    const staged = loaded.staged.find((candidate) => candidate.format === format);
    if (format === 'pdf') outputs.push(pipelineOutput(format, await printBrief(context, loaded.meta!, loaded.pdf!), new Map(loaded.pdf!.used)));
    else if (staged) outputs.push({ format, file: { temporary: staged.temporary }, bytes: staged.bytes, sha256: staged.sha256, used: new Map(staged.used) });
    else {
      const output = loaded.outputs.find((candidate) => candidate.format === format)!;
      outputs.push(pipelineOutput(format, output.data, new Map(output.used)));
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
    outputs.map(({ format, file }) => ({ name: `${meta.id}.${format}`, ...file })),
  );
  const written: WrittenFile[] = [];
  for (const [index, { format, bytes, sha256: hash, used }] of outputs.entries()) {
    const target = targets[index]!;
    await incremental.record(path, meta, format, { path: target, sha256: hash }, used, changes);
    written.push({ path: target, format, bytes, brief: loaded.file.path });
    onEvent?.({ type: 'written', path: target, format, bytes, brief: loaded.file.path, id: meta.id });
  }
  return written;
}

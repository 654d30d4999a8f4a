/**
 * The finishing pass on its own: the sample printed once, then finished K times in this process,
 * beside its floor in the same run — loading the print and saving it with nothing done — and
 * the pass with the PDF/A identification off (`pdfa: false`). Median of K (default 15).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function finishRows(root) {
  const { parseBrief, validateBrief, Printer } = await import(join(root, 'dist', 'index.js'));
  const { renderPdfSource } = await import(join(root, 'dist', 'render', 'render.js'));
  const { finishPdf } = await import(join(root, 'dist', 'pdf', 'finish.js'));
  const { loadPrintedPdf } = await import(join(root, 'dist', 'pdf', 'load-printed.js'));
  const { pdfMetadata } = await import(join(root, 'dist', 'engine', 'pdf-metadata.js'));
  const path = join(root, 'briefs', 'sharaa-moscow-2025-10.md');
  const { brief } = validateBrief(parseBrief(readFileSync(path, 'utf8'), { path }));
  const source = renderPdfSource(brief, { generator: 'bench' });
  const printer = await Printer.launch({ concurrency: 1 });
  let printed;
  try {
    printed = await printer.print(source.html, { paper: brief.meta.paper, fonts: source.fonts });
  } finally {
    await printer.close();
  }
  const metadata = pdfMetadata(brief.meta, 'bench', new Date(0), source.html);
  const count = Number(process.argv.find((arg) => arg.startsWith('--finishes='))?.split('=')[1] ?? 15);
  const median = async (work) => {
    const times = [];
    await work(); // warm: fonts unpacked, profile read, modules compiled
    for (let index = 0; index < count; index++) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return times.sort((first, second) => first - second)[Math.floor(count / 2)];
  };
  const save = { useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY, addDefaultPage: false, updateFieldAppearances: false };
  const floor = await median(async () => (await loadPrintedPdf(printed)).save(save));
  const full = await median(() => finishPdf(printed, { metadata, contents: source.contents }));
  const noArchive = await median(() => finishPdf(printed, { metadata: { ...metadata, archive: false }, contents: source.contents }));
  return [
    { label: 'finishing pass, sample brief (18 pages), per brief', value: full, unit: 'ms' },
    { label: '  floor: load the print and save it, nothing done', value: floor, unit: 'ms' },
    { label: '  finishing pass with pdfa: false', value: noArchive, unit: 'ms' },
    { label: '  finishing pass / floor', value: full / floor, unit: 'x' },
  ];
}

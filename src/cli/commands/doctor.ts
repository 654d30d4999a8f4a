/** `briefsmith doctor`: which Chromium prints PDFs (and why), its version, and the fonts used. */
import { Printer } from '../../print/printer.js';
import { embeddedFontNames } from '../../render/fonts.js';
import { templateDirs } from '../../render/template-files.js';
import { version } from '../../version.js';
import { parseString } from '../flags.js';

/** Prints the report; exit 2 when no browser can be launched. */
export async function runDoctor(flags: Record<string, unknown>): Promise<number> {
  process.stdout.write(`briefsmith ${version} on Node ${process.versions.node} (${process.platform}-${process.arch})\n`);
  process.stdout.write(`templates: ${templateDirs().join(' → ')}\n`);
  process.stdout.write(
    `fonts (embedded in every HTML and PDF):\n${embeddedFontNames()
      .map((name) => `  ${name}`)
      .join('\n')}\n`,
  );
  const started = performance.now();
  const printer = await Printer.launch({ chrome: parseString('chrome', flags.chrome), concurrency: 1 });
  try {
    const browserVersion = await printer.version();
    process.stdout.write(
      `chromium: ${printer.chrome.path}\n  chosen: ${printer.chrome.reason}\n  version: ${browserVersion}\n  launch: ${Math.round(performance.now() - started)} ms\n`,
    );
  } finally {
    await printer.close();
  }
  return 0;
}

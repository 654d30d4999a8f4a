/**
 * A live preview's job in two parts: the brief with its HTML (and the PDF's source) as soon as they
 * are rendered, so that they are written and the print starts while the worker renders the other
 * formats (the .docx alone takes longer than everything before it); those follow as `later`.
 */
import type { BriefJobResult, LaterParts } from './brief-job.js';

/** The later part of a job whose first part was handed over: what the final result adds. */
function laterOf(result: BriefJobResult): LaterParts {
  // A worker limit stopped the job after its first part: the brief gets the limit's message.
  if (!result.brief) return { outputs: [], templateError: null, renderError: null, messages: [...result.file.messages] };
  return { outputs: result.outputs, templateError: result.templateError, renderError: result.renderError, messages: [] };
}

/**
 * Runs a job through `run`, which may hand its first part to the callback: resolves with that part
 * (its `later` the rest, which never rejects), or with the whole result when no first part came.
 */
export function firstThenLater(run: (onFirst: (first: BriefJobResult) => void) => Promise<BriefJobResult>): Promise<BriefJobResult> {
  return new Promise((resolve, reject) => {
    let settleLater: ((later: LaterParts) => void) | undefined;
    const later = new Promise<LaterParts>((done) => {
      settleLater = done;
    });
    let handed = false;
    const onFirst = (first: BriefJobResult) => {
      handed = true;
      resolve({ ...first, later });
    };
    run(onFirst).then(
      (result) => (handed ? settleLater?.(laterOf(result)) : resolve(result)),
      (error: unknown) => {
        const renderError = error instanceof Error ? error : new Error(String(error));
        if (handed) settleLater?.({ outputs: [], templateError: null, renderError, messages: [] });
        else reject(error);
      },
    );
  });
}

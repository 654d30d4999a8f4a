/**
 * What one task on a worker may cost: the wall-clock time after which the worker is killed and
 * replaced, and the V8 heap (`--max-old-space-size`) it may grow to before it dies. The parse
 * limits (source/parse-limits.ts) refuse the hostile shapes known in advance; these bound the
 * rest, so one brief that makes the parser or a template spin or grow fails alone.
 */

export interface WorkerLimits {
  /** Seconds one task (a brief's parse, check and render, or its PDF finishing pass) may take (default 120). */
  maxSeconds: number;
  /** MB of V8 old-generation heap one worker may use (default 2048; V8 adds its young generation, 48 MB). */
  maxMemoryMb: number;
}

export const defaultWorkerLimits: Readonly<WorkerLimits> = Object.freeze({ maxSeconds: 120, maxMemoryMb: 2048 });

/** The limits with the defaults for what `given` leaves out. */
export function workerLimits(given: Partial<WorkerLimits> | undefined): WorkerLimits {
  return {
    maxSeconds: given?.maxSeconds ?? defaultWorkerLimits.maxSeconds,
    maxMemoryMb: given?.maxMemoryMb ?? defaultWorkerLimits.maxMemoryMb,
  };
}

/** What a task was doing when it went over a limit (the worker reports each stage as it starts). */
export type TaskStage = 'parse' | 'render' | 'finish';

const doing: Record<TaskStage, string> = {
  parse: 'parsing and checking this brief',
  render: 'rendering this brief',
  finish: "finishing this brief's PDF",
};

/** A task that went over a limit: its worker was terminated, the other tasks go on. */
export class WorkerLimitError extends Error {
  /** What went over, in words: "rendering this brief took longer than 120 s". */
  readonly what: string;
  /** The limit in words ("120 s", "2,048 MB") and the flag that sets it. */
  readonly limit: string;
  readonly flag: '--max-seconds' | '--max-memory';

  constructor(
    readonly resource: 'time' | 'memory',
    limits: WorkerLimits,
    readonly stage: TaskStage | undefined,
  ) {
    const time = resource === 'time';
    const limit = time ? `${limits.maxSeconds.toLocaleString('en')} s` : `${limits.maxMemoryMb.toLocaleString('en')} MB`;
    const what = `${doing[stage ?? 'parse']} ${time ? 'took longer than' : 'needed more memory than'} ${limit}`;
    const flag = time ? '--max-seconds' : '--max-memory';
    super(`${what}; the limit is ${limit} (${flag})`);
    this.name = 'WorkerLimitError';
    this.what = what;
    this.limit = limit;
    this.flag = flag;
  }
}

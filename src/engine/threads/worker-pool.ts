/**
 * A small fixed pool of worker threads for the CPU-bound part of a build: parsing, rendering and
 * the PDF finishing pass. On the build's own thread that work queues behind itself; spread over
 * threads it can use every core, which pays on long builds with cores to spare (see threadCount
 * in build.ts). Workers start on first use and each runs one task at a time; a worker that dies
 * fails only its own task and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { BriefJob, BriefJobResult } from '../brief-job.js';
import type { WorkerTask } from './brief-worker.js';
import { decodeError, decodeJobResult, type PlainError, type PlainJobResult } from './thread-codec.js';
import type { FinishedPdf, FinishOptions } from '../../pdf/finish.js';

/** A task without its id (Omit applied to each member of the union). */
type TaskInput = WorkerTask extends infer Task ? (Task extends { id: number } ? Omit<Task, 'id'> : never) : never;

interface Pending {
  task: WorkerTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
}

/** The compiled worker entry; under a TypeScript test runner this module is src/, so use dist/. */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  return here.pathname.endsWith('.ts') ? new URL('../../../dist/engine/threads/brief-worker.js', here) : new URL('./brief-worker.js', here);
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  /** A pool of at most `size` threads. */
  constructor(readonly size: number) {}

  /** Loads and renders one brief in a worker thread. */
  async brief(job: BriefJob): Promise<BriefJobResult> {
    return decodeJobResult((await this.run({ kind: 'brief', job })) as PlainJobResult);
  }

  /** Runs the PDF finishing pass in a worker thread. */
  async finish(printed: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
    return (await this.run({ kind: 'finish', printed, options })) as FinishedPdf;
  }

  /** Stops every worker; tasks still queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('The worker pool was closed'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private run(input: TaskInput): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The worker pool was closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...input, id: this.nextId++ } as WorkerTask, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((candidate) => candidate.current === null) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.current = pending;
      slot.worker.postMessage(pending.task);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl());
    const slot: Slot = { worker, current: null };
    worker.on('message', (message: { id: number; result?: unknown; error?: PlainError }) => {
      const pending = slot.current;
      if (!pending || pending.task.id !== message.id) return;
      slot.current = null;
      if (message.error) pending.reject(decodeError(message.error));
      else pending.resolve(message.result);
      this.dispatch();
    });
    const fail = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index === -1) return;
      this.slots.splice(index, 1);
      slot.current?.reject(error);
      slot.current = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A build worker thread exited (code ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}

/**
 * One build worker: a Node child process running brief-worker.js, spoken to over IPC with
 * structured cloning. A process rather than a worker thread because V8's heap cap is only
 * dependable per process: a worker thread's `resourceLimits` grants 16 MB to stop and aborts the
 * whole process when one allocation needs more (measured: an array of small objects growing to a
 * 512 MB cap took the build down; bench/README.md). A process that reaches `--max-old-space-size`
 * dies alone, and a process that spins is killed outright, whatever it is running.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerMessage, WorkerTask } from './brief-worker.js';
import type { Batch } from './outbox.js';

/** The compiled worker entry; under a TypeScript test runner this module is src/, so use dist/. */
function workerPath(): string {
  const here = new URL(import.meta.url);
  return fileURLToPath(here.pathname.endsWith('.ts') ? new URL('../../../dist/engine/threads/brief-worker.js', here) : new URL('./brief-worker.js', here));
}

/** V8 prints this when a heap reaches its cap, then aborts. */
const heapExhausted = /heap out of memory|Reached heap limit|Allocation failed/;

/** Every worker process still running, killed if this process exits first (an orphan could spin on). */
const running = new Set<ChildProcess>();
let exitHandler = false;

export interface WorkerEvents {
  message: (message: WorkerMessage) => void;
  /** The process is gone: `memory` when V8 reported its heap exhausted. */
  exit: (reason: { memory: boolean; description: string }) => void;
}

export class WorkerProcess {
  private readonly child: ChildProcess;
  /** The end of its stderr: where V8 says why it aborted. */
  private stderr = '';

  constructor(maxMemoryMb: number, hook: string | undefined, events: WorkerEvents) {
    this.child = fork(workerPath(), hook ? ['--hook', hook] : [], {
      // V8 lets a busy heap grow to about four times what it holds before a full collection; at
      // twice, a worker rendering briefs stays markedly smaller for no measurable cost. Its
      // collections run on its own thread: the workers already keep every core busy, and GC
      // helper threads only took turns with them (bench/README.md). Both flags are in the V8 of
      // every Node the package supports.
      execArgv: [`--max-old-space-size=${maxMemoryMb}`, '--heap-growing-percent=100', '--single-threaded-gc'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    running.add(this.child);
    if (!exitHandler) {
      exitHandler = true;
      process.on('exit', () => {
        for (const child of running) child.kill('SIGKILL');
      });
    }
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4096);
    });
    // Messages made close together cross as one (outbox.ts): the pool hears each on its own.
    this.child.on('message', (message: WorkerMessage | Batch<WorkerMessage>) => {
      if (message.type !== 'batch') events.message(message);
      else for (const each of message.messages) events.message(each);
    });
    this.child.on('error', (error: NodeJS.ErrnoException) => {
      // A task sent to a process that has just died (its heap full, say): its `close` says why.
      if (error.code === 'EPIPE' || error.code === 'ERR_IPC_CHANNEL_CLOSED') return;
      events.exit({ memory: false, description: error.message });
    });
    // `close`, not `exit`: by then stderr has been read to its end.
    this.child.on('close', (code, signal) => {
      running.delete(this.child);
      const memory = heapExhausted.test(this.stderr);
      events.exit({ memory, description: signal ? `signal ${signal}` : `code ${code}` });
    });
  }

  send(task: WorkerTask): void {
    this.child.send(task);
  }

  /** While it has a task the worker keeps this process alive; an idle one never does (see idle-pool.ts). */
  hold(busy: boolean): void {
    // stderr is a pipe (a net.Socket), which Readable's type does not say.
    const handles: Array<{ ref?: () => unknown; unref?: () => unknown } | null | undefined> = [
      this.child,
      this.child.channel,
      this.child.stderr as { ref?: () => unknown } | null,
    ];
    for (const handle of handles) {
      if (busy) handle?.ref?.();
      else handle?.unref?.();
    }
  }

  /** Stops the process at once (it may be spinning: no polite request would be heard). */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  /** Resolves once the process has exited. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    // An idle worker holds nothing: without this, a process with nothing else to do would end
    // while waiting here, before its caller goes on.
    this.hold(true);
    this.kill();
    await exited;
  }
}

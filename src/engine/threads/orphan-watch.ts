/**
 * A worker process whose build was killed outright (SIGKILL: no exit handler ran) would go on
 * with its task, and a task stuck in a hostile brief never ends. A small thread checks once a
 * second whether the build is still its parent and kills this process when it is not; a thread,
 * because the process's own thread may be the one that is stuck.
 */
import { Worker } from 'node:worker_threads';

const watch = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
}, 1000);
`;

export function watchParent(): void {
  new Worker(watch, { eval: true, workerData: { parent: process.ppid } }).unref();
}

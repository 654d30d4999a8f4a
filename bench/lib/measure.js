/** Spawning a contender and measuring it: wall time from spawn to exit and peak RSS of its process tree. */
import { spawn } from 'node:child_process';
import { sampleTree } from './process-tree.js';

export /** Runs a command, sampling its process tree's memory; resolves to { seconds, rssMb, stdout }. */
function measure(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    const sampler = sampleTree(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peak = sampler.stop();
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-600)}`));
      else resolve({ seconds, rssMb: peak === null ? null : peak / 1024 / 1024, stdout });
    });
  });
}

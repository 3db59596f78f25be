import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const max = (xs: number[]): number => (xs.length === 0 ? NaN : Math.max(...xs));

export async function timeMs(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

export interface ProcessRun {
  code: number | null;
  ms: number;
  /** Peak resident memory of the process (all its threads, so the worker pool too), in MB. */
  peakMb: number;
  stderr: string;
}

/**
 * Runs a command as a whole process and measures wall time and peak RSS. Peak RSS is VmHWM from
 * /proc (Linux), read until the process exits; worker threads share the process, so it covers
 * the pool. Children the command starts itself (soffice's) are not included.
 */
export function runProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const poll = setInterval(() => (peakKb = Math.max(peakKb, hwmKb(child.pid))), 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, ms: performance.now() - t, peakMb: peakKb / 1024, stderr });
    });
  });
}

function hwmKb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * The entry of the CLI's bundle (build/bundleCli.ts): dist/cli/nianbao.cjs, which the bin
 * (dist/cli/main.js) and the pool's worker (dist/cli/worker.js) load through cli/codeCache.ts.
 * The worker's modules load only in a worker, each command's only when it runs (commands.ts).
 */
export { runProgram } from './main.js';
export { restoreOptimisingCompiler } from './shortRun.js';

export async function startWorker(afterFirstJob?: () => void): Promise<void> {
  (await import('./batch/workerMain.js')).startWorker(afterFirstJob);
}

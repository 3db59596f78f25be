import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const CLI = new URL('../../dist/cli/main.js', import.meta.url).pathname;

export interface EditorProcess {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** `nianbao edit … --no-open` as a clerk starts it (the built CLI); the address is the first line of stdout. */
export async function startEditor(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<EditorProcess> {
  const child = spawn(process.execPath, [CLI, 'edit', ...args, '--no-open', '--jobs', '1'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`nianbao edit exited with ${code}: ${err}`)));
  });
  return {
    url,
    child,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

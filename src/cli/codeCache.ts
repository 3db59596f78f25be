import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheDir, writeCacheFile } from '../userCache.js';

/**
 * Issue 18: of a one-report `nianbao render one.yaml --pdf`, V8 spent a fifth compiling the CLI's
 * code — parsing its 2.4 MB and compiling each function the first time it runs — on every start
 * (Node 20 keeps no compiled code for ES modules; `module.enableCompileCache` is 22.1+). The CLI
 * is therefore one CommonJS bundle (build/bundleCli.ts), compiled here through `vm.Script` with
 * V8's code cache: the compiled code of a run is saved in the user's cache folder and the next
 * run of the same command starts from it (seed 004, whole process: 482 → 394 ms median).
 *
 * The saved code is keyed by the bundle's content hash (written into the bin by the build) and
 * length, Node's version and the CPU, and what runs (each command, `render` of one file apart from
 * a batch's main thread, the pool's worker: binRole), since each compiles different functions. V8 itself refuses code saved by another V8 or under other flags:
 * then it compiles as without a cache, and the code is saved again. Anything odd about the cache
 * (missing, unwritable, damaged) only means compiling as before; NIANBAO_CODE_CACHE=0 turns it off.
 */

/**
 * The bundle's first line (build/bundleCli.ts): the file is one function taking what Node gives a
 * CommonJS module, and this module's import() for what the bundle imports by a URL named at run
 * time (cli/importModule.ts). Strict, as the ES modules it is made of (and the earlier ESM bundle) were.
 */
export const BUNDLE_WRAPPER = "(function (exports, require, module, __filename, __dirname, __nianbaoImport) { 'use strict';";

/** What the bundle (cli/program.ts) exports. */
export interface CliBundle {
  runProgram(): void;
  startWorker(afterFirstJob?: () => void): Promise<void>;
  restoreOptimisingCompiler(): void;
}

export interface LoadedBundle {
  bundle: CliBundle;
  /** Whether the code came from the cache (V8 took it). */
  fromCache: boolean;
  /** Saves the code compiled so far, unless it came from the cache; once. */
  saveCode(): void;
}

/** Saved code of other builds is removed when older than this (two installs side by side keep theirs). */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** The folder of saved code, below the user's cache folder. */
export const codeCacheDir = (env: NodeJS.ProcessEnv = process.env): string => join(cacheDir(env), 'code');

/** Compiles and runs the bundle at `url` (built with content hash `hash`) as `role` ('main-render', 'worker' …). */
export function loadBundle(url: URL, hash: string, role: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle {
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  if (!source.startsWith(BUNDLE_WRAPPER)) throw new Error(`${file} is not the CLI's bundle`);
  const dir = codeCacheDir(env);
  const cacheFile = env.NIANBAO_CODE_CACHE === '0' ? undefined : join(dir, `${hash}-${source.length}-${process.version}-${process.arch}-${/^[a-z-]{1,40}$/.test(role) ? role : 'other'}.bin`);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // not saved yet
  }
  const script = new Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  const module = { exports: {} as CliBundle };
  const run = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string, i: (url: string) => Promise<unknown>) => void;
  run(module.exports, createRequire(file), module, file, dirname(file), (url) => import(url));
  const bundle = module.exports;
  let pending = cacheFile !== undefined && !fromCache;
  return {
    bundle,
    fromCache,
    saveCode() {
      if (!pending || !cacheFile) return;
      pending = false;
      bundle.restoreOptimisingCompiler();
      if (writeCacheFile(cacheFile, script.createCachedData())) forgetOtherBuilds(dir, hash);
    },
  };
}

/** The bin (dist/cli/main.js): the program, its code saved when the process ends. */
export function runBin(url: URL, hash: string): void {
  let loaded: LoadedBundle;
  try {
    loaded = loadBundle(url, hash, binRole(process.argv.slice(2)));
  } catch (e) {
    // A damaged install: never a stack trace (the detail goes to NIANBAO_DEBUG, as in cli/main.ts).
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`内部错误：无法载入 nianbao 的程序文件 ${fileURLToPath(url)}${code ? `（${code}）` : ''}；请重新安装（设置环境变量 NIANBAO_DEBUG=1 可查看详细信息）\n`);
    if (process.env.NIANBAO_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 70;
    return;
  }
  // 'exit' handlers run synchronously, as saving does; a process killed by a signal saves nothing.
  process.once('exit', loaded.saveCode);
  loaded.bundle.runProgram();
}

/** The pool's worker (dist/cli/worker.js): its code saved after its first job (a pool ends its workers by terminating them). */
export function runWorker(url: URL, hash: string): void {
  const loaded = loadBundle(url, hash, 'worker');
  void loaded.bundle.startWorker(loaded.saveCode);
}

/**
 * What a run of the bin is, for its saved code: the command, and for `render` whether it is one
 * named YAML file (the clerk's run, which compiles a renderer in this thread) or a batch (whose
 * main thread compiles only the pool's side: the renderers run in the workers).
 */
export function binRole(args: readonly string[]): string {
  const [command = '', ...rest] = args;
  if (command !== 'render') return `main-${command}`;
  const named = rest.filter((a) => !a.startsWith('-'));
  const yaml = (a: string) => /\.ya?ml$/i.test(a);
  // Option values (-o folder, --jobs 2) are named too, but never YAML files; a glob may be many files.
  const one = named.length >= 1 && yaml(named[0]!) && !/[*?[{]/.test(named[0]!) && !named.slice(1).some(yaml) && !rest.includes('--watch');
  return one ? 'main-render-one' : 'main-render';
}

function forgetOtherBuilds(dir: string, hash: string): void {
  try {
    for (const name of readdirSync(dir)) {
      if (name.startsWith(`${hash}-`)) continue;
      const path = join(dir, name);
      if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { force: true });
    }
  } catch {
    // another process cleaned up first
  }
}

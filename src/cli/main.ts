#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import { UsageError } from './args.js';
import { commandHelp, COMMANDS, overview } from './commands.js';
import { processIo, type Io } from './io.js';

/**
 * The conventions of well-known CLIs (eslint, tsc, git): `--version`/`-V` and `-h`/`--help`
 * at the top level and on every command, `nianbao help <command>`; each command loads only its
 * own modules, so `render` never pays for import's parsers.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err(overview());
    return 2;
  }
  if (command === '--version' || command === '-V') {
    io.out(VERSION);
    return 0;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    const topic = rest[0];
    if (topic === undefined) io.out(overview());
    else if (COMMANDS[topic]) io.out(commandHelp(topic));
    else return unknown(topic, io);
    return 0;
  }
  const spec = COMMANDS[command];
  if (!spec) return unknown(command, io);
  const end = rest.indexOf('--');
  const options = end < 0 ? rest : rest.slice(0, end);
  if (options.some((a) => a === '--version' || a === '-V')) {
    io.out(VERSION);
    return 0;
  }
  if (options.some((a) => a === '--help' || a === '-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    const run = await spec.load();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`用法错误：${e.message}\n（nianbao help ${command} 查看用法）`);
      return 2;
    }
    // Never a stack trace for the user; the detail goes to NIANBAO_DEBUG.
    io.err(`内部错误：${e instanceof Error ? e.message : String(e)}（设置环境变量 NIANBAO_DEBUG=1 可查看详细信息）`);
    if (process.env.NIANBAO_DEBUG) io.err(e instanceof Error ? (e.stack ?? '') : '');
    return 70;
  }
}

function unknown(command: string, io: Io): number {
  io.err(`未知命令：${command}\n\n${overview()}`);
  return 2;
}

/**
 * Started as a program (directly, through npm's bin symlink, or from a folder whose path has
 * `#`, spaces or Chinese characters): compared as real file paths, never as URLs.
 */
function startedAsProgram(): boolean {
  const started = process.argv[1];
  if (started === undefined) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** The `nianbao` program: the bin runs it (the bundle's loader, cli/codeCache.ts, or this module started directly). */
export function runProgram(): void {
  // A reader that stops early (`nianbao schema | head -c 10`) is not an error: end quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  main(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}

if (startedAsProgram()) runProgram();

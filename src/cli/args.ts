/** A tiny argv parser: flags (`--json`), options with values (`--year 2021`, `--year=2021`), positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], spec: { flags: string[]; options: string[] }): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const [name, inline] = a.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
      if (spec.flags.includes(name)) {
        out.flags.add(name);
      } else if (spec.options.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`选项 --${name} 需要一个值`);
        out.options.set(name, value);
      } else {
        throw new UsageError(`未知选项：${a}`);
      }
    } else {
      out.positionals.push(a);
    }
  }
  return out;
}

import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands.js';
import { VERSION } from '../src/version.js';
import { BIN, FAKE_RENDERERS, reportFor, tempDir, writeInputs } from './support/batch.js';
import { reportYaml } from './support/reports.js';

const root = join(import.meta.dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI as users run it, with `input` on standard input. */
function run(args: string[], opts: { cwd?: string; input?: string | Uint8Array; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? root, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

const outputSchema = JSON.parse(readFileSync(join(root, 'schemas', 'output.schema.json'), 'utf8')) as object;
const validateOutput = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(outputSchema);
function validJson(text: string): { errors: number; warnings: number; files: { file: string; ok: boolean; outputs?: string[]; diagnostics: { code: string; file: string; line: number }[] }[] } {
  const value: unknown = JSON.parse(text);
  expect(validateOutput(value), JSON.stringify(validateOutput.errors)).toBe(true);
  return value as ReturnType<typeof validJson>;
}

const NO_TRACE = /at \S+ \(|node:internal|Error: /;

describe('version and help, as eslint, tsc and git have them', () => {
  it('--version and -V at the top level and on every command print the package version', async () => {
    expect(VERSION).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
    for (const args of [['--version'], ['-V'], ...Object.keys(COMMANDS).map((c) => [c, '--version']), ['render', 'a.yaml', '-V']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.trim(), args.join(' ')).toBe(VERSION);
    }
  });

  it('-h and --help on every command print that command\'s help; `nianbao help render` the same; schema --help is help, not the schema', async () => {
    for (const command of Object.keys(COMMANDS)) {
      const long = await run([command, '--help']);
      const short = await run([command, '-h']);
      const viaHelp = await run(['help', command]);
      expect(long.code, command).toBe(0);
      expect(long.stdout, command).toMatch(new RegExp(`^用法：nianbao ${command}`));
      expect(short.stdout).toBe(long.stdout);
      expect(viaHelp.stdout).toBe(long.stdout);
    }
    expect((await run(['schema', '--help'])).stdout).not.toContain('"$schema"');
    const overview = await run(['--help']);
    expect(overview.code).toBe(0);
    for (const command of Object.keys(COMMANDS)) expect(overview.stdout).toContain(`nianbao ${command}`);
    expect((await run(['help', 'nope'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});

describe('inputs: files, folders, globs and standard input, one expansion for every command', () => {
  const dir = tempDir('conv');
  writeInputs(join(dir, 'data'), { 'a-2020.yaml': reportYaml('2021', [], { year: 2020 }), 'b-2021.yaml': reportYaml('2021') });

  it('check takes a quoted glob and a folder, as render does', async () => {
    for (const input of ['data/*.yaml', 'data', 'data/']) {
      const r = await run(['check', '--json', input], { cwd: dir });
      expect(r.code, input).toBe(0);
      expect(validJson(r.stdout).files.map((f) => f.file), input).toEqual([join('data', 'a-2020.yaml'), join('data', 'b-2021.yaml')]);
    }
  });

  it('compare takes a glob', async () => {
    const r = await run(['compare', 'data/*.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2020');
    expect(r.stdout).toContain('2021');
  });

  it('- reads standard input for check, render (with -o) and import', async () => {
    const good = reportFor('管道局');
    const checked = await run(['check', '--json', '-'], { input: good });
    expect(checked.code).toBe(0);
    expect(validJson(checked.stdout).files[0]!.file).toBe('标准输入');
    const bad = reportYaml('2021', [[['applications', 'newlyReceived'], [1, 0, 0, 0, 0, 0, 2]]]);
    const failed = await run(['check', '-'], { input: bad });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^标准输入:\d+:\d+ 错误 .*\[identity\/row-total\]/m);

    const out = join(dir, 'stdin-out');
    const rendered = await run(['render', '-', '-o', out, '--json'], { input: good, env: { NIANBAO_TEST_RENDERERS: FAKE_RENDERERS } });
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['管道局-2021.docx', '管道局-2021.html', '管道局-2021.pdf']);
    expect(validJson(rendered.stdout).files[0]!.outputs).toHaveLength(3);
    const noOut = await run(['render', '-'], { input: good });
    expect(noOut.code).toBe(2);

    const seed = readFileSync(join(root, 'test', 'fixtures', 'seeds', '003_fd5e2081a75f95e0.txt'));
    const imported = await run(['import', '-'], { input: seed });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('agency: "昌乐县科学技术局"');
  });

  it('a file that does not exist gets the same message and exit 1 whatever characters its name has', async () => {
    for (const command of ['check', 'render']) {
      const messages = new Set<string>();
      for (const name of ['nothere.yaml', 'nothere(1).yaml', 'a [2021].yaml', 'x{1,2}.yaml', 'data/*.yml']) {
        const r = await run([command, name], { cwd: dir, env: { NIANBAO_TEST_RENDERERS: FAKE_RENDERERS } });
        expect(r.code, `${command} ${name}`).toBe(1);
        expect(r.stderr).not.toMatch(NO_TRACE);
        messages.add(r.stderr.split('\n').find((l) => l.includes(name))!.replace(name, '＊'));
      }
      expect([...messages], command).toHaveLength(1);
    }
  });

  it('an existing file whose name looks like a glob is taken literally', async () => {
    writeFileSync(join(dir, 'a [2021].yaml'), reportFor('方括号局'));
    writeFileSync(join(dir, 'a 2.yaml'), reportFor('不该匹配局'));
    const r = await run(['check', '--json', 'a [2021].yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(validJson(r.stdout).files.map((f) => f.file)).toEqual(['a [2021].yaml']);
  });
});

describe('render --shard K/N through the CLI', () => {
  it('two machines with --shard 0/2 and 1/2 write every report exactly once', async () => {
    const dir = tempDir('shard-cli');
    const agencies = Array.from({ length: 12 }, (_, i) => `第${i}局`);
    writeInputs(join(dir, 'corpus', 'a'), Object.fromEntries(agencies.slice(0, 6).map((a) => [`${a}.yaml`, reportFor(a)])));
    writeInputs(join(dir, 'corpus', 'b'), Object.fromEntries(agencies.slice(6).map((a) => [`${a}.yaml`, reportFor(a)])));
    const written: string[][] = [];
    for (const k of [0, 1]) {
      const out = join(dir, `out-${k}`);
      const r = await run(['render', 'corpus/**/*.yaml', '--shard', `${k}/2`, '--docx', '-o', out, '--json'], { cwd: dir, env: { NIANBAO_TEST_RENDERERS: FAKE_RENDERERS } });
      expect(r.code, r.stderr).toBe(0);
      written.push(validJson(r.stdout).files.map((f) => f.file));
    }
    expect(written[0]!.length).toBeGreaterThan(0);
    expect(written[1]!.length).toBeGreaterThan(0);
    expect([...written[0]!, ...written[1]!].sort()).toEqual(agencies.map((a, i) => join('corpus', i < 6 ? 'a' : 'b', `${a}.yaml`)).sort());
    expect((await run(['render', 'corpus', '--shard', '2/2'], { cwd: dir })).code).toBe(2);
  });
});

describe('--json: one shape for every command, validated against schemas/output.schema.json', () => {
  const dir = tempDir('json');
  const [good, bad] = writeInputs(dir, {
    'good.yaml': reportFor('甲局'),
    'bad.yaml': reportYaml('2021', [[['applications', 'newlyReceived'], [1, 0, 0, 0, 0, 0, 2]]]),
  });

  it('check --json: diagnostics as objects; errors counts errors only', async () => {
    const r = await run(['check', '--json', good!, bad!]);
    expect(r.code).toBe(1);
    const json = validJson(r.stdout);
    expect(json.files.map((f) => f.ok)).toEqual([true, false]);
    expect(json.errors).toBe(json.files.flatMap((f) => f.diagnostics).filter((d) => (d as { severity?: string }).severity === 'error').length);
    expect(json.files[1]!.diagnostics[0]).toMatchObject({ code: 'identity/row-total', file: bad, line: expect.any(Number) });
  });

  it('render --json: outputs and diagnostics per file, seconds', async () => {
    const r = await run(['render', '--json', good!, bad!, '-o', join(dir, 'out')], { env: { NIANBAO_TEST_RENDERERS: FAKE_RENDERERS } });
    expect(r.code).toBe(1);
    const json = validJson(r.stdout) as ReturnType<typeof validJson> & { seconds: number };
    expect(json.files[0]!.outputs).toHaveLength(3);
    expect(json.files[1]).toMatchObject({ ok: false, outputs: [] });
    const check = validJson((await run(['check', '--json', bad!])).stdout);
    expect(json.errors).toBe(check.errors);
    expect(json.files[1]!.diagnostics).toEqual(check.files[0]!.diagnostics);
    expect(json.seconds).toBeGreaterThan(0);
  });

  it('import --json: the diagnostics of the imported file', async () => {
    const r = await run(['import', '--json', join(root, 'test', 'fixtures', 'seeds', '002_e1f16a5f9850739c.txt')]);
    expect(r.code).toBe(0);
    expect(validJson(r.stdout).files).toHaveLength(1);
    const broken = await run(['import', '--json', join(dir, 'missing.docx')]);
    expect(broken.code).toBe(1);
    expect(validJson(broken.stdout).errors).toBe(1);
  });

  it('compare --json: the cross-year diagnostics per file', async () => {
    const [y1, y2] = writeInputs(dir, {
      'y2021.yaml': reportYaml('2021', [[['applications', 'carriedForward'], [1, 0, 0, 0, 0, 0]], [['applications', 'newlyReceived'], [1, 0, 0, 0, 0, 0]], [['applications', 'results', 'granted'], [0, 0, 0, 0, 0, 0]]]),
      'y2022.yaml': reportYaml('2021', [], { year: 2022 }),
    });
    const r = await run(['compare', '--json', y1!, y2!]);
    const json = validJson(r.stdout);
    expect(json.files.map((f) => f.file)).toEqual([y1, y2]);
    expect(json.files.flatMap((f) => f.diagnostics.map((d) => d.code))).toContain('crossyear/carried-over');
    expect(r.code).toBe(1);
  });
});

describe('the process as a program', () => {
  it('a reader that stops early (a closed pipe) ends quietly with exit 0', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" schema | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS:-$?}"`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const bash = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" schema | head -c 10 >/dev/null`], { encoding: 'utf8' });
    expect(bash.status).toBe(0);
    expect(bash.stderr).toBe('');
  });

  it('init -o writes the file with a $schema line relative to it and the schema at the project root; never overwrites without --force', async () => {
    const dir = tempDir('init');
    writeFileSync(join(dir, 'package.json'), '{}');
    const r = await run(['init', '--agency', '某某县科学技术局', '--year', '2025', '-o', 'data/kj-2025.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'data', 'kj-2025.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../nianbao.schema.json');
    expect(JSON.parse(readFileSync(join(dir, 'nianbao.schema.json'), 'utf8'))).toHaveProperty('$schema');
    expect((await run(['check', 'data/kj-2025.yaml'], { cwd: dir })).code).toBe(0);
    const again = await run(['init', '--agency', '别的局', '--year', '2025', '-o', 'data/kj-2025.yaml'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(readFileSync(join(dir, 'data', 'kj-2025.yaml'), 'utf8')).toBe(text);
    expect((await run(['init', '--agency', '别的局', '--year', '2025', '-o', 'data/kj-2025.yaml', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'data', 'kj-2025.yaml'), 'utf8')).toContain('别的局');
    const deep = await run(['init', '--agency', '某局', '--year', '2021', '-o', 'a/b/c.yaml'], { cwd: join(dir) });
    expect(deep.code).toBe(0);
    expect(readFileSync(join(dir, 'a', 'b', 'c.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../nianbao.schema.json');
  });
});

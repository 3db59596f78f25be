import { execFile } from 'node:child_process';
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readChecked } from '../src/cli/check.js';
import { MAX_DEPTH, MAX_ITEMS } from '../src/source/load.js';
import { DEFAULT_STYLE } from '../src/model/style.js';
import { MAX_LABEL_CHARS } from '../src/schema/schema.js';
import { checkText, composeChecked } from '../src/pipeline.js';
import { BIN, reportFor, tempDir } from './support/batch.js';
import { docxPart, textOf } from './support/docxXml.js';
import { byTag, findAll, parseHtml } from './support/html.js';
import { pdfTextItems, type PdfTextItem } from './support/pdf.js';
import { reportYaml } from './support/reports.js';

/**
 * Issue 7 "Hardening", hostile input, end to end: every case goes through the built CLI as a
 * child process (`check`, then `render` into DOCX, PDF and HTML) and is judged on what a user
 * gets: the exit code, diagnostics with rule code and position, no stack trace, nothing written
 * outside the output folder and no temp file left, and for accepted input the outputs themselves.
 * Parser-level unit tests of the same inputs: src/source/input.test.ts; name sanitising with
 * fake renderers: test/batch.test.ts, test/batch-names.test.ts; faults (ENOSPC, EROFS, EACCES,
 * crashed worker): test/batch.test.ts "render: faults", test/batch-cli.test.ts (SIGKILL).
 */

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The built CLI in a child process, with a time bound and optionally a small heap. */
function cli(args: string[], opts: { heapMb?: number; timeoutMs?: number } = {}): Promise<Run> {
  const env = { ...process.env };
  delete env.NIANBAO_DEBUG; // the one switch that prints stacks on purpose
  const node = opts.heapMb ? [`--max-old-space-size=${opts.heapMb}`] : [];
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [...node, BIN, ...args], { encoding: 'utf8', env, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number | string; signal?: string | null }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

const ALL_FORMATS = ['--docx', '--pdf', '--html'];

/** Never a stack trace, a Node error name, the internal-error fallback or a kill by the time bound. */
function expectClean(r: Run): void {
  const text = `${r.stdout}\n${r.stderr}`;
  expect(r.signal).toBeNull();
  expect(text).not.toMatch(/^\s+at \S/m);
  expect(text).not.toMatch(/\b[A-Z][A-Za-z]*Error\b|FATAL|内部错误|node:internal/);
  expect(r.code).not.toBe(70);
}

interface Diag {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
}

/** `file:line:column 错误 message [code]` lines of stderr. */
function diagnostics(stderr: string): Diag[] {
  return [...stderr.matchAll(/^(.+?):(\d+):(\d+) (错误|警告) .*\[([\w/-]+)\]$/gm)].map((m) => ({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), severity: m[4]!, code: m[5]! }));
}

const errorsOf = (r: Run) => diagnostics(r.stderr).filter((d) => d.severity === '错误').map(({ file, line, column, code }) => ({ file, line, column, code }));

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

/** A case folder: inputs in it, outputs in `out/`. */
function caseDir(tag: string, files: Record<string, string | Uint8Array>): { dir: string; out: string; inputs: string[] } {
  const dir = tempDir(`hostile-${tag}`);
  const inputs = Object.entries(files).map(([name, text]) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  });
  return { dir, out: join(dir, 'out'), inputs };
}

/** Nothing outside `out/` besides the inputs, no dot/temp files anywhere. */
function expectContained(dir: string, inputs: string[], outputs: string[]): void {
  const expected = [...inputs.map((p) => relative(dir, p)), ...outputs.map((n) => join('out', n))].sort();
  expect(tree(dir)).toEqual(expected);
}

/** Lines of a PDF: items grouped by page and baseline, left to right. */
function pdfLines(items: PdfTextItem[]): { text: string; left: number; right: number }[] {
  const lines = new Map<string, { text: string; left: number; right: number }>();
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    const key = `${it.page}:${Math.round(it.y)}`;
    const l = lines.get(key) ?? { text: '', left: Infinity, right: 0 };
    l.text += it.str;
    l.left = Math.min(l.left, it.x);
    l.right = Math.max(l.right, it.right);
    lines.set(key, l);
  }
  return [...lines.values()];
}

interface Outputs {
  docxXml: string;
  docxText: string;
  pdf: Uint8Array;
  pdfText: string;
  html: string;
  htmlText: string;
}

async function outputsOf(out: string, stem: string): Promise<Outputs> {
  const docx = readFileSync(join(out, `${stem}.docx`));
  const docxXml = await docxPart(docx, 'word/document.xml');
  const pdf = new Uint8Array(readFileSync(join(out, `${stem}.pdf`)));
  const html = readFileSync(join(out, `${stem}.html`), 'utf8');
  const body = byTag(parseHtml(html), 'body')[0]!;
  return { docxXml, docxText: textOf(docxXml), pdf, pdfText: (await pdfTextItems(pdf)).map((i) => i.str).join(''), html, htmlText: body.text };
}

const count = (text: string, ch: string): number => text.split(ch).length - 1;
const stripWs = (s: string): string => s.replace(/\s+/g, '');
const mm = (v: number): number => (v * 72) / 25.4;
const PAGE_WIDTH = DEFAULT_STYLE.page.widthTwips / 20;
const TEXT_LEFT = mm(DEFAULT_STYLE.page.marginLeftMm);
const TEXT_RIGHT = PAGE_WIDTH - mm(DEFAULT_STYLE.page.marginRightMm);
const STEM = '某某县科学技术局-2021';
const MAX = Number.MAX_SAFE_INTEGER;

/** The 1-based line and column of `needle` in a file's text. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/**
 * `check` and `render` of files the parser must stop early: a small heap, a time bound, one
 * error `code` a file in order; nothing written. Returns the errors for their positions.
 */
async function refusedWhileParsing(c: { dir: string; out: string; inputs: string[] }, code: string): Promise<ReturnType<typeof errorsOf>> {
  const check = await cli(['check', ...c.inputs], { heapMb: 96, timeoutMs: 10_000 });
  expectClean(check);
  expect(check.code).toBe(1);
  expect(check.ms).toBeLessThan(5_000);
  const errs = errorsOf(check);
  expect(errs.map((d) => [d.file, d.code])).toEqual(c.inputs.map((f) => [f, code]));
  const render = await cli(['render', ...c.inputs, '-o', c.out, ...ALL_FORMATS, '--jobs', '1'], { heapMb: 96, timeoutMs: 10_000 });
  expectClean(render);
  expect(render.code).toBe(1);
  expectContained(c.dir, c.inputs, []);
  return errs;
}

describe('hostile input through the CLI (issue 7)', { timeout: 60_000 }, () => {
  it('a YAML alias bomb is refused in bounded time and memory', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${new Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { dir, out, inputs } = caseDir('bomb', { 'bomb.yaml': lines.join('\n') });
    // 9^12 strings if expanded; a 64 MB heap would crash with a V8 fatal error long before.
    const check = await cli(['check', inputs[0]!], { heapMb: 64, timeoutMs: 10_000 });
    expectClean(check);
    expect(check.code).toBe(1);
    expect(errorsOf(check)).toEqual([{ file: inputs[0], line: 1, column: 1, code: 'yaml/alias-limit' }]);
    const render = await cli(['render', inputs[0]!, '-o', out, ...ALL_FORMATS], { heapMb: 64, timeoutMs: 10_000 });
    expectClean(render);
    expect(render.code).toBe(1);
    expect(errorsOf(render).map((d) => d.code)).toEqual(['yaml/alias-limit']);
    expectContained(dir, inputs, []);
  });

  it('deep nesting (2 MB of "[", 1,000 block levels) is refused while parsing, at the line where it goes too deep', async () => {
    const flow = `a: ${'['.repeat(2 * 1024 * 1024 - 10)}`;
    const block = `${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`;
    // Before the guard: 22 s and 1.9 GB for the flow file, then a stack overflow reported as syntax.
    const errs = await refusedWhileParsing(caseDir('deep', { 'flow.yaml': flow, 'block.yaml': block }), 'input/too-deep');
    expect(errs[0]!.line).toBe(1);
    expect(errs[1]!.line).toBe(2 * MAX_DEPTH); // not line 1: the level that went too deep
  });

  it('a flat list of a million numbers and a map of 200,000 keys are refused while parsing, in bounded time and memory', async () => {
    const list = `a: [${'1,'.repeat(1_000_000)}1]`;
    const map = Array.from({ length: 200_000 }, (_, i) => `k${i}: 1`).join('\n');
    // Before the guard: 13 s and 1.1 GB for the list; minutes for the map (every key compared with every other).
    const errs = await refusedWhileParsing(caseDir('wide', { 'list.yaml': list, 'map.yaml': map }), 'input/too-complex');
    expect(errs[0]!.line).toBe(1);
    expect(errs[1]!.line).toBe(MAX_ITEMS + 1); // the first key past the limit
  });

  it('a 50 MB file is refused from its size, without reading it', async () => {
    const { dir, out, inputs } = caseDir('big', {});
    const big = join(dir, 'big.yaml');
    // Sparse and all NUL: were it read, it would be refused as not UTF-8 instead, and slowly.
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    inputs.push(big);
    const t0 = performance.now();
    const inProcess = await readChecked(big);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(inProcess.diagnostics.map((d) => d.code)).toEqual(['input/too-large']);
    expect(inProcess.diagnostics[0]!.message).toContain('50.0 MB'); // its real size, not the 2 MB read cap
    for (const args of [['check', big], ['render', big, '-o', out, ...ALL_FORMATS]]) {
      const r = await cli(args, { heapMb: 64, timeoutMs: 10_000 });
      expectClean(r);
      expect(r.code).toBe(1);
      expect(errorsOf(r)).toEqual([{ file: big, line: 1, column: 1, code: 'input/too-large' }]);
    }
    expectContained(dir, inputs, []);
  });

  it('escaped handlebars syntax in prose prints literally in DOCX, PDF and HTML; nothing is evaluated', async () => {
    const literal = '正文写{{constructor.constructor}}、{{#each applications}}某{{/each}}、{{> partial}}和{{__proto__.polluted}}。';
    const yaml = reportYaml('2021', [[['problems'], literal.replaceAll('{{', '\\{{')]]);
    const { dir, out, inputs } = caseDir('hbs', { 'hbs.yaml': yaml });
    expect((await cli(['check', inputs[0]!])).code).toBe(0);
    const r = await cli(['render', inputs[0]!, '-o', out, ...ALL_FORMATS]);
    expectClean(r);
    expect(r.code).toBe(0);
    expectContained(dir, inputs, [`${STEM}.docx`, `${STEM}.html`, `${STEM}.pdf`]);
    const o = await outputsOf(out, STEM);
    expect(o.docxText).toContain(literal);
    expect(stripWs(o.pdfText)).toContain(stripWs(literal)); // PDF text comes back with justification spaces
    expect(o.htmlText).toContain(literal);
    for (const text of [o.docxText, o.pdfText, o.htmlText]) expect(text).not.toMatch(/native code|function Object|\[object/);
  });

  it('handlebars syntax beyond {{name}} is refused at its place, and no template reaches a prototype', async () => {
    const cases = {
      'ctor.yaml': ['写{{constructor.constructor}}。', 'template/unknown-placeholder'],
      'proto.yaml': ['写{{__proto__.polluted}}。', 'template/unknown-placeholder'],
      'each.yaml': ['写{{#each applications}}{{this}}{{/each}}。', 'template/unsupported'],
      'partial.yaml': ['写{{> partial}}。', 'template/unsupported'],
    } as const;
    const texts = Object.fromEntries(Object.entries(cases).map(([name, [prose]]) => [name, reportYaml('2021', [[['problems'], prose]])]));
    const { dir, out, inputs } = caseDir('hbs-bad', texts);
    const check = await cli(['check', ...inputs]);
    expectClean(check);
    expect(check.code).toBe(1);
    expect(errorsOf(check)).toEqual(
      Object.entries(cases).map(([name, [, code]]) => ({ file: join(dir, name), ...positionOf(texts[name]!, '{{'), code })),
    );
    const render = await cli(['render', ...inputs, '-o', out, ...ALL_FORMATS, '--jobs', '1']);
    expectClean(render);
    expect(render.code).toBe(1);
    expectContained(dir, inputs, []);
    // In process, where a prototype could be reached: compose every case and a __proto__ key.
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const protoKey = reportYaml('2021').replace(/^labels: .*$/m, 'labels: { "__proto__": { "polluted": "yes" } }');
    for (const text of [...Object.values(texts), protoKey, yaml('{{constructor}}')]) composeChecked(checkText(text, 'x.yaml'));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('HTML, script and XML in prose and the agency name come out escaped in HTML and harmless in DOCX and PDF', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>&amp;</w:t><w:t>]]>';
    const yaml = reportYaml('2021', [[['agency'], `某局${hostile}`], [['title'], undefined], [['problems'], `问题${hostile}结束`]]);
    const { out, inputs } = caseDir('script', { 'script.yaml': yaml });
    const r = await cli(['render', inputs[0]!, '-o', out, ...ALL_FORMATS]);
    expectClean(r);
    expect(r.code).toBe(0);
    const stem = readdirSync(out).find((n) => n.endsWith('.html'))!.replace(/\.html$/, '');
    expect(stem).not.toMatch(/[<>/]/);
    const o = await outputsOf(out, stem);
    const page = parseHtml(o.html);
    expect(byTag(page, 'script')).toEqual([]);
    expect(byTag(page, 'img')).toEqual([]);
    expect(findAll(page, (e) => Object.keys(e.attrs).some((a) => a.startsWith('on')))).toEqual([]);
    expect(byTag(page, 'p').some((p) => p.text === `问题${hostile}结束`)).toBe(true);
    expect(byTag(page, 'title')[0]!.text).toContain(`某局${hostile}`);
    // DOCX: the XML stays well-formed and the markup is text, not elements.
    const errors: string[] = [];
    new DOMParser({ onError: (level, msg) => void errors.push(`${level}: ${msg}`) }).parseFromString(o.docxXml, 'text/xml');
    expect(errors).toEqual([]);
    expect(o.docxText).toContain(`问题${hostile}结束`);
    expect(o.docxXml).not.toContain('<script>');
    expect(stripWs(o.pdfText)).toContain(stripWs(`问题${hostile}结束`));
  });

  it('control characters are refused at their place (a DOCX cannot hold them)', async () => {
    const texts = {
      'agency.yaml': reportFor('某\u0007局'),
      'prose.yaml': reportYaml('2021', [[['problems'], '问题\u0001结束']]),
    };
    const { dir, out, inputs } = caseDir('control', texts);
    const check = await cli(['check', ...inputs]);
    expectClean(check);
    expect(check.code).toBe(1);
    expect(errorsOf(check)).toEqual([
      { file: inputs[0], ...positionOf(texts['agency.yaml'], '"某\\a局"'), code: 'schema/control-character' },
      { file: inputs[1], ...positionOf(texts['prose.yaml'], '"问题\\x01结束"'), code: 'schema/control-character' },
    ]);
    const render = await cli(['render', ...inputs, '-o', out, ...ALL_FORMATS, '--jobs', '1']);
    expect(render.code).toBe(1);
    expectClean(render);
    expectContained(dir, inputs, []);
  });

  it('agency names with separators, "..", RTL marks and 300 characters: safe names inside the folder, the name whole in every output', async () => {
    const agencies = ['../../逃逸局', '某局/科室\\处', '..', '\u202e局某\u202c', '某'.repeat(300)];
    const { dir, out, inputs } = caseDir('names', Object.fromEntries(agencies.map((a, i) => [`n${i}.yaml`, reportFor(a)])));
    const r = await cli(['render', ...inputs, '-o', out, ...ALL_FORMATS, '--jobs', '2'], { timeoutMs: 60_000 });
    expectClean(r);
    expect(r.code).toBe(0);
    const names = readdirSync(out);
    expect(names).toHaveLength(3 * agencies.length);
    for (const n of names) {
      expect(n).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]|\.\./);
      expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
    }
    expectContained(dir, inputs, names);
    // The 300-character name is cut in the file name only: the documents carry it whole.
    const long = names.find((n) => n.startsWith('某某某') && n.endsWith('.html'))!.replace(/\.html$/, '');
    const o = await outputsOf(out, long);
    const title = `${'某'.repeat(300)}2021年政府信息公开工作年度报告`;
    expect(byTag(parseHtml(o.html), 'h1')[0]!.text).toBe(title);
    expect(o.docxText).toContain(title);
    expect(count(o.pdfText, '某')).toBeGreaterThanOrEqual(300);
  });

  it('figures at 2^53 − 1 print exactly; beyond, given or summed, are refused naming the cell', async () => {
    const texts = {
      'max.yaml': reportYaml('2021', [[['applications', 'newlyReceived'], [MAX, 0, 0, 0, 0, 0]], [['applications', 'carriedForward'], [MAX, 0, 0, 0, 0, 0]]]),
      'given.yaml': reportYaml('2021', [[['applications', 'newlyReceived'], [MAX + 1, 0, 0, 0, 0, 0]]]),
      // A computed 总计 past the limit: it printed 9007199254740992 for 9007199254740993.
      'total.yaml': reportYaml('2021', [[['applications', 'newlyReceived'], [MAX, 2, 0, 0, 0, 0]], [['applications', 'carriedForward'], [MAX, 2, 0, 0, 0, 0]]]),
      // An identity that balanced by rounding: M + 2 and 1 + M are the same double.
      'identity.yaml': reportYaml('2021', [
        [['applications', 'newlyReceived'], [MAX, 0, 0, 0, 0, 0]],
        [['applications', 'carriedOver'], [2, 0, 0, 0, 0, 0]],
        [['applications', 'results', 'granted'], [1, 0, 0, 0, 0, 0]],
        [['applications', 'carriedForward'], [MAX, 0, 0, 0, 0, 0]],
      ]),
    };
    const { out, inputs } = caseDir('figures', texts);
    const check = await cli(['check', ...inputs.slice(1)]);
    expectClean(check);
    expect(check.code).toBe(1);
    const errs = errorsOf(check);
    expect(errs.map((d) => [d.file.split('/').pop(), d.code])).toEqual([
      ['given.yaml', 'schema/out-of-range'],
      ['total.yaml', 'schema/out-of-range'],
      ['total.yaml', 'schema/out-of-range'],
      ['identity.yaml', 'schema/out-of-range'],
    ]);
    expect(errs[0]).toMatchObject(positionOf(texts['given.yaml'], String(MAX + 1)));
    const lines = check.stderr.split('\n');
    expect(lines.find((l) => l.startsWith(inputs[1]!))).toContain('一、本年新收政府信息公开申请数量 · 自然人');
    expect(lines.filter((l) => l.startsWith(inputs[2]!)).join('\n')).toMatch(/一、本年新收政府信息公开申请数量 · 总计[\s\S]*四、结转下年度继续办理 · 总计/);
    const r = await cli(['render', inputs[0]!, '-o', out, ...ALL_FORMATS]);
    expectClean(r);
    expect(r.code).toBe(0);
    const o = await outputsOf(out, STEM);
    for (const text of [o.docxText, o.pdfText, o.htmlText]) expect(count(text, String(MAX))).toBeGreaterThanOrEqual(4); // given and computed, rows 一 and 四
  });

  it('a paragraph of 20,000 characters without punctuation: all there, inside the margins, no lone glyph before a long word', async () => {
    const cjk = '瀚'.repeat(20_000);
    const latin = `曦${'b'.repeat(20_000)}`;
    const { out, inputs } = caseDir('long', { 'long.yaml': reportYaml('2021', [[['problems'], `${cjk}\n\n${latin}`]]) });
    const r = await cli(['render', inputs[0]!, '-o', out, ...ALL_FORMATS]);
    expectClean(r);
    expect(r.code).toBe(0);
    const o = await outputsOf(out, STEM);
    for (const text of [o.docxText, o.pdfText, o.htmlText]) {
      expect(count(text, '瀚')).toBe(20_000);
      expect(count(text, 'b')).toBe(20_000);
    }
    const lines = pdfLines(await pdfTextItems(o.pdf));
    for (const l of lines) {
      expect(l.left).toBeGreaterThanOrEqual(TEXT_LEFT - 0.5);
      expect(l.right).toBeLessThanOrEqual(TEXT_RIGHT + 0.5);
    }
    // The glyph before the 20,000-letter word shares its line with the word's first letters.
    expect(lines.find((l) => l.text.includes('曦'))!.text).toMatch(/^曦b{10,}$/);
  });

  it('a table label of 500 characters is refused at its place (schema/too-long); one of 200, the limit, wraps inside its cell in every format, even in the narrowest label column', async () => {
    const wide = `一、本年新收政府信息公开申请数量${'（注：包括通过网络、信函、当面等各种渠道收到的申请）'.repeat(30)}`.slice(0, MAX_LABEL_CHARS);
    const narrow = (n: number) => `1.属于国家秘密${'（注：本项包括依法确定为国家秘密的政府信息）'.repeat(40)}`.slice(0, n);
    const withNarrow = (agency: string, n: number) => reportFor(agency).replace(/^labels: .*$/m, `labels: { "applications.results.refused.stateSecret": "${narrow(n)}" }`);
    const texts = {
      'wide.yaml': reportYaml('2021', [[['labels'], { 'applications.newlyReceived': wide }]]),
      'narrow.yaml': withNarrow('窄栏局', MAX_LABEL_CHARS),
      'long.yaml': withNarrow('过长局', 500),
    };
    const { dir, out, inputs } = caseDir('label', texts);
    const check = await cli(['check', inputs[2]!]);
    expectClean(check);
    expect(errorsOf(check)).toEqual([{ file: inputs[2], ...positionOf(texts['long.yaml'], `"${narrow(500)}"`), code: 'schema/too-long' }]);
    const r = await cli(['render', ...inputs, '-o', out, ...ALL_FORMATS, '--jobs', '1']);
    expectClean(r);
    expect(r.code).toBe(1);
    expectContained(dir, inputs, [`${STEM}.docx`, `${STEM}.html`, `${STEM}.pdf`, '窄栏局-2021.docx', '窄栏局-2021.html', '窄栏局-2021.pdf']);
    for (const [stem, label] of [[STEM, wide], ['窄栏局-2021', narrow(MAX_LABEL_CHARS)]] as const) {
      const o = await outputsOf(out, stem);
      expect(o.docxText).toContain(label);
      expect(o.htmlText).toContain(label);
      expect(stripWs(o.pdfText)).toContain(stripWs(label));
      // Every line of the label ends before the first figure column of its page begins (its header 自然⏎人).
      const items = await pdfTextItems(o.pdf);
      const labelItems = items.filter((i) => i.str.includes('注：'));
      expect(labelItems.length).toBeGreaterThan(4);
      for (const i of labelItems) expect(i.right).toBeLessThan(items.find((h) => h.page === i.page && h.str === '自然')!.x);
    }
  });

  it('a corrupt font file and a file that is not a font are named, and the next face is used, in every format', async () => {
    const noto = join(import.meta.dirname, '..', 'node_modules', '@expo-google-fonts', 'noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf');
    const { dir, out, inputs } = caseDir('fonts', { 'r.yaml': reportYaml('2021'), 'not-a-font.ttf': 'not a font at all' });
    // A real font whose tables after the header are garbage: it opens, then fails when read.
    const corrupt = join(dir, 'corrupt.ttf');
    copyFileSync(noto, corrupt);
    const bytes = readFileSync(corrupt);
    for (let i = 2000, x = 1; i < bytes.length; i++) bytes[i] = x = (x * 1103515245 + 12345) & 0xff;
    writeFileSync(corrupt, bytes);
    const fontFile = join(dir, 'not-a-font.ttf');
    const r = await cli(['render', inputs[0]!, '-o', out, ...ALL_FORMATS, '--font', `body=${corrupt},heading1=${fontFile}`]);
    expectClean(r);
    expect(r.code).toBe(0);
    const unreadable = r.stderr.split('\n').filter((l) => l.endsWith('[font/unreadable]'));
    expect(unreadable).toHaveLength(2);
    expect(unreadable.some((l) => l.includes(corrupt))).toBe(true);
    expect(unreadable.some((l) => l.includes(fontFile))).toBe(true);
    expectContained(dir, [...inputs, corrupt], [`${STEM}.docx`, `${STEM}.html`, `${STEM}.pdf`]);
    const o = await outputsOf(out, STEM);
    expect(count(o.pdfText, '已完成')).toBeGreaterThan(0);
  });
});

function yaml(problems: string): string {
  return reportYaml('2021', [[['problems'], problems]]);
}

describe('faults through the real CLI (issue 7)', { timeout: 60_000 }, () => {
  // The seams in test/batch.test.ts cover ENOSPC, EROFS and EACCES in process, and a real
  // read-only folder for ordinary users; this one fails a real write whoever runs it, even root:
  // the output's name is taken by a folder.
  it('an output that cannot be written is named with its reason, the earlier output of every other file is replaced whole, the rest finish, exit 1', async () => {
    const { dir, out, inputs } = caseDir('fault', { 'a.yaml': reportFor('甲局'), 'b.yaml': reportFor('乙局'), 'c.yaml': reportFor('丙局') });
    const first = await cli(['render', ...inputs, '-o', out, '--html', '--jobs', '2']);
    expect(first.code).toBe(0);
    const before = readFileSync(join(out, '丙局-2021.html'), 'utf8');
    rmSync(join(out, '乙局-2021.html'));
    mkdirSync(join(out, '乙局-2021.html'));
    writeFileSync(join(out, '乙局-2021.html', 'keep.txt'), 'not ours');
    writeFileSync(inputs[2]!, reportFor('丙局').replace('已完成', '改过了'));
    const r = await cli(['render', ...inputs, '-o', out, '--html', '--jobs', '2']);
    expectClean(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${inputs[1]}：无法写入 ${join(out, '乙局-2021.html')}：`);
    expect(r.stderr).toMatch(/（(EISDIR|ENOTEMPTY)）/);
    expect(r.stderr).not.toContain('.tmp');
    const after = readFileSync(join(out, '丙局-2021.html'), 'utf8');
    expect(after).not.toEqual(before);
    expect(after).toContain('改过了');
    expect(readFileSync(join(out, '乙局-2021.html', 'keep.txt'), 'utf8')).toBe('not ours');
    expectContained(dir, inputs, ['甲局-2021.html', '乙局-2021.html/keep.txt', '丙局-2021.html']);
  });
});

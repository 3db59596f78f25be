import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFs, type AtomicFs } from '../src/cli/batch/atomic.js';
import { runRender } from '../src/cli/render.js';
import { BUILT_WORKER, captureIo, FAKE_RENDERERS, listing, reportFor, tempDir, writeInputs } from './support/batch.js';

const seams = { renderersModule: FAKE_RENDERERS, workerUrl: BUILT_WORKER };
const render = (args: string[], io = captureIo(), extra: { fs?: AtomicFs; jobTimeoutMs?: number } = {}) => runRender(args, io, { ...seams, ...extra }).then((code) => ({ code, io }));

describe('render: a batch of good and bad files', () => {
  const dir = tempDir('batch');
  const inputs = writeInputs(dir, {
    'a.yaml': reportFor('甲县科学技术局'),
    'b.yaml': 'agency: [\n',
    'c.yaml': reportFor('乙县教育局', '2019'),
    'd.yaml': reportFor('丙县WARN局'),
    'e.yaml': reportFor('丁县THROW局'),
  });
  const missing = join(dir, 'missing.yaml');

  for (const jobs of ['1', '2']) {
    it(`--jobs ${jobs}: good files rendered in every format, bad ones reported, exit 1`, async () => {
      const out = join(dir, `out-${jobs}`, 'nested'); // -o creates the folder
      const { code, io } = await render([...inputs, missing, '-o', out, '--jobs', jobs]);
      expect(code).toBe(1);
      const names = Object.keys(listing(out));
      for (const stem of ['甲县科学技术局-2021', '乙县教育局-2020', '丙县WARN局-2021']) {
        for (const ext of ['docx', 'pdf', 'html']) expect(names).toContain(`${stem}.${ext}`);
      }
      // THROW fails only its PDF: its other outputs are written, the file still counts as failed.
      expect(names).toContain('丁县THROW局-2021.docx');
      expect(names).not.toContain('丁县THROW局-2021.pdf');
      expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
      const text = io.lines.join('\n');
      expect(text).toMatch(/b\.yaml:2:1 错误 .*\[yaml\/syntax\]/);
      expect(text).toContain('[input/unreadable]');
      expect(text).toContain('生成 PDF 失败：假渲染器故意失败');
      expect(text).toMatch(/d\.yaml:\d+:\d+ 警告 假警告 \[fake\/warning\]/);
      // A warning without a position (a font fallback) is shown once per batch, counted every time; one
      // at a position that several formats give (PDF and OFD share a layout) once per file, counted every time.
      expect(io.lines.filter((l) => l.includes('假字体替代'))).toEqual([`${inputs[3]} 警告 假字体替代 [fake/fallback]`]);
      expect(io.lines.filter((l) => l.includes('[fake/warning]'))).toHaveLength(1);
      expect(io.lines.at(-2)).toMatch(/^完成：3 份报告已生成（11 个文件），3 份失败，6 条警告（其中 4 条与前面相同，未重复显示），用时 \d+\.\d 秒$/);
      expect(io.lines.at(-1)).toMatch(/^失败的文件：.*b\.yaml.*e\.yaml.*missing\.yaml$/);
    });
  }

  it('non-TTY output is one line per file (✓/✗), in any finishing order, then the summary', async () => {
    const { io } = await render([inputs[0]!, inputs[1]!, inputs[2]!, '-o', join(dir, 'plain'), '--docx']);
    const fileLines = io.lines.filter((l) => /^[✓✗] /.test(l));
    expect(fileLines).toHaveLength(3);
    expect(fileLines.find((l) => l.includes('a.yaml'))).toMatch(/^✓ .*a\.yaml → .*甲县科学技术局-2021\.docx$/);
    expect(fileLines.find((l) => l.includes('b.yaml'))).toMatch(/^✗ .*b\.yaml：未完成$/);
    expect(io.raw).toEqual([]); // no cursor tricks when not a terminal
  });

  it('on a terminal a progress bar is redrawn in place on stderr', async () => {
    const io = captureIo(true);
    await render([inputs[0]!, inputs[2]!, '-o', join(dir, 'tty'), '--html'], io);
    expect(io.raw.some((r) => /^\r\x1b\[2K\[█+░*\] 2\/2 /.test(r))).toBe(true);
    expect(io.lines.at(-1)).toMatch(/^完成：2 份报告已生成（2 个文件）/);
  });

  it('--json prints the summary for programs', async () => {
    const { io } = await render([inputs[0]!, '-o', join(dir, 'json'), '--pdf', '--json']);
    const json = JSON.parse(io.stdout.join('')) as { errors: number; files: { ok: boolean; outputs: string[] }[] };
    expect(json).toMatchObject({ errors: 0, files: [{ ok: true }] });
    expect(json.files[0]!.outputs[0]).toMatch(/甲县科学技术局-2021\.pdf$/);
  });
});

describe('render: names', () => {
  it('two inputs for one agency and year get -2 in input order, the same with and without the pool', async () => {
    const dir = tempDir('collide');
    const inputs = writeInputs(dir, { 'x1.yaml': reportFor('某某局'), 'x2.yaml': reportFor('某某局'), 'x3.yaml': reportFor('某某局', '2019') });
    const outs: Record<string, string>[] = [];
    for (const jobs of ['1', '2']) {
      const out = join(dir, `out-${jobs}`);
      expect((await render([...inputs, '-o', out, '--jobs', jobs])).code).toBe(0);
      outs.push(listing(out));
    }
    expect(Object.keys(outs[0]!)).toEqual(['某某局-2020.docx', '某某局-2020.html', '某某局-2020.pdf', '某某局-2021-2.docx', '某某局-2021-2.html', '某某局-2021-2.pdf', '某某局-2021.docx', '某某局-2021.html', '某某局-2021.pdf']);
    expect(outs[1]).toEqual(outs[0]); // byte-identical
    expect(outs[0]!['某某局-2021.pdf']).toContain('x1.yaml');
    expect(outs[0]!['某某局-2021-2.pdf']).toContain('x2.yaml');
  });

  it('hostile agency names land inside the output folder under safe names', async () => {
    const dir = tempDir('hostile');
    // Control characters never get this far: check refuses them (test/hostile.test.ts); a zero-width
    // space does, and is dropped from the name.
    const agencies = ['../../逃逸局', '某局/科室', '..', '\u202e局某\u202c', '某\u200b局', '某'.repeat(300)];
    const inputs = writeInputs(dir, Object.fromEntries(agencies.map((a, i) => [`h${i}.yaml`, reportFor(a)])));
    const out = join(dir, 'out');
    const { code, io } = await render([...inputs, '-o', out, '--html', '--jobs', '2']);
    expect(io.lines.filter((l) => l.includes('错误'))).toEqual([]);
    expect(code).toBe(0);
    const names = readdirSync(out);
    expect(names).toHaveLength(agencies.length);
    for (const n of names) {
      expect(n).not.toMatch(/[/\\\u0000-\u001f\u200b\u202a-\u202e]|\.\./);
      expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
    }
    expect(readdirSync(dir).sort()).toEqual([...inputs.map((p) => p.split('/').pop()!), 'out'].sort()); // nothing escaped
  });

  it('--fragment writes .fragment.html and leaves the full page alone', async () => {
    const dir = tempDir('fragment');
    const [a] = writeInputs(dir, { 'a.yaml': reportFor('某某局') });
    await render([a!, '-o', dir, '--html']);
    await render([a!, '-o', dir, '--html', '--fragment']);
    expect(readFileSync(join(dir, '某某局-2021.html'), 'utf8')).toMatch(/^FAKE html\n/);
    expect(readFileSync(join(dir, '某某局-2021.fragment.html'), 'utf8')).toMatch(/^FAKE html fragment\n/);
  });
});

describe('render: faults (issue 7)', () => {
  it('a crashed worker is reported for its file; a new worker finishes the rest', async () => {
    const dir = tempDir('crash');
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`ok${i}.yaml`] = reportFor(`好${i}局`);
    files['crash.yaml'] = reportFor('CRASH局');
    files['exit.yaml'] = reportFor('EXIT局');
    const out = join(dir, 'out');
    const { code, io } = await render([...writeInputs(dir, files), '-o', out, '--jobs', '2', '--docx']);
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `好${i}局-2021.docx`));
    const text = io.lines.join('\n');
    expect(text).toMatch(/crash\.yaml：渲染进程崩溃（假渲染器让工作线程崩溃）/);
    expect(text).toMatch(/exit\.yaml：渲染进程崩溃（退出码 7）/);
    expect(io.lines.at(-2)).toMatch(/^完成：6 份报告已生成（6 个文件），2 份失败/);
  });

  it('a render stuck in an endless loop is ended after the job time-out and reported; the rest finish', async () => {
    const dir = tempDir('hang');
    const files: Record<string, string> = { 'hang.yaml': reportFor('HANG局') };
    for (let i = 0; i < 3; i++) files[`ok${i}.yaml`] = reportFor(`好${i}局`);
    const out = join(dir, 'out');
    const { code, io } = await render([...writeInputs(dir, files), '-o', out, '--jobs', '2', '--docx'], captureIo(), { jobTimeoutMs: 4000 });
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual([0, 1, 2].map((i) => `好${i}局-2021.docx`));
    expect(io.lines.join('\n')).toMatch(/hang\.yaml：渲染超时（4 秒仍未完成），已中止/);
    expect(io.lines.at(-2)).toMatch(/^完成：3 份报告已生成（3 个文件），1 份失败/);
  });

  it('an output folder that cannot be created fails at once, naming it, exit 1', async () => {
    const dir = tempDir('notdir');
    const [a] = writeInputs(dir, { 'a.yaml': reportFor('某某局') });
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const { code, io } = await render([a!, '-o', join(dir, 'blocker', 'out')]);
    expect(code).toBe(1);
    expect(io.lines.join('\n')).toMatch(/无法创建输出文件夹 .*blocker\/out：路径中有一段不是文件夹（ENOTDIR）/);
  });

  // Root writes through chmod, so this real read-only folder runs for ordinary users only; the
  // seam below covers the same path everywhere.
  it.skipIf(process.getuid?.() === 0)('a read-only output folder: the error names the file, the old output stays, exit 1', async () => {
    const dir = tempDir('readonly');
    const [a] = writeInputs(dir, { 'a.yaml': reportFor('甲局') });
    const out = join(dir, 'out');
    await render([a!, '-o', out, '--pdf']);
    const before = listing(out);
    chmodSync(out, 0o555);
    try {
      writeFileSync(a!, reportFor('甲局').replace('已完成', '改过了'));
      const { code, io } = await render([a!, '-o', out, '--pdf']);
      expect(code).toBe(1);
      expect(io.lines.join('\n')).toContain(`无法写入 ${join(out, '甲局-2021.pdf')}：没有写入权限（EACCES）`);
      expect(listing(out)).toEqual(before);
    } finally {
      chmodSync(out, 0o755);
    }
  });

  for (const [code, words] of [['ENOSPC', '磁盘空间不足'], ['EROFS', '文件系统是只读的']] as const) {
    it(`${code} during a batch: the error names the file, earlier outputs stay intact, exit 1`, async () => {
      const dir = tempDir(code);
      const inputs = writeInputs(dir, { 'a.yaml': reportFor('甲局'), 'b.yaml': reportFor('乙局'), 'c.yaml': reportFor('丙局') });
      const out = join(dir, 'out');
      await render([...inputs, '-o', out, '--pdf', '--jobs', '1']);
      const before = listing(out);
      writeFileSync(inputs[0]!, reportFor('甲局').replace('已完成', '改过了'));
      writeFileSync(inputs[1]!, reportFor('乙局').replace('已完成', '改过了'));
      let writes = 0;
      const failing: AtomicFs = {
        ...realFs,
        open: ((path: string, flags: string) => {
          if (++writes >= 2) return Promise.reject(Object.assign(new Error(code), { code }));
          return fsp.open(path, flags);
        }) as AtomicFs['open'],
      };
      const { code: exit, io } = await render([...inputs, '-o', out, '--pdf', '--jobs', '1'], captureIo(), { fs: failing });
      expect(exit).toBe(1);
      const after = listing(out);
      expect(after['甲局-2021.pdf']).not.toEqual(before['甲局-2021.pdf']); // the first write went through
      expect(after['乙局-2021.pdf']).toEqual(before['乙局-2021.pdf']); // the failed one kept its old output
      expect(after['丙局-2021.pdf']).toEqual(before['丙局-2021.pdf']);
      expect(io.lines.join('\n')).toContain(`b.yaml：无法写入 ${join(out, '乙局-2021.pdf')}：${words}（${code}）`);
      expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    });
  }
});

describe('render: the examples in data/', () => {
  const data = join(import.meta.dirname, '..', 'data');
  it.runIf(existsSync(data))('every example renders through the batch, the same with --jobs 1 and the pool', async () => {
    const outs: Record<string, string>[] = [];
    for (const jobs of ['1', '2']) {
      const out = tempDir('data');
      const { code, io } = await render([`${data}/*.yaml`, '-o', out, '--jobs', jobs]);
      expect(io.lines.filter((l) => l.startsWith('✗'))).toEqual([]);
      expect(code).toBe(0);
      outs.push(listing(out));
    }
    expect(Object.keys(outs[0]!)).toHaveLength(3 * readdirSync(data).filter((n) => n.endsWith('.yaml')).length);
    expect(outs[1]).toEqual(outs[0]);
  });
});

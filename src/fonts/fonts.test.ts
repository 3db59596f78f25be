import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STYLE } from '../model/style.js';
import { missingChars } from './coverage.js';
import { readFaceNames } from './names.js';
import { resolveFonts, type FontSettings } from './resolve.js';
import { sharedFaceMessages, sharedFaces } from './sharing.js';
import { renameFace, windowsRecords } from './rename.js';
import { readSfnt, writeSfnt } from './sfnt.js';
import { subsetFace, wholeFontFile } from './subset.js';

const none: FontSettings = { explicit: {}, systemDirs: [] };
const TEXT = '政府信息公开工作年度报告一二三四五六';

/** A .ttc collection of two TrueType fonts: a ttcf header, then each font with its table offsets moved. */
function makeTtc(fonts: Uint8Array[]): Buffer {
  const header = 12 + 4 * fonts.length;
  const parts: Buffer[] = [];
  let at = header;
  const offsets: number[] = [];
  for (const f of fonts) {
    const b = Buffer.from(f);
    const n = b.readUInt16BE(4);
    for (let i = 0; i < n; i++) b.writeUInt32BE(b.readUInt32BE(12 + i * 16 + 8) + at, 12 + i * 16 + 8);
    offsets.push(at);
    parts.push(b);
    at += b.length + ((4 - (b.length % 4)) % 4);
    parts.push(Buffer.alloc((4 - (b.length % 4)) % 4));
  }
  const head = Buffer.alloc(header);
  head.write('ttcf', 0, 'latin1');
  head.writeUInt32BE(0x00010000, 4);
  head.writeUInt32BE(fonts.length, 8);
  offsets.forEach((o, i) => head.writeUInt32BE(o, 12 + i * 4));
  return Buffer.concat([head, ...parts]);
}

describe('font resolution', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fonts-'));
  let serif: Uint8Array;
  let sans: Uint8Array;
  beforeAll(async () => {
    const base = resolveFonts(DEFAULT_STYLE.fonts, none);
    serif = await subsetFace(wholeFontFile(base.faces.body!), TEXT);
    sans = await subsetFace(wholeFontFile(base.faces.heading1!), TEXT);
    writeFileSync(join(dir, 'serif.ttf'), serif);
    writeFileSync(join(dir, 'pair.ttc'), makeTtc([serif, sans]));
    writeFileSync(join(dir, 'broken.ttf'), '这不是字体文件');
  });

  it('falls back to the open Noto faces with no licensed fonts anywhere', () => {
    const set = resolveFonts(DEFAULT_STYLE.fonts, none);
    expect(set.faces.body!.source).toBe('fallback');
    expect(set.faces.body!.postscriptName).toBe('NotoSerifSC-Regular');
    expect(set.faces.heading1!.postscriptName).toBe('NotoSansSC-Regular');
    expect(set.faces.heading3!.bold).toBe(true);
    expect(set.faces.latin).toBeUndefined();
  });

  it('parses each font file once per process', () => {
    const a = resolveFonts(DEFAULT_STYLE.fonts, none);
    const b = resolveFonts({ ...DEFAULT_STYLE.fonts, title: 'x' }, none);
    expect(b.faces.body!.font).toBe(a.faces.body!.font);
  });

  it('finds a face in the project folder by name, and inside a .ttc by PostScript name', () => {
    const set = resolveFonts({ ...DEFAULT_STYLE.fonts, body: 'NotoSansSC-Regular', table: 'Noto Serif SC' }, { ...none, projectDir: dir });
    expect(set.faces.body!.source).toBe('project');
    expect(set.faces.body!.file).toBe(join(dir, 'pair.ttc'));
    expect(set.faces.body!.postscriptName).toBe('NotoSansSC-Regular');
    expect(set.faces.table!.source).toBe('project');
  });

  it('reads the names of every face of a collection without parsing outlines', () => {
    expect(readFaceNames(join(dir, 'pair.ttc')).map((f) => f.postscriptName)).toEqual(['NotoSerifSC-Regular', 'NotoSansSC-Regular']);
    expect(readFaceNames(join(dir, 'broken.ttf'))).toEqual([]);
  });

  it('reports a file that is not a font, naming it in Chinese, and uses the next candidate', () => {
    const set = resolveFonts(DEFAULT_STYLE.fonts, { ...none, projectDir: dir, explicit: { title: join(dir, 'broken.ttf') } });
    expect(set.faces.title!.source).toBe('fallback');
    expect(set.problems.some((p) => p.includes('broken.ttf') && p.includes('不是有效的字体文件'))).toBe(true);
  });

  it('refuses a WOFF2 web font with its own message (the CLI is built without the Brotli decoder)', () => {
    writeFileSync(join(dir, 'web.woff2'), Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(60)]));
    const set = resolveFonts(DEFAULT_STYLE.fonts, { ...none, projectDir: dir, explicit: { body: join(dir, 'web.woff2') } });
    expect(set.faces.body!.source).toBe('fallback');
    expect(set.problems.some((p) => p.includes('web.woff2') && p.includes('WOFF2'))).toBe(true);
  });

  it('an explicit setting wins, a .ttc face chosen as path#PostScriptName', () => {
    const set = resolveFonts(DEFAULT_STYLE.fonts, { ...none, explicit: { body: `${join(dir, 'pair.ttc')}#NotoSansSC-Regular` } });
    expect(set.faces.body!.source).toBe('explicit');
    expect(set.faces.body!.postscriptName).toBe('NotoSansSC-Regular');
  });

  it('subsets a face to the glyphs of a text (for DOCX --embed-fonts)', async () => {
    const font = fontkit.create(serif);
    expect('fonts' in font).toBe(false);
    const f = font as fontkit.Font;
    expect(missingChars(f, TEXT)).toEqual([]);
    expect(missingChars(f, '龘')).toEqual(['龘']);
    expect(f.numGlyphs).toBeLessThan(100); // the text, digits, space and layout variants — not 30,000
    expect(serif.length).toBeLessThan(20_000);
  });

  it('subsets the wanted face of a .ttc, not the first one', async () => {
    const ttc = new Uint8Array(makeTtc([serif, sans]));
    const out = fontkit.create(await subsetFace({ bytes: ttc, postscriptName: 'NotoSansSC-Regular' }, TEXT)) as fontkit.Font;
    expect(out.postscriptName).toBe('NotoSansSC-Regular');
  });

  it('after the official names, serves 楷体 and 仿宋 by installed open faces of their style, by PostScript name', () => {
    const open = mkdtempSync(join(tmpdir(), 'nianbao-open-'));
    const named = (ps: string, family: string) => renameFace(serif, { family, bold: false, postscriptName: ps, description: 'test' });
    writeFileSync(join(open, 'a-bold.ttf'), named('LXGWWenKai-Bold', 'LXGW WenKai'));
    writeFileSync(join(open, 'b-regular.ttf'), named('LXGWWenKai-Regular', 'LXGW WenKai'));
    writeFileSync(join(open, 'fang.otf'), named('FandolFang-Regular', 'FandolFang'));
    const set = resolveFonts(DEFAULT_STYLE.fonts, { ...none, systemDirs: [open] });
    // Its family name also answers for the Bold file, which sorts first: the PostScript name decides.
    expect([set.faces.heading2!.postscriptName, set.faces.heading2!.source]).toEqual(['LXGWWenKai-Regular', 'open']);
    expect([set.faces.body!.postscriptName, set.faces.heading3!.postscriptName, set.faces.body!.source]).toEqual(['FandolFang-Regular', 'FandolFang-Regular', 'open']);
    expect(set.faces.heading3!.bold).toBe(false); // 1. headings get synthesised bold
    expect(set.faces.table!.source).toBe('fallback');
    // The official face still wins over the open one.
    const project = mkdtempSync(join(tmpdir(), 'nianbao-project-'));
    writeFileSync(join(project, 'kai.ttf'), named('KaiTi_GB2312', '楷体_GB2312'));
    const official = resolveFonts(DEFAULT_STYLE.fonts, { ...none, systemDirs: [open], projectDir: project });
    expect([official.faces.heading2!.postscriptName, official.faces.heading2!.source]).toEqual(['KaiTi_GB2312', 'project']);
  });

  it('names the roles whose different official faces collapsed into one face, and the package that separates them', () => {
    const set = resolveFonts(DEFAULT_STYLE.fonts, none);
    const groups = sharedFaces(set);
    const regular = groups.find((g) => g.face === 'NotoSerifSC-Regular')!;
    expect(Object.fromEntries(regular.wanted)).toEqual({ 楷体_GB2312: ['heading2'], 仿宋_GB2312: ['body'], 宋体: ['table', 'pageNumber'] });
    expect(regular.remedies).toEqual([
      { wanted: '楷体_GB2312', debian: 'fonts-lxgw-wenkai', face: '霞鹜文楷（LXGW WenKai）' },
      { wanted: '仿宋_GB2312', debian: 'texlive-lang-chinese', face: 'FandolFang' },
    ]);
    expect(groups.find((g) => g.face === 'NotoSerifSC-Bold')!.wanted.has('方正小标宋简体')).toBe(true);
    expect(sharedFaceMessages(set).join('\n')).toContain('fonts-lxgw-wenkai');
    // 表格 and 页码 both ask for 宋体: one face for both is no collapse.
    const same = resolveFonts({ ...DEFAULT_STYLE.fonts, body: '宋体', heading2: '宋体', heading3: '宋体', title: '宋体' }, none);
    expect(sharedFaces(same).filter((g) => g.face === 'NotoSerifSC-Regular')).toEqual([]);
  });

  it('renames a face: new family in English and Chinese records, licence kept, checksums valid', () => {
    const renamed = renameFace(serif, { family: '仿宋_GB2312', bold: false, postscriptName: 'NotoSerifSC-Regular-FangSong_GB2312', description: 'test' });
    const f = fontkit.create(renamed) as fontkit.Font;
    expect(f.familyName).toBe('仿宋_GB2312');
    expect(f.postscriptName).toBe('NotoSerifSC-Regular-FangSong_GB2312');
    expect(missingChars(f, TEXT)).toEqual([]);
    const records = windowsRecords(readSfnt(renamed).tables.get('name')!);
    expect(records.filter((r) => r.id === 1).map((r) => [r.lang, r.text])).toEqual([[0x0409, '仿宋_GB2312'], [0x0804, '仿宋_GB2312']]);
    expect(records.some((r) => r.id === 0 && r.text.length > 0)).toBe(true);
    expect(records.some((r) => r.text.includes('Noto Serif SC') && r.id !== 0 && r.id !== 10)).toBe(false);
    // OpenType "head": the whole font sums to 0xB1B0AFBA; every table to its directory checksum.
    const sum = (b: Uint8Array) => {
      let s = 0;
      for (let i = 0; i < b.length; i += 4) s = (s + (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))) >>> 0;
      return s;
    };
    expect(sum(renamed)).toBe(0xb1b0afba);
    expect(writeSfnt(readSfnt(renamed))).toEqual(renamed);
  });
});

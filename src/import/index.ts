import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkText } from '../pipeline.js';
import type { Draft } from './draft.js';
import { emitYaml } from './emit.js';
import { interpret } from './interpret.js';
import { readDocx } from './readDocx.js';
import { readHtml } from './readHtml.js';
import { readLines } from './readLines.js';
import { readText } from './readText.js';
import { ImportError, type SourceDocument } from './source.js';

export { ImportError } from './source.js';
export type { Draft } from './draft.js';
export { emitYaml } from './emit.js';

/** Inputs larger than this are refused before reading (a real report is well under 5 MB). */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export interface ImportResult {
  draft: Draft;
  /** The report file: YAML, then the `check` diagnostics as trailing comments. */
  yaml: string;
  diagnostics: Diagnostic[];
  format: SourceDocument['format'];
}

/**
 * Any input the importer reads → report YAML. A PDF is read by the PDF reader, loaded only
 * here and only for a PDF (pdf.js is large; `render` and the other readers never load it).
 */
export async function importFile(bytes: Uint8Array, name: string): Promise<ImportResult> {
  if (isPdf(bytes)) {
    const { readPdf } = await import('./pdf/readPdf.js');
    return importSource(await readPdf(bytes), name);
  }
  return importReport(bytes, name);
}

/** Source bytes of a .docx, .html or text file → report YAML (pure). `name` is the file name, used for the format and messages. */
export function importReport(bytes: Uint8Array, name: string): ImportResult {
  return importSource(read(bytes, name), name);
}

/** A read document → report YAML with the check results as trailing comments. */
export function importSource(doc: SourceDocument, name: string): ImportResult {
  const draft = interpret(doc);
  draft.published = { source: baseName(name), date: draft.published?.date ?? null };
  const header = [`${draft.title.join('')} — 由 nianbao import 从 ${baseName(name)} 导入（${FORMAT_NAMES[doc.format]}），请核对后使用`];
  const body = emitYaml(draft, header);
  const checked = checkText(body, '导入结果');
  const trailer = checked.diagnostics.map((d) => `#   ${d.line}:${d.column} ${d.severity === 'error' ? '错误' : '警告'} ${d.message} [${d.code}]`);
  const yaml = trailer.length > 0 ? `${body}# 检查结果（nianbao check）：\n${trailer.join('\n')}\n` : `${body}# 检查结果（nianbao check）：没有发现问题\n`;
  return { draft, yaml, diagnostics: checked.diagnostics, format: doc.format };
}

const FORMAT_NAMES: Record<SourceDocument['format'], string> = { text: '文本', docx: 'Word 文档', html: '网页', pdf: 'PDF 文件' };

/** `%PDF-` within the first 1024 bytes (ISO 32000-1 §7.5.2 lets junk precede the header). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** Picks the reader by content first (a renamed file still imports), then by extension. */
export function read(bytes: Uint8Array, name: string): SourceDocument {
  if (bytes.length === 0) throw new ImportError('文件是空的，没有可导入的内容');
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError(`文件太大（超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），不像是一份年报`);
  const magic = (s: number[]) => s.every((b, i) => bytes[i] === b);
  if (magic([0x50, 0x4b, 0x03, 0x04])) return readDocx(bytes);
  if (magic([0xd0, 0xcf, 0x11, 0xe0])) throw new ImportError('这是旧版 Word（.doc）或 WPS 文件，无法直接导入。请用 Word 或 WPS 打开后“另存为”.docx 文件再导入');
  if (isPdf(bytes)) throw new ImportError('PDF 文件需要用异步的 importFile 读取');
  if (/\.docx$/i.test(name)) throw new ImportError('这个 .docx 文件不是有效的 Word 文档（不是 ZIP 格式），可能已损坏');
  const text = decode(bytes);
  const control = (text.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  if (control > text.length / 100) throw new ImportError('无法读取这个文件：它不是文本、Word 文档（.docx）或网页（.html）');
  if (/\.html?$/i.test(name) || /^\s*(<!doctype html|<html|<head|<body|<meta|<div|<table|<p[\s>])/i.test(text)) return readHtml(text);
  return isTikaText(text) ? readText(text) : readLines(text);
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (older portal pages and exports). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ImportError('无法识别文件的文字编码（不是 UTF-8 或 GBK），也不是 Word 文档或网页，无法导入');
    }
  }
}

/** Tika's text of a Word file (spec §5.1): one cell per line, each starting with a TAB; other shapes put several cells on a line. */
function isTikaText(text: string): boolean {
  const lines = text.split(/\r\n?|\n/);
  const cellLines = lines.filter((l) => l.startsWith('\t')).length;
  const rowLines = lines.filter((l) => /[^\t\s]\t|\t.*\t/.test(l)).length;
  return cellLines >= 10 && cellLines > 2 * rowLines;
}

/** Files larger than this are refused before parsing (README: input limits). */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** The refusal for a file of `size` bytes; the CLI says it from the file's size without reading it. */
export function tooLargeMessage(size: number): string {
  return `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），超过上限 ${MAX_INPUT_BYTES / 1024 / 1024} MB；一份年报的 YAML 文件通常不到 100 KB`;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; code: string; message: string };

/**
 * Bytes → text. Only UTF-8 is accepted (with or without BOM); UTF-16 and GBK files, which Windows
 * editors still produce, get a message telling the clerk how to re-save the file.
 */
export function decodeYamlBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_INPUT_BYTES) return { ok: false, code: 'input/too-large', message: tooLargeMessage(bytes.length) };
  if (bytes.length === 0) return { ok: false, code: 'input/empty', message: '文件为空' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, code: 'input/not-utf8', message: '文件是 UTF-16 编码，请另存为 UTF-8 编码后重试' };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\u0000')) {
      return { ok: false, code: 'input/not-utf8', message: '文件含有 NUL 字符，不是文本文件' };
    }
    if (text.trim() === '') return { ok: false, code: 'input/empty', message: '文件为空' };
    return { ok: true, text };
  } catch {
    return { ok: false, code: 'input/not-utf8', message: '文件不是 UTF-8 编码（可能是 GBK），请用编辑器另存为 UTF-8 编码后重试' };
  }
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { faceOffsets, tableRecords, type TableRecord } from './sfnt.js';

/**
 * A font file's bytes as fontkit reads them. The outlines (`glyf`, 97% of a Noto or LXGW file)
 * may be read only as glyphs are embedded: a one-report process then reads ≈ 2 MB of its four
 * faces instead of 56 MB (issue 18). Everything else — the directory, cmap, metrics, layout
 * tables, loca — is read when the file is opened, so fontkit's parsing sees the real bytes.
 */
export interface FontData {
  /** As long as the file. Every table but `glyf` is read; a glyph's bytes after `ensure`. */
  readonly view: Uint8Array;
  /** Makes bytes [start, end) of the file real in `view` (reads them if not read yet). */
  ensure(start: number, end: number): void;
  /** `view` with every byte read: for readers that take the whole file (HarfBuzz). */
  whole(): Uint8Array;
  /** How many bytes of the file have been read so far. */
  readonly bytesRead: number;
}

/** A file read in full already (a batch worker's shared copy, a small file). */
export function wholeFontData(bytes: Uint8Array): FontData {
  return { view: bytes, ensure() {}, whole: () => bytes, bytesRead: bytes.length };
}

/** Reads in this size, so that neighbouring glyphs (often used together) come in one read. */
const PAGE = 4096;
/** Enough for the directory of every face of a font collection met so far (a Noto CJK .ttc: 10 faces, < 8 KB). */
const HEAD_BYTES = 64 * 1024;
/** Below this a file is read whole: reading a part would save nothing worth a kept file handle. */
const LAZY_MIN_BYTES = 1024 * 1024;

/**
 * Opens `file` for fontkit, leaving its outlines unread when that is safe: a TrueType-outline
 * face (or collection) whose `glyf` tables form one span no other table lies in, with `vmtx`
 * (fontkit's glyph metrics fall back to decoding the outline without it) and without variations
 * (their glyphs go through fontkit's own decoder). Any other large file is read whole, by
 * `readWhole` when given (a batch worker: its pool's one shared copy, cli/batch/fontShare.ts).
 * Node errors (ENOENT …) propagate with their `code`.
 */
export function openFontData(file: string, readWhole?: (file: string) => Uint8Array): FontData {
  const fd = openSync(file, 'r');
  let kept = false;
  try {
    const stat = fstatSync(fd);
    const size = stat.size;
    const view = Buffer.allocUnsafeSlow(size);
    if (size < LAZY_MIN_BYTES) return wholeFontData(readInto(fd, view, 0, size));
    const headLength = Math.min(size, HEAD_BYTES);
    readInto(fd, view, 0, headLength);
    const outlines = outlineSpan(view.subarray(0, headLength), size);
    if (!outlines) return wholeFontData(readWhole ? readWhole(file) : readInto(fd, view, headLength, size));
    readInto(fd, view, headLength, Math.max(headLength, outlines.start));
    readInto(fd, view, Math.max(headLength, outlines.end), size);
    kept = true;
    return new LazyOutlines(file, fd, stat.mtimeMs, view, Math.max(headLength, outlines.start), outlines.end);
  } finally {
    if (!kept) closeSync(fd);
  }
}

/** Closes a lazily read file's handle when its data is no longer referenced. */
const handles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

class LazyOutlines implements FontData {
  /** One flag per page of [start, end): 1 once read. */
  private readonly read: Uint8Array;

  constructor(
    private readonly file: string,
    private readonly fd: number,
    /** The file as opened: outlines read later must come from the same bytes. */
    private readonly mtimeMs: number,
    readonly view: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.read = new Uint8Array(Math.ceil((end - start) / PAGE));
    this.bytesRead = view.length - (end - start);
    handles.register(this, fd);
  }

  bytesRead: number;

  ensure(from: number, to: number): void {
    const a = Math.max(from, this.start) - this.start;
    const b = Math.min(to, this.end) - this.start;
    if (a >= b) return;
    const last = Math.floor((b - 1) / PAGE);
    for (let p = Math.floor(a / PAGE); p <= last; ) {
      if (this.read[p]) {
        p++;
        continue;
      }
      this.checkUnchanged();
      let q = p;
      while (q <= last && !this.read[q]) q++;
      const [from, to] = [this.start + p * PAGE, Math.min(this.end, this.start + q * PAGE)];
      try {
        readInto(this.fd, this.view, from, to);
      } catch (e) {
        throw new Error(unreadableFontFile(this.file, e));
      }
      this.read.fill(1, p, q);
      this.bytesRead += to - from;
      p = q;
    }
  }

  whole(): Uint8Array {
    this.ensure(this.start, this.end);
    return this.view;
  }

  /**
   * A file rewritten in place while it is open (a long batch, a font updated meanwhile) would
   * give outlines of the new file to the tables of the old one: that is refused, never mixed. A
   * file replaced by a rename keeps the opened one readable and is not a change here.
   */
  private checkUnchanged(): void {
    const now = fstatSync(this.fd);
    if (now.size !== this.view.length || now.mtimeMs !== this.mtimeMs) {
      throw new Error(`字体文件 ${this.file} 在排版过程中被改动；请在改动完成后重新运行`);
    }
  }
}

/** What a clerk is told when a font file cannot be read (its Node error code, never Node's English text). */
export function unreadableFontFile(file: string, e: unknown): string {
  return `无法读取字体文件 ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)}`;
}

/** Reads [from, to) of the file into the same range of `view`; a file that shrank meanwhile leaves zeros. */
function readInto(fd: number, view: Buffer, from: number, to: number): Buffer {
  for (let at = from; at < to; ) {
    const n = readSync(fd, view, at, to - at, at);
    if (n === 0) {
      view.fill(0, at, to);
      break;
    }
    at += n;
  }
  return view;
}

/** The span of the file holding the `glyf` tables, when reading them later is safe (see openFontData). */
export function outlineSpan(head: Uint8Array, size: number): { start: number; end: number } | undefined {
  if (head.length < 12) return undefined;
  const faces = faceOffsets(head);
  const records: TableRecord[] = [];
  for (const at of faces) {
    if (at + 12 > head.length) return undefined;
    const count = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint16(at + 4);
    if (at + 12 + 16 * count > head.length) return undefined;
    const own = tableRecords(head, at);
    const tags = new Set(own.map((r) => r.tag));
    if (!['glyf', 'loca', 'hmtx', 'vmtx'].every((t) => tags.has(t))) return undefined;
    if (['CFF ', 'CFF2', 'fvar', 'gvar'].some((t) => tags.has(t))) return undefined;
    records.push(...own);
  }
  if (records.some((r) => r.offset + r.length > size)) return undefined; // damaged: fontkit reports it as before
  const glyf = records.filter((r) => r.tag === 'glyf');
  const start = Math.min(...glyf.map((r) => r.offset));
  const end = Math.max(...glyf.map((r) => r.offset + r.length));
  if (records.some((r) => r.tag !== 'glyf' && r.offset < end && r.offset + r.length > start)) return undefined;
  return { start, end };
}

import type { GlyphPlacement } from './shaping.js';

/** What drawing text needs of pdfkit 0.20.2's document: its current font and page (private fields). */
export interface PdfkitText {
  _font: {
    id: string;
    ref(): unknown;
    encode(text: string, features?: unknown): [string[], GlyphPlacement[]];
  };
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  /** A string gets a newline and a char-by-char copy; bytes are taken as they are. */
  addContent(operators: string | Uint8Array): unknown;
}

/** pdfkit's number format in content streams (PDFObject.number): at most six decimals. */
const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/**
 * Draws `text` in the document's current font and size with its baseline at `y` (points from the
 * top of the page), as one content-stream write. It writes exactly the operators pdfkit's
 * `doc.fillColor('black').text(text, x, y, { lineBreak: false, baseline: 'alphabetic',
 * characterSpacing })` writes (fill colour, q, the flip to top-down, BT … TJ … ET, Q), so the PDF
 * is byte-identical; pdfkit's text path measured each string twice more and turned every operator
 * into its own buffer, a third of a PDF's render time. `stroke` adds the fill-and-stroke render
 * mode of synthesised bold (the caller sets line width and stroke colour through pdfkit).
 */
export function drawText(doc: PdfkitText, text: string, x: number, y: number, characterSpacing: number, stroke: boolean): void {
  const font = doc._font;
  const lines = ['/DeviceRGB cs', '0 0 0 scn'];
  if (text.length > 0) {
    const pageHeight = doc.page.height;
    const baseline = pageHeight - y;
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    lines.push('q', `1 0 0 -1 0 ${num(pageHeight)} cm`, 'BT', `1 0 0 1 ${num(x)} ${num(baseline)} Tm`, `/${font.id} ${num(doc._fontSize)} Tf`);
    if (stroke) lines.push('2 Tr');
    if (characterSpacing) lines.push(`${num(characterSpacing)} Tc`);
    const [encoded, positions] = font.encode(text);
    const scale = doc._fontSize / 1000;
    // As pdfkit's _fragment: glyphs in TJ arrays, a kerning adjustment where the advance differs
    // from the glyph's own, and a new text matrix around a glyph that has an offset.
    const commands: string[] = [];
    let last = 0;
    let hadOffset = false;
    let at = x;
    const addSegment = (cur: number) => {
      if (last < cur) {
        const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
        commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-advance)}`);
      }
      last = cur;
    };
    const flush = (i: number) => {
      addSegment(i);
      if (commands.length > 0) {
        lines.push(`[${commands.join(' ')}] TJ`);
        commands.length = 0;
      }
    };
    let i = 0;
    for (; i < positions.length; i++) {
      const pos = positions[i]!;
      if (pos.xOffset || pos.yOffset) {
        flush(i);
        lines.push(`1 0 0 1 ${num(at + pos.xOffset * scale)} ${num(baseline + pos.yOffset * scale)} Tm`);
        flush(i + 1);
        hadOffset = true;
      } else {
        if (hadOffset) {
          lines.push(`1 0 0 1 ${num(at)} ${num(baseline)} Tm`);
          hadOffset = false;
        }
        if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
      }
      at += pos.xAdvance * scale;
    }
    flush(i);
    lines.push('ET', 'Q');
  }
  // The bytes pdfkit would make of the string (it appends the newline), made natively.
  doc.addContent(Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
}

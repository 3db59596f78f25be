import { MM_TO_PT, type Style } from '../../model/style.js';
import { cssString } from './escape.js';
import { fontFaces, fontStack } from './fonts.js';

/** Every rule is scoped under this class, so a fragment pasted into a portal page styles only itself. */
export const SCOPE = 'nianbao-report';

/**
 * The stylesheet, from the one GB/T 9704 style object (spec §6). Screen first: a readable column
 * on any width, wide tables scrolling sideways at a legible size. Print: A4 with the 37/26/35/28 mm
 * margins, 三号 body on the 28.95 pt grid, 五号 tables with 0.5 pt rules and repeated header rows.
 * `page` adds the rules that belong to a whole page (@page, page numbers, <body>); a fragment
 * leaves them out, as they would restyle the portal around it.
 */
export function stylesheet(style: Style, opts: { page: boolean }): string {
  const s = `.${SCOPE}`;
  const f = (role: Parameters<typeof fontStack>[1]) => fontStack(style, role);
  const pt = (n: number) => `${n}pt`;
  // GB/T 9704 §5.2.1: 28 characters a line on the 156 mm 版心 — 三号 glyphs set about 0.2 pt tighter.
  const textWidthPt = ((style.page.widthTwips / 20) - (style.page.marginLeftMm + style.page.marginRightMm) * MM_TO_PT);
  const tracking = textWidthPt / style.grid.charsPerLine - style.sizes.body;
  const rules = [
    ...fontFaces(style),
    `${s} { font-family: ${f('body')}; font-size: 1.125rem; line-height: 1.8; color: #000; background: #fff; max-width: 42em; margin: 0 auto; padding: 1.5em 1em 3em; text-size-adjust: 100%; -webkit-text-size-adjust: 100%; }`,
    `${s} h1, ${s} h2, ${s} h3, ${s} h4, ${s} h5, ${s} h6, ${s} p { margin: 0; font-size: 1em; font-weight: normal; }`,
    `${s} p, ${s} .nb-l1, ${s} .nb-l2, ${s} .nb-l3 { text-indent: ${style.indentChars}em; text-align: justify; }`,
    `${s} .nb-title { font-family: ${f('title')}; font-size: ${(style.sizes.title / style.sizes.body).toFixed(4)}em; line-height: 1.6; text-align: center; text-wrap: balance; margin-bottom: 1em; }`,
    `${s} .nb-byline { text-indent: 0; text-align: center; }`,
    `${s} .nb-byline-date { font-family: ${f('heading2')}; }`,
    `${s} .nb-byline + :not(.nb-byline) { margin-top: 1.8em; }`,
    `${s} .nb-l1 { font-family: ${f('heading1')}; }`,
    `${s} .nb-l2, ${s} .nb-lead-2 { font-family: ${f('heading2')}; }`,
    `${s} .nb-l3, ${s} .nb-lead-3 { font-family: ${f('heading3')}; font-weight: ${style.heading3Bold ? 'bold' : 'normal'}; }`,
    // Scroll shadows: a soft shade at an edge where more of the table lies beyond it (the white
    // covers scroll with the content, the shades stay with the box), so a phone reader sees it scrolls.
    `${s} .nb-scroll { overflow-x: auto; margin: 0.5em 0 1em; background: linear-gradient(to right, #fff 30%, rgb(255 255 255 / 0)) left / 2em 100% no-repeat local, linear-gradient(to left, #fff 30%, rgb(255 255 255 / 0)) right / 2em 100% no-repeat local, radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.2), transparent) left / 0.8em 100% no-repeat scroll, radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.2), transparent) right / 0.8em 100% no-repeat scroll; }`,
    `${s} .nb-scroll:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 2px; }`,
    `${s} table { border-collapse: collapse; width: 100%; min-width: var(--nb-min-width, 0); font-family: ${f('table')}; font-size: 0.875rem; line-height: 1.4; text-indent: 0; }`,
    `${s} th, ${s} td { border: 1px solid #000; padding: 0.3em 0.25em; text-align: center; vertical-align: middle; font-weight: normal; }`,
    `${s} th { text-wrap: balance; }`, // `结果⏎维持`, not `结果维⏎持`, when a narrow header wraps (spec §2.3)
    `${s} .nb-left { text-align: left; }`,
    // Words of a title and a paragraph's last characters are never broken (model/title.ts, breaks.ts).
    `${s} .nb-w, ${s} .nb-tail { white-space: nowrap; }`,
    `${s} td { white-space: nowrap; }`, // a figure never breaks (issue 16 item 2): its column widens
    // The caption repeats the section heading just above it: kept for screen readers, not shown.
    `${s} caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`,
    `@media print {`,
    `  ${s} { font-size: ${pt(style.sizes.body)}; line-height: ${pt(style.linePitch)}; letter-spacing: ${pt(Math.min(0, Number(tracking.toFixed(3))))}; max-width: none; margin: 0; padding: 0; }`,
    `  ${s} .nb-title, ${s} table { letter-spacing: normal; }`,
    `  ${s} .nb-title { font-size: ${pt(style.sizes.title)}; line-height: ${pt(style.titleLinePitch)}; margin-bottom: ${pt(style.linePitch)}; }`,
    `  ${s} .nb-byline + :not(.nb-byline) { margin-top: ${pt(style.linePitch)}; }`,
    `  ${s} h2, ${s} h3, ${s} h4 { break-after: avoid; }`,
    `  ${s} .nb-scroll { overflow: visible !important; background: none; margin: ${pt(style.linePitch / 4)} 0 ${pt(style.tableSpaceAfter)}; }`,
    `  ${s} table { min-width: 0; font-size: ${pt(style.sizes.table)}; line-height: ${pt(style.tableLinePitch)}; }`,
    `  ${s} th, ${s} td { border: ${pt(style.tableBorder)} solid #000; padding: ${style.tablePadding.yMm}mm ${style.tablePadding.xMm}mm; }`,
    `  ${s} thead { display: table-header-group; }`,
    `  ${s} tr.nb-keep { break-after: avoid; }`,
    `  ${s} th:not([rowspan]), ${s} td:not([rowspan]) { break-inside: avoid; }`,
    `  ${s} .nb-page-break { break-after: page; }`,
    `}`,
  ];
  if (opts.page) rules.push(...pageRules(style));
  return rules.join('\n');
}

/** A4, GB/T 9704 margins, and the page number `— N —` 7 mm under the 版心, odd right / even left (§6.3). */
function pageRules(style: Style): string[] {
  const p = style.page;
  const dash = style.pageNumber.dash;
  // The line box is as tall as the number; its middle (where the 一字线 sits) 7 mm under the 版心.
  const size = style.sizes.pageNumber;
  const number = `content: ${cssString(`${dash} `)} counter(page) ${cssString(` ${dash}`)}; font-family: ${fontStack(style, 'pageNumber')}; font-size: ${size}pt; line-height: ${size}pt; vertical-align: top; padding-top: calc(${style.pageNumber.belowTextMm}mm - ${size / 2}pt);`;
  const inset = `${style.pageNumber.insetChars * style.sizes.body}pt`;
  return [
    `html, body { margin: 0; padding: 0; background: #fff; }`,
    `@page { size: A4; margin: ${p.marginTopMm}mm ${p.marginRightMm}mm ${p.marginBottomMm}mm ${p.marginLeftMm}mm; }`,
    `@page :right { @bottom-right { ${number} margin-right: ${inset}; } }`,
    `@page :left { @bottom-left { ${number} margin-left: ${inset}; } }`,
  ];
}

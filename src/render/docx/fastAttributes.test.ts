import { NextAttributeComponent, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { reportYaml } from '../../../test/support/reports.js';
import { checkText, composeChecked } from '../../pipeline.js';
import { fastenAttributes } from './fastAttributes.js';
import { renderDocx } from './index.js';
import { PREP_CONTEXT, toXml } from './xml.js';

const docxOwn = NextAttributeComponent.prototype.prepForXml;

const paragraph = () => new Paragraph({ spacing: { line: 579, lineRule: 'exact', before: 0 }, indent: { firstLine: 640 }, children: [new TextRun({ text: '正文', font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 32 })] });

describe('fast attribute serialisation, for this renderer only', () => {
  it('writes exactly what docx writes', () => {
    const theirs = toXml(paragraph().prepForXml(PREP_CONTEXT)!);
    const ours = paragraph();
    fastenAttributes(ours);
    expect(toXml(ours.prepForXml(PREP_CONTEXT)!)).toBe(theirs);
  });

  it('leaves docx as it was for every other user in the process (no prototype patch)', async () => {
    const doc = composeChecked(checkText(reportYaml('2021'), 'r.yaml'))!;
    await renderDocx(doc, {});
    expect(NextAttributeComponent.prototype.prepForXml).toBe(docxOwn);
    const other = paragraph();
    const attributes: unknown[] = [];
    const collect = (n: unknown) => {
      if (n instanceof NextAttributeComponent) attributes.push(n);
      const root = (n as { root?: unknown }).root;
      if (Array.isArray(root)) root.forEach(collect);
    };
    collect(other);
    // The pinned internal this relies on (docx 9.7.1 keeps children in `root`) is still there.
    expect(attributes.length).toBeGreaterThan(2);
    for (const a of attributes) expect(Object.hasOwn(a as object, 'prepForXml')).toBe(false);
  });
});

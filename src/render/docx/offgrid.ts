import { OnOffElement, Paragraph, type IContext, type IXmlableObject } from 'docx';
import { PREP_CONTEXT } from './xml.js';

const SNAP_OFF: IXmlableObject = new OnOffElement('w:snapToGrid', false).prepForXml(PREP_CONTEXT)!;

/**
 * A paragraph that opts out of the document grid (`w:snapToGrid w:val="0"`). Word leaves lines
 * with an exact pitch off the grid anyway, but LibreOffice snaps them to the 28.95 pt grid, which
 * would double every table row and the 35 pt title lines. The `docx` package has no option for
 * it, so the element is added to the paragraph properties, before `w:spacing` as the schema orders.
 */
export class OffGridParagraph extends Paragraph {
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const children = xml?.['w:p'];
    if (!Array.isArray(children)) return xml;
    const pPr = children.find((c: IXmlableObject) => typeof c === 'object' && c !== null && 'w:pPr' in c) as IXmlableObject | undefined;
    const props = pPr?.['w:pPr'];
    if (Array.isArray(props)) {
      const at = props.findIndex((p: IXmlableObject) => typeof p === 'object' && p !== null && 'w:spacing' in p);
      props.splice(at < 0 ? props.length : at, 0, SNAP_OFF);
    }
    return xml;
  }
}

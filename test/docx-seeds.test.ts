import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, composeChecked } from '../src/pipeline.js';
import { renderDocx } from '../src/render/docx/index.js';
import { bodyItems, docxPart } from './support/docxXml.js';
import { documentTokens, expectedTokens, normaliseCell, normaliseSpace, SEEDS, tokenLines, type Token } from './support/seedText.js';

/** The DOCX read back as seed tokens: each non-empty paragraph, then table cells row by row (vMerge-continue as ''). */
async function docxTokens(bytes: Uint8Array): Promise<Token[]> {
  const tokens: Token[] = [];
  for (const item of bodyItems(await docxPart(bytes, 'word/document.xml'))) {
    if (item.kind === 'p') {
      if (normaliseSpace(item.text) !== '') tokens.push({ kind: 'P', text: normaliseSpace(item.text) });
      continue;
    }
    for (const row of item.rows) for (const c of row.cells) tokens.push({ kind: 'C', text: c.vMerge === 'continue' ? '' : normaliseCell(c.text) });
  }
  return tokens;
}

/**
 * Issue 3 "Seed round trip": each seed's YAML rendered to DOCX and read back in document order
 * gives every prose paragraph, label and figure of the seed, apart from seedText's listed
 * normalisations — and exactly the Document's own sequence.
 */
describe.each(SEEDS.filter((s) => existsSync(s.data)))('DOCX of seed $id ($data)', (seed) => {
  it('reads back as the seed and as the Document, token by token', async () => {
    const checked = checkText(readFileSync(seed.data, 'utf8'), seed.data);
    const doc = composeChecked(checked)!;
    const tokens = await docxTokens((await renderDocx(doc, {})).bytes);
    expect(tokenLines(tokens)).toEqual(tokenLines(documentTokens(doc)));
    expect(tokenLines(tokens, seed.added)).toEqual(tokenLines(expectedTokens(seed)));
  });
});

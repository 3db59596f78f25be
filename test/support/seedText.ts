/**
 * The seeds in test/fixtures/seeds/ (copies of published reports, see its README) are text
 * extracted from published Word files (spec §5.1): one line per paragraph; a table cell is a line starting with a tab (its inner paragraphs — the official
 * template line breaks — on the following lines), rows end with an empty line, a cell covered by a
 * vertical merge appears as an empty tab line, a cell covered by a column span does not appear.
 *
 * Both sides are reduced to the same token list — `P` for a paragraph, `C` for a table cell — so a
 * seed, a Document and a renderer's read-back can be compared token by token. The only differences
 * allowed are the normalisations listed here: extraction noise, whitespace, and per seed the
 * departures its YAML documents (a typo in a section title, a heading the standard layout adds).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../src/model/document.js';
import { resolveGrid } from '../../src/model/grid.js';

export interface Token {
  kind: 'P' | 'C';
  text: string;
}

export interface Seed {
  /** File name in test/fixtures/seeds without `.txt`. */
  id: string;
  /** Its transcription in data/. */
  data: string;
  /**
   * Seed text → what nianbao prints instead, applied to the seed's tokens. Each entry is a
   * departure the data file's comments explain.
   */
  replace: readonly (readonly [string, string])[];
  /** Tokens nianbao prints that the seed does not have (e.g. a standard section heading a five-part report lacks). */
  added: readonly string[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS_DIR = join(ROOT, 'test', 'fixtures', 'seeds');

export const SEEDS: readonly Seed[] = [
  { id: '000_3d5c770940331c82', data: 'data/shizhongqu-kjj-2020.yaml', replace: [], added: [] },
  { id: '001_dfabd5f7c7b088c2', data: 'data/taicang-kjj-2020.yaml', replace: [], added: [] },
  {
    // A five-part report kept in the standard six parts (see the data file's comments).
    id: '002_e1f16a5f9850739c',
    data: 'data/xisaishan-2020.yaml',
    replace: [
      ['三、收到和处理政府信息公开情况及因政府信息公开工作被申请行政复议、提起行政诉讼情况', '三、收到和处理政府信息公开申请情况'],
      ['四、工作存在的主要问题和改进情况', '五、存在的主要问题及改进情况'],
      ['五、其他需要报告的事项', '六、其他需要报告的事项'],
    ],
    added: ['四、政府信息公开行政复议、行政诉讼情况'],
  },
  { id: '003_fd5e2081a75f95e0', data: 'data/changle-kjj-2019.yaml', replace: [], added: [] },
  { id: '004_748de284c8ce90af', data: 'data/daxing-kw-2020.yaml', replace: [['六、其他说要报告的事项', '六、其他需要报告的事项']], added: [] },
];

/** Extraction noise that never reaches a printed page. */
const NOISE = [/\[bookmark: [^\]]*\]/g];

const SECTION_HEADING = /^[一二三四五六七八九十\d]+、/;

/** Whitespace is not significant: runs collapse to one space, ends are trimmed. */
export function normaliseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** A seed's text → tokens. */
export function seedTokens(text: string): Token[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((raw) => NOISE.reduce((l, re) => l.replace(re, ''), raw));
  const tokens: Token[] = [];
  let inCell = false;
  lines.forEach((line, i) => {
    const last = tokens[tokens.length - 1];
    if (line.startsWith('\t')) {
      tokens.push({ kind: 'C', text: line.slice(1) });
      inCell = true;
    } else if (normaliseSpace(line) === '') {
      inCell = false;
    } else if (last?.kind === 'C' && (inCell || (lines[i + 1]?.startsWith('\t') && !SECTION_HEADING.test(line.trim())))) {
      // A cell's next paragraph; after an empty paragraph inside the cell (seed 004's
      // `（三）不予⏎⏎公开`) it is still the cell's when the table goes on right after it —
      // unless it is the section heading between two tables.
      last.text = `${last.text}\n${line}`;
      inCell = true;
    } else {
      tokens.push({ kind: 'P', text: normaliseSpace(line) });
    }
  });
  return tokens.map((t) => (t.kind === 'C' ? { kind: 'C', text: normaliseCell(t.text) } : t));
}

/**
 * Line breaks inside a table cell are layout, not content: authors break narrow header cells by
 * hand where the official template does not (seed 003's `尚未⏎审结`) or leave out the template's
 * breaks (seed 001's `本年新制作数量`), or space out a short label (seed 004's `总 计`). A cell
 * compares by its text alone, all whitespace removed.
 */
export function normaliseCell(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

/**
 * A Document → tokens, in the order a Word extraction gives them: paragraphs as they come, table
 * cells row by row, a vertically merged cell continued as an empty cell in each row it covers.
 */
export function documentTokens(doc: Document): Token[] {
  const tokens: Token[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'title':
        for (const l of block.lines) tokens.push({ kind: 'P', text: normaliseSpace(l) });
        break;
      case 'byline':
      case 'heading':
        tokens.push({ kind: 'P', text: normaliseSpace(block.text) });
        break;
      case 'paragraph':
        tokens.push({ kind: 'P', text: normaliseSpace(`${block.lead?.text ?? ''}${block.text}`) });
        break;
      case 'table': {
        const grid = resolveGrid(block);
        for (const row of grid.slots) {
          for (const slot of row) {
            if (slot.kind === 'cell') tokens.push({ kind: 'C', text: normaliseCell(slot.cell.text) });
            else if (slot.ownerRow < slot.row && slot.ownerCol === slot.col) tokens.push({ kind: 'C', text: '' });
          }
        }
        break;
      }
      case 'pageBreak':
        break;
    }
  }
  return tokens;
}

export function readSeed(seed: Seed): string {
  return readFileSync(join(SEEDS_DIR, `${seed.id}.txt`), 'utf8');
}

/** The seed's tokens after its documented normalisations: what nianbao must print. */
export function expectedTokens(seed: Seed): Token[] {
  return seedTokens(readSeed(seed)).map((t) => {
    let text = t.text;
    for (const [from, to] of seed.replace) text = text.split(from).join(to);
    return { kind: t.kind, text };
  });
}

/** Tokens as one line each (`P 一、总体情况`, `C 本年新制作数量`), for readable diffs. */
export function tokenLines(tokens: readonly Token[], added: readonly string[] = []): string[] {
  const skip = new Set(added);
  return tokens.filter((t) => !skip.has(t.text)).map((t) => `${t.kind} ${t.text}`);
}

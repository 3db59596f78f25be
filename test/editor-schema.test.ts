import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from './support/batch.js';
import { LspClient } from './support/lsp.js';

/**
 * What a clerk sees in VS Code with the YAML extension, driven through yaml-language-server itself
 * (the extension's engine) over stdio, on a file written by `nianbao init -o`.
 */
describe('the editor experience (yaml-language-server on an init file)', () => {
  const dir = tempDir('lsp');
  let client: LspClient;
  let uri: string;
  let lines: string[];

  const positionOf = (needle: string, offsetInNeedle = 0): { line: number; character: number } => {
    const line = lines.findIndex((l) => l.includes(needle));
    expect(line, needle).toBeGreaterThanOrEqual(0);
    return { line, character: lines[line]!.indexOf(needle) + offsetInNeedle };
  };
  const hoverText = async (position: { line: number; character: number }): Promise<string> => {
    const hover = await client.request<{ contents: { value: string } | string } | null>('textDocument/hover', { textDocument: { uri }, position });
    return typeof hover?.contents === 'string' ? hover.contents : (hover?.contents.value ?? '');
  };

  beforeAll(async () => {
    writeFileSync(join(dir, 'package.json'), '{}');
    execFileSync(process.execPath, [BIN, 'init', '--agency', '某某县科学技术局', '--year', '2021', '-o', 'data/kj-2021.yaml'], { cwd: dir, stdio: 'pipe' });
    const file = join(dir, 'data', 'kj-2021.yaml');
    uri = pathToFileURL(file).href;
    const settings = { validate: true, hover: true, completion: true, schemaStore: { enable: false }, format: { enable: false } };
    client = new LspClient(settings);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { textDocument: { hover: { contentFormat: ['plaintext', 'markdown'] }, completion: { completionItem: { snippetSupport: false } } }, workspace: { configuration: true } },
    });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: { yaml: settings } });
    // A type error the clerk makes: the year written in words.
    const text = readFileSync(file, 'utf8').replace(/^year: 2021/m, 'year: 二〇二一');
    lines = text.split('\n');
    const diagnostics = client.waitFor<{ uri: string; diagnostics: { message: string; range: { start: { line: number } } }[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const published = await diagnostics;
    expect(published.diagnostics.map((d) => d.range.start.line)).toContain(positionOf('year:').line);
  }, 60_000);

  afterAll(() => client?.close());

  it('hovering each figure of a 三-table row names its column', async () => {
    const row = lines.find((l) => l.trimStart().startsWith('newlyReceived:'))!;
    const figures = [...row.matchAll(/\d+/g)].map((m) => m.index);
    const line = lines.indexOf(row);
    expect(await hoverText({ line, character: figures[0]! })).toContain('自然人');
    expect(await hoverText({ line, character: figures[2]! })).toContain('科研机构');
    expect(await hoverText({ line, character: figures[5]! })).toContain('其他');
  });

  it('hovering a 四-table figure names its column; a section key shows its Chinese description', async () => {
    const row = lines.find((l) => l.trimStart().startsWith('reconsideration:'))!;
    const figures = [...row.matchAll(/\d+/g)].map((m) => m.index);
    expect(await hoverText({ line: lines.indexOf(row), character: figures[1]! })).toContain('结果纠正');
    expect(await hoverText(positionOf('applications:', 1))).toContain('依申请公开');
  });

  it('a 2021-shaped file marked edition: "2019" is flagged, as check flags it', async () => {
    const text = lines.join('\n').replace(/^year: 二〇二一/m, 'year: 2021').replace(/^edition: "2021"/m, 'edition: "2019"');
    expect(text).toContain('edition: "2019"');
    const published = client.waitFor<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    expect((await published).diagnostics.length).toBeGreaterThan(0);
    const fine = client.waitFor<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: text.replace('edition: "2019"', 'edition: "2021"') }] });
    await fine;
  });

  it('completes the keys a block may still have, with their Chinese titles', async () => {
    // A new line inside 第二十条第（一）项, as a clerk who starts typing a key there.
    const at = lines.findIndex((l) => l.startsWith('  item5:'));
    const text = [...lines.slice(0, at), '    ', ...lines.slice(at)].join('\n');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text }] });
    const completion = await client.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: at, character: 4 } });
    const items = Array.isArray(completion) ? completion : completion.items;
    expect(items.map((i) => i.label)).toContain('extraRows');
    expect(JSON.stringify(items.find((i) => i.label === 'extraRows'))).toContain('本项增加的行');
  });
});

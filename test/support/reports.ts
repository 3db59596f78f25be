import { parseDocument } from 'yaml';
import { scaffold } from '../../src/schema/scaffold.js';
import type { EditionId } from '../../src/model/report.js';

/**
 * A valid report as YAML text, built from the `init` scaffold with the TODO markers filled in,
 * then changed by `edits` (YAML path → value). Used to make each rule fire or stay quiet.
 */
export function reportYaml(edition: EditionId, edits: [(string | number)[], unknown][] = [], opts: { blank?: boolean; year?: number } = {}): string {
  const year = opts.year ?? (edition === '2019' ? 2020 : 2021);
  const text = scaffold({ agency: '某某县科学技术局', year, edition, blank: opts.blank ?? false, schemaPath: '../nianbao.schema.json' }).replaceAll('【待填写】', '已完成');
  const doc = parseDocument(text);
  for (const [path, value] of edits) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, value);
  }
  return doc.toString();
}

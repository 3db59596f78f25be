import * as z from 'zod';
import { FIRST_YEAR_OF_2021_EDITION } from '../editions/index.js';
import type { EditionId } from '../model/report.js';
import { schemaFor } from './schema.js';

/**
 * JSON Schema for editors (VS Code's YAML extension reads `# yaml-language-server: $schema=…`):
 * either edition, every field with its Chinese title and description.
 *
 * Each edition's branch holds only for its own `edition:` (or, without one, for its years), as
 * `check` decides: a 2021-shaped file marked `edition: "2019"` is flagged in the editor too,
 * instead of passing as a 2021 report.
 */
export function jsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://nianbao.invalid/nianbao.schema.json',
    title: '政府信息公开工作年度报告（nianbao YAML）',
    description: '一份 YAML 文件描述一个机关一个年度的年报。2019 年版式用于 2020 年度及以前，2021 年版式用于 2021 年度起。',
    anyOf: (['2021', '2019'] as const).map(editionBranch),
  };
}

function editionBranch(id: EditionId): Record<string, unknown> {
  const generated = z.toJSONSchema(schemaFor(id), { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _ignored, ...branch } = generated;
  const years = id === '2021' ? { minimum: FIRST_YEAR_OF_2021_EDITION } : { maximum: FIRST_YEAR_OF_2021_EDITION - 1 };
  return {
    ...branch,
    if: { required: ['edition'] },
    then: { properties: { edition: { title: `格式版本：${id}`, enum: [id, Number(id)] } } },
    else: { properties: { year: { title: `报告年度（${id} 年版式）`, ...years } } },
  };
}

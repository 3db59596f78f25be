import * as z from 'zod';
import { schemaFor } from './schema.js';

/**
 * JSON Schema for editors (VS Code's YAML extension reads `# yaml-language-server: $schema=…`):
 * either edition, every field with its Chinese title and description.
 */
export function jsonSchema(): Record<string, unknown> {
  const union = z.union([schemaFor('2021'), schemaFor('2019')]);
  const schema = z.toJSONSchema(union, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://nianbao.invalid/nianbao.schema.json',
    title: '政府信息公开工作年度报告（nianbao YAML）',
    description: '一份 YAML 文件描述一个机关一个年度的年报。2019 年版式用于 2020 年度及以前，2021 年版式用于 2021 年度起。',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reportYaml } from '../../test/support/reports.js';
import { jsonSchema } from './jsonschema.js';

// Editors validate with the exported JSON Schema, not with zod: it must accept what `check`
// accepts and reject what it rejects, for both editions.
const validate = new Ajv({ strict: false, allErrors: true }).compile(jsonSchema());

describe('exported JSON Schema', () => {
  it('ships in the package as schemas/nianbao.schema.json, as `nianbao schema` prints it', () => {
    const shipped: unknown = JSON.parse(readFileSync(new URL('../../schemas/nianbao.schema.json', import.meta.url), 'utf8'));
    // When this fails: node dist/cli/main.js schema > schemas/nianbao.schema.json
    expect(shipped).toEqual(jsonSchema());
  });

  it('accepts valid reports of both editions, with blanks, units and variants', () => {
    for (const yaml of [
      reportYaml('2019'),
      reportYaml('2021'),
      reportYaml('2019', [], { blank: true }),
      reportYaml('2019', [
        [['proactive', 'item9', 'procurement'], [9, '7.463万元']],
        [['proactive', 'item5', 'otherServices'], { subRows: [{ label: '行政检查', values: [0, 0, 0] }] }],
        [['proactive', 'item1', 'extraRows'], [{ label: '其他主动公开文件', values: [1, 1, 1] }]],
        [['labels'], { 'proactive.item5.previousCount': '上一年项目数量\n（指2019年事项数）' }],
      ]),
    ]) {
      expect(validate(parse(yaml)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('rejects unknown keys, negative counts, fractions and missing sections', () => {
    expect(validate(parse(reportYaml('2021', [[['overvew'], 'x']])))).toBe(false);
    expect(validate(parse(reportYaml('2021', [[['applications', 'newlyReceived'], [-1, 0, 0, 0, 0, 0]]])))).toBe(false);
    expect(validate(parse(reportYaml('2021', [[['applications', 'newlyReceived'], [0.5, 0, 0, 0, 0, 0]]])))).toBe(false);
    expect(validate(parse(reportYaml('2021', [[['review'], undefined]])))).toBe(false);
  });

  it('tells the editions apart as check does: by edition:, else by the year', () => {
    expect(validate(parse(reportYaml('2021', [[['edition'], '2019']])))).toBe(false);
    expect(validate(parse(reportYaml('2019', [[['edition'], '2021']])))).toBe(false);
    expect(validate(parse(reportYaml('2021', [[['edition'], undefined]])))).toBe(true);
    expect(validate(parse(reportYaml('2021', [[['edition'], undefined]], { year: 2020 })))).toBe(false);
    // A late adopter says so: the 2021 tables for 2020 with edition: "2021" (check warns, the editor accepts).
    expect(validate(parse(reportYaml('2021', [], { year: 2020 })))).toBe(true);
  });

  it('gives every property a Chinese title', () => {
    const untitled: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const title = v.title ?? (v.anyOf as Record<string, unknown>[] | undefined)?.find((x) => x.title)?.title;
          if (typeof title !== 'string' || !/[\u4e00-\u9fff]/.test(title)) untitled.push(`${path}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(n)) if (k !== 'properties') walk(v, path);
      if (n.properties) for (const [k, v] of Object.entries(n.properties as object)) walk(v, `${path}.${k}`);
    };
    walk(jsonSchema(), '$');
    expect(untitled).toEqual([]);
  });
});

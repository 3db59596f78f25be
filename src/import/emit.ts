import { getEdition } from '../editions/index.js';
import { figureRows, flat, type FigureRowDef } from '../editions/rows.js';
import { TODO } from '../schema/scaffold.js';
import type { Draft, Printed } from './draft.js';

const q = (s: string) => JSON.stringify(s);

/**
 * Writes a Draft as a report file with the keys, order and comments of `nianbao init`
 * (src/schema/scaffold.ts), walking the same edition definitions; every value the producer
 * was unsure of carries `# 待核对：…`.
 */
export function emitYaml(d: Draft, header: string[] = []): string {
  const ed = getEdition(d.edition);
  const defs = figureRows(ed);
  const L: string[] = [];
  const note = (path: string, label: string) => (d.unsure[path] ? `# 待核对：${d.unsure[path]}（${label}）` : `# ${label}`);
  const line = (indent: string, key: string, value: string, path: string, label: string) => L.push(`${indent}${key}: ${value}  ${note(path, label)}`);
  const prose = (key: string, label: string, paragraphs: string[] | null, indent = '') => {
    if (paragraphs === null || paragraphs.length === 0) {
      line(indent, key, 'null', key, label);
      return;
    }
    L.push(`${indent}${key}: |  ${note(key, label)}`);
    paragraphs.forEach((p, i) => {
      if (i > 0) L.push('');
      L.push(`${indent}  ${p}`);
    });
  };
  const kindOf = (def: FigureRowDef, i: number) => def.columns[Math.min(i, def.columns.length - 1)]!.kind;
  const value = (v: Printed, kind: string) => (v === null ? 'null' : kind === 'money' && !/^\d+(\.\d+)?$/.test(v) ? q(v) : v);
  const values = (def: FigureRowDef, vs: Printed[]) =>
    def.columns.length === 1 ? value(vs[0] ?? null, kindOf(def, 0)) : `[${vs.map((v, i) => value(v, kindOf(def, i))).join(', ')}]`;
  const rowLine = (def: FigureRowDef, indent: string) => {
    const key = def.key.split('.').pop()!;
    const label = flat(def.labels[def.labels.length - 1]!);
    const subs = d.subRows[def.key];
    if (subs && subs.length > 0) {
      L.push(`${indent}${key}:  ${note(def.key, `${label}（分项）`)}`);
      L.push(`${indent}  subRows:`);
      for (const s of subs) L.push(`${indent}    - label: ${q(s.label)}`, `${indent}      values: ${values(def, s.values)}`);
      return;
    }
    line(indent, key, values(def, d.rows[def.key] ?? def.columns.map(() => null)), def.key, label);
  };

  L.push('# yaml-language-server: $schema=../nianbao.schema.json');
  for (const h of header) L.push(`# ${h}`);
  for (const n of d.notes) L.push(`# 说明：${n}`);
  line('', 'agency', q(d.agency || TODO), 'agency', '机关全称');
  line('', 'year', String(d.year), 'year', '报告年度');
  line('', 'edition', `"${ed.id}"`, 'edition', `格式版本：${ed.source}`);
  line('', 'title', d.title.length === 1 ? q(d.title[0]!) : `[${d.title.map(q).join(', ')}]`, 'title', '标题');
  line('', 'unitLine', d.unitLine === null ? 'null' : q(d.unitLine), 'unitLine', '署名行');
  line('', 'dateLine', d.dateLine === null ? 'null' : q(d.dateLine), 'dateLine', '日期行');
  line('', 'date', d.date === null ? 'null' : d.date, 'date', '成文日期');
  if (d.published) {
    L.push('published:  # 已发布年报的转录：按原文生成，数字不作改动；原文的勾稽关系等问题作为警告列出');
    line('  ', 'source', q(d.published.source), 'published.source', '原文（文件名或网页地址）');
    line('  ', 'date', d.published.date ?? 'null', 'published.date', '发布日期');
  }
  prose('preamble', '导语', d.preamble);
  prose('overview', ed.sectionTitles.overview, d.overview.length > 0 ? d.overview : [TODO]);

  for (const table of ['proactive', 'applications', 'review'] as const) {
    L.push(`${table}:  # ${ed.sectionTitles[table]}`);
    prose('text', '表格前的说明文字', d.tableText[table].length > 0 ? d.tableText[table] : null, '  ');
    const rows = defs.filter((r) => r.table === table);
    if (table === 'proactive') {
      for (const item of ed.proactive.items) {
        const base = `proactive.${item.key}`;
        L.push(`  ${item.key}:  # ${item.title} — 列：${item.columns.map((c) => flat(c.label)).join('、')}`);
        const itemRows = rows.filter((r) => r.item === base);
        for (const def of itemRows) rowLine(def, '    ');
        const extra = d.extraRows[base] ?? [];
        if (extra.length > 0) {
          L.push(`    extraRows:  ${note(`${base}.extraRows`, '本项增加的行（地方格式）')}`);
          for (const e of extra) L.push(`      - label: ${q(e.label)}`, `        values: ${values(itemRows[0]!, e.values)}`);
        }
      }
    } else if (table === 'applications') {
      L.push(`  # 每行 7 列：${rows[0]!.columns.map((c) => c.label).join('、')}`);
      const app = ed.applications;
      const byKey = (k: string) => rows.find((r) => r.key === `applications.${k}`)!;
      rowLine(byKey('newlyReceived'), '  ');
      rowLine(byKey('carriedOver'), '  ');
      L.push(`  results:  # ${app.resultsHeader}`);
      for (const entry of app.results) {
        if (entry.items) {
          L.push(`    ${entry.key}:  # ${entry.label}`);
          for (const it of entry.items) rowLine(byKey(`results.${entry.key}.${it.key}`), '      ');
        } else rowLine(byKey(`results.${entry.key}`), '    ');
      }
      if (d.rows['applications.results.total']) rowLine(byKey('results.total'), '    ');
      else L.push(`    # total: [0, 0, 0, 0, 0, 0, 0]  # ${app.total}（可省略，自动计算）`);
      rowLine(byKey('carriedForward'), '  ');
    } else {
      L.push(`  # 每组 5 列：${ed.review.columns.map((c) => c.label).join('、')}`);
      for (const def of rows) line('  ', def.key.split('.').pop()!, values(def, d.rows[def.key] ?? [null, null, null, null]), def.key, def.labels.join(' · '));
    }
  }
  prose('problems', ed.sectionTitles.problems, d.problems.length > 0 ? d.problems : [TODO]);
  if (ed.id === '2021' && d.fees) {
    L.push(`fees:  ${note('fees', '信息处理费（写入“六、其他需要报告的事项”）')}`);
    line('  ', 'noticesIssued', d.fees.noticesIssued ?? '0', 'fees.noticesIssued', '发出收费通知的件数');
    line('  ', 'amountNotified', value(d.fees.amountNotified ?? '0', 'money'), 'fees.amountNotified', '通知收费金额（元）');
    line('  ', 'amountCollected', value(d.fees.amountCollected ?? '0', 'money'), 'fees.amountCollected', '实际收取金额（元）');
  }
  prose('other', `${ed.sectionTitles.other}（null 时为“无。”）`, d.other);
  const labels = Object.entries(d.labels);
  if (labels.length === 0) line('', 'labels', 'null', 'labels', '地方格式的标签替换');
  else {
    L.push(`labels:  ${note('labels', '地方格式的标签替换（原文的注释和地方写法）')}`);
    for (const [id, text] of labels) L.push(`  ${q(id)}: ${q(text)}`);
  }
  return `${L.join('\n')}\n`;
}

import { getEdition } from '../editions/index.js';
import { figureRows, flat, type FigureRowDef } from '../editions/rows.js';
import type { EditionId } from '../model/report.js';

export interface ScaffoldOptions {
  agency: string;
  year: number;
  edition: EditionId;
  /** Pre-fill figures with null (blank) instead of 0. */
  blank: boolean;
  schemaPath: string;
}

/** The top-level keys in the order `init` writes them: where an edit puts a key the file lacks. */
export const REPORT_KEY_ORDER = ['agency', 'year', 'edition', 'title', 'unitLine', 'dateLine', 'date', 'preamble', 'overview', 'proactive', 'applications', 'review', 'problems', 'fees', 'other', 'labels'] as const;

/** Marks text the clerk still has to write; `check` warns while it is left in. */
export const TODO = '【待填写】';

const q = (s: string) => JSON.stringify(s);

/**
 * A complete report file for `nianbao init`: every field present, each commented with its
 * official label, generated from the edition's definitions (not a copy of them).
 */
export function scaffold(o: ScaffoldOptions): string {
  const ed = getEdition(o.edition);
  const rows = figureRows(ed);
  const cell = o.blank ? 'null' : '0';
  const L: string[] = [];
  const block = (key: string, comment: string, text: string, indent = '') => {
    L.push(`${indent}${key}: |  # ${comment}`);
    for (const line of text.split('\n')) L.push(line === '' ? '' : `${indent}  ${line}`);
  };
  const rowLine = (def: FigureRowDef, indent: string, key: string) => {
    const n = def.totalColumn !== null ? def.columns.length - 1 : def.columns.length;
    const value = def.columns.length === 1 ? cell : `[${new Array(n).fill(cell).join(', ')}]`;
    L.push(`${indent}${key}: ${value}  # ${flat(def.labels[def.labels.length - 1]!)}`);
  };

  L.push(`# yaml-language-server: $schema=${o.schemaPath}`);
  L.push(`# ${o.agency}${o.year}年政府信息公开工作年度报告 — 数据文件（${ed.id}年版式：${ed.source}）`);
  L.push('# 数字写在方括号里，按列的顺序；空白单元格写 null（打印为空、按 0 计算）。');
  L.push('# “总计”可以不写，程序会计算；写了就会核对。检查：nianbao check 本文件');
  L.push(`agency: ${q(o.agency)}  # 机关全称`);
  L.push(`year: ${o.year}  # 报告年度`);
  L.push(`edition: "${ed.id}"  # 格式版本：2019（2020年度及以前）或 2021（2021年度起）`);
  L.push(`title: ${q(`${o.agency}${o.year}年政府信息公开工作年度报告`)}  # 标题；可写成列表分行，如 [机关名称, ${o.year}年政府信息公开工作年度报告]`);
  L.push('unitLine: null  # 署名行：标题下居中的机关名称（不需要时保持 null）');
  L.push('dateLine: null  # 日期行：如 "（' + (o.year + 1) + '年1月）"（不需要时保持 null）');
  L.push('date: null  # 成文日期：YYYY-MM-DD，用于文档属性');
  block('preamble', '导语（不需要时改为 null）', `本报告根据《中华人民共和国政府信息公开条例》第五十条规定编制。本报告所列数据的统计期限自${o.year}年1月1日起至${o.year}年12月31日止。如对本报告有疑问，请与${o.agency}联系（地址：${TODO}，电话：${TODO}）。`);
  const topics = ed.id === '2021'
    ? ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障']
    : ['主动公开情况', '依申请公开情况', '政府信息管理', '平台建设', '监督保障'];
  const nums = ['一', '二', '三', '四', '五'];
  block('overview', ed.sectionTitles.overview, topics.map((t, i) => `（${nums[i]}）${t}。${TODO}`).join('\n\n'));

  for (const table of ['proactive', 'applications', 'review'] as const) {
    L.push(`${table}:  # ${ed.sectionTitles[table]}`);
    L.push('  text: null  # 表格前的说明文字（可省略）');
    const tableRows = rows.filter((r) => r.table === table);
    if (table === 'proactive') {
      for (const item of ed.proactive.items) {
        L.push(`  ${item.key}:  # ${item.title} — 列：${item.columns.map((c) => flat(c.label)).join('、')}`);
        for (const def of tableRows.filter((r) => r.item === `proactive.${item.key}`)) rowLine(def, '    ', def.key.split('.').pop()!);
      }
    } else if (table === 'applications') {
      L.push(`  # 每行 7 列：${tableRows[0]!.columns.map((c) => c.label).join('、')}（总计可省略）`);
      const app = ed.applications;
      rowLine(tableRows.find((r) => r.key === 'applications.newlyReceived')!, '  ', 'newlyReceived');
      rowLine(tableRows.find((r) => r.key === 'applications.carriedOver')!, '  ', 'carriedOver');
      L.push(`  results:  # ${app.resultsHeader}`);
      for (const entry of app.results) {
        if (entry.items) {
          L.push(`    ${entry.key}:  # ${entry.label}`);
          for (const it of entry.items) rowLine(tableRows.find((r) => r.key === `applications.results.${entry.key}.${it.key}`)!, '      ', it.key);
        } else {
          rowLine(tableRows.find((r) => r.key === `applications.results.${entry.key}`)!, '    ', entry.key);
        }
      }
      L.push(`    # total: [${new Array(7).fill(0).join(', ')}]  # ${app.total}（可省略，自动计算）`);
      rowLine(tableRows.find((r) => r.key === 'applications.carriedForward')!, '  ', 'carriedForward');
    } else {
      L.push(`  # 每组 5 列：${ed.review.columns.map((c) => c.label).join('、')}（总计可省略）`);
      for (const def of tableRows) {
        L.push(`  ${def.key.split('.').pop()!}: [${new Array(4).fill(cell).join(', ')}]  # ${def.labels.join(' · ')}`);
      }
    }
  }
  block('problems', ed.sectionTitles.problems, `（一）主要问题\n\n${TODO}\n\n（二）改进措施\n\n${TODO}`);
  if (ed.id === '2021') {
    L.push('fees:  # 信息处理费（写入“六、其他需要报告的事项”）');
    L.push('  noticesIssued: 0  # 发出收费通知的件数');
    L.push('  amountNotified: 0  # 通知收费金额（元）');
    L.push('  amountCollected: 0  # 实际收取金额（元）');
  }
  L.push(`other: null  # ${ed.sectionTitles.other}（null 时为“无。”）`);
  L.push('labels: null  # 地方格式的标签替换，如 {"proactive.item5.previousCount": "上一年项目数量\\n（指2019年事项数）"}');
  return `${L.join('\n')}\n`;
}

import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../editions/index.js';
import type { TableBlock } from '../model/document.js';
import { resolveGrid } from '../model/grid.js';
import type { Figure, LabelledRow } from '../model/report.js';
import { applicationsTable, proactiveTable, reviewTable, tableLabelIds, type TableInput } from './tables.js';

const none = () => undefined;
const empty: TableInput = { rows: {}, extraRows: {}, subRows: {}, labels: {} };

/** Spec notation: `text (rs=…, cs=…)` per row, `v` for a value cell, checked row by row. */
function notation(table: TableBlock): string[] {
  return table.rows.map((r) =>
    r.cells
      .map((c) => {
        const t = c.kind === 'value' ? 'v' : c.text.replace(/\n/g, '⏎');
        const spans = [c.rowSpan > 1 ? `rs=${c.rowSpan}` : '', c.colSpan > 1 ? `cs=${c.colSpan}` : ''].filter(Boolean);
        return spans.length ? `${t} (${spans.join(', ')})` : t;
      })
      .join(' | '),
  );
}

describe('section 二 table', () => {
  it('2019 edition matches spec §2.1 row by row', () => {
    const t = proactiveTable(EDITIONS['2019'], empty, none);
    expect(notation(t)).toEqual([
      '第二十条第（一）项 (cs=4)',
      '信息内容 | 本年新⏎制作数量 | 本年新⏎公开数量 | 对外公开总数量',
      '规章 | v | v | v',
      '规范性文件 | v | v | v',
      '第二十条第（五）项 (cs=4)',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量',
      '行政许可 | v | v | v',
      '其他对外管理服务事项 | v | v | v',
      '第二十条第（六）项 (cs=4)',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量',
      '行政处罚 | v | v | v',
      '行政强制 | v | v | v',
      '第二十条第（八）项 (cs=4)',
      '信息内容 | 上一年项目数量 | 本年增/减 (cs=2)',
      '行政事业性收费 | v | v (cs=2)',
      '第二十条第（九）项 (cs=4)',
      '信息内容 | 采购项目数量 | 采购总金额 (cs=2)',
      '政府集中采购 | v | v (cs=2)',
    ]);
    const g = resolveGrid(t);
    expect([g.rowCount, g.colCount]).toEqual([18, 4]);
  });

  it('2021 edition matches spec §3.1 row by row', () => {
    const t = proactiveTable(EDITIONS['2021'], empty, none);
    expect(notation(t)).toEqual([
      '第二十条第（一）项 (cs=4)',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
      '规章 | v | v | v',
      '行政规范性文件 | v | v | v',
      '第二十条第（五）项 (cs=4)',
      '信息内容 | 本年处理决定数量 (cs=3)',
      '行政许可 | v (cs=3)',
      '第二十条第（六）项 (cs=4)',
      '信息内容 | 本年处理决定数量 (cs=3)',
      '行政处罚 | v (cs=3)',
      '行政强制 | v (cs=3)',
      '第二十条第（八）项 (cs=4)',
      '信息内容 | 本年收费金额（单位：万元） (cs=3)',
      '行政事业性收费 | v (cs=3)',
    ]);
    const g = resolveGrid(t);
    expect([g.rowCount, g.colCount]).toEqual([14, 4]);
  });

  it('sub-rows add a label column (spec §5, seed 004) and extra rows follow their item', () => {
    const fig = (n: number): Figure => ({ value: n, text: String(n), kind: 'count', path: [], computed: false });
    const row = (label: string): LabelledRow => ({ label, cells: [fig(1), fig(2), fig(3)], path: [] });
    const t = proactiveTable(
      EDITIONS['2019'],
      {
        ...empty,
        subRows: { 'proactive.item5.otherServices': [row('行政检查'), row('行政确认')] },
        extraRows: { 'proactive.item1': [row('其他主动公开文件')] },
      },
      none,
    );
    const n = notation(t);
    expect(n[0]).toBe('第二十条第（一）项 (cs=5)');
    expect(n[1]).toBe('信息内容 (cs=2) | 本年新⏎制作数量 | 本年新⏎公开数量 | 对外公开总数量');
    expect(n[4]).toBe('其他主动公开文件 (cs=2) | v | v | v');
    expect(n[8]).toBe('其他对外管理服务事项 (rs=2) | 行政检查 | v | v | v');
    expect(n[9]).toBe('行政确认 | v | v | v');
    const g = resolveGrid(t);
    expect([g.rowCount, g.colCount]).toEqual([20, 5]);
    expect(g.slots[9]![0]).toMatchObject({ kind: 'merged', ownerRow: 8, ownerCol: 0 });
  });
});

describe('section 三 table', () => {
  const expected2019Head = [
    '（本列数据的勾稽关系为：第一项加第二项之和，⏎等于第三项加第四项之和） (rs=3, cs=3) | 申请人情况 (cs=7)',
    '自然人 (rs=2) | 法人或其他组织 (cs=5) | 总计 (rs=2)',
  ];
  const v7 = ' | v | v | v | v | v | v | v';

  it('2019 edition matches spec §2.2: 26 rows × 10 columns, 三、本年度办理结果 rs=20', () => {
    const t = applicationsTable(EDITIONS['2019'], empty, none);
    const n = notation(t);
    expect(n.slice(0, 2)).toEqual(expected2019Head);
    expect(n[2]).toBe('商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他');
    expect(n[3]).toBe(`一、本年新收政府信息公开申请数量 (cs=3)${v7}`);
    expect(n[4]).toBe(`二、上年结转政府信息公开申请数量 (cs=3)${v7}`);
    expect(n[5]).toBe(`三、本年度办理结果 (rs=20) | （一）予以公开 (cs=2)${v7}`);
    expect(n[6]).toBe(`（二）部分公开（区分处理的，只计这一情形，不计其他情形） (cs=2)${v7}`);
    expect(n[7]).toBe(`（三）不予公开 (rs=8) | 1.属于国家秘密${v7}`);
    expect(n[9]).toBe(`3.危及“三安全一稳定”${v7}`);
    expect(n[15]).toBe(`（四）无法提供 (rs=3) | 1.本机关不掌握相关政府信息${v7}`);
    expect(n[18]).toBe(`（五）不予处理 (rs=5) | 1.信访举报投诉类申请${v7}`);
    expect(n[22]).toBe(`5.要求行政机关确认或重新出具已获取信息${v7}`);
    expect(n[23]).toBe(`（六）其他处理 (cs=2)${v7}`);
    expect(n[24]).toBe(`（七）总计 (cs=2)${v7}`);
    expect(n[25]).toBe(`四、结转下年度继续办理 (cs=3)${v7}`);
    const g = resolveGrid(t);
    expect([g.rowCount, g.colCount]).toEqual([26, 10]);
    expect(t.headerRows).toBe(3);
  });

  it('2021 edition matches spec §3.2: 28 rows, rs=22, （六） split into three', () => {
    const t = applicationsTable(EDITIONS['2021'], empty, none);
    const n = notation(t);
    expect(n[2]).toBe('商业⏎企业 | 科研⏎机构 | 社会公益组织 | 法律服务机构 | 其他');
    expect(n[5]).toBe(`三、本年度办理结果 (rs=22) | （一）予以公开 (cs=2)${v7}`);
    expect(n[23]).toBe(`（六）其他处理 (rs=3) | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请${v7}`);
    expect(n[24]).toBe(`2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请${v7}`);
    expect(n[25]).toBe(`3.其他${v7}`);
    expect(n[26]).toBe(`（七）总计 (cs=2)${v7}`);
    expect(n[27]).toBe(`四、结转下年度继续办理 (cs=3)${v7}`);
    const g = resolveGrid(t);
    expect([g.rowCount, g.colCount]).toEqual([28, 10]);
  });
});

describe('section 四 table', () => {
  it('matches spec §2.3 in both editions: 4 rows × 15 columns', () => {
    for (const ed of [EDITIONS['2019'], EDITIONS['2021']]) {
      const t = reviewTable(ed, empty, none);
      const n = notation(t);
      expect(n[0]).toBe('行政复议 (cs=5) | 行政诉讼 (cs=10)');
      expect(n[1]).toBe(
        '结果维持 (rs=2) | 结果纠正 (rs=2) | 其他结果 (rs=2) | 尚未审结 (rs=2) | 总计 (rs=2) | 未经复议直接起诉 (cs=5) | 复议后起诉 (cs=5)',
      );
      expect(n[2]).toBe('结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计');
      expect(t.rows[3]!.cells).toHaveLength(15);
      const g = resolveGrid(t);
      expect([g.rowCount, g.colCount]).toEqual([4, 15]);
    }
  });
});

describe('label overrides', () => {
  it('replace the printed label by id and every id is listed', () => {
    const ids = tableLabelIds(EDITIONS['2019']);
    expect(ids.get('proactive.item5.previousCount')).toBe('上一年项目数量');
    expect(ids.get('applications.results.refused.stateSecret')).toBe('1.属于国家秘密');
    expect(ids.get('review.litigationDirect.total')).toBe('总计');
    const t = proactiveTable(EDITIONS['2019'], { ...empty, labels: { 'proactive.item5.previousCount': '上一年项目数量\n（指2019年事项数）' } }, none);
    expect(t.rows[5]!.cells[1]!.text).toBe('上一年项目数量\n（指2019年事项数）');
  });
});

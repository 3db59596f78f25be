import { describe, expect, it } from 'vitest';
import { delimitedCells, flatCells, looksLikeProse, textShape, unbalanced } from './textShape.js';

const PROSE = [
  '2020年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，',
  '推进政务公开工作，主动公开政府信息，依法办理政府信息公开申请，进一步提',
  '升了政务公开工作水平，各项工作任务均已圆满完成，现将有关情况报告如下。',
  '  （一）主动公开情况。全年通过门户网站主动公开政府信息一千余条，内容涵盖',
  '机构职能、政策文件、规划计划、财政资金等，及时回应了社会关切，方便了群',
  '众查询和使用。',
];

describe('the shape of a text', () => {
  it('tabs, | and aligned columns are told by their rows; wrapped prose by its measure', () => {
    expect(textShape(['规章\t0\t0\t0', '规范性文件\t1\t1\t2', '行政许可\t0\t0\t0'], false)).toMatchObject({ cells: 'tabs', wrapped: false });
    expect(textShape(['规章 | 0 | 0 | 0', '规范性文件 | 1 |  | 2', '行政许可 | 0 | 0 | 0'], false)).toMatchObject({ cells: 'pipes' });
    const layout = textShape([...PROSE, '    规章          0               0      0', '  规范性文件         0               0      0', '  行政许可    0     2     0'], true);
    expect(layout).toMatchObject({ cells: 'spaces', wrapped: true });
    expect(layout.width).toBeGreaterThanOrEqual(70);
  });

  it('flattened crawler text: one paragraph a line (no measure), cells one space apart', () => {
    const flat = ['一、总体情况', `${PROSE.join('')}这一段很长，比页面宽得多。`, '规章 0 0 0 规范性文件 0 1 1', '一、本年新收政府信息公开申请数量 1      1', '二、上年结转政府信息公开申请数量 0      0'];
    expect(textShape(flat, false)).toMatchObject({ cells: 'single', wrapped: false });
  });

  it('a row of header words or figures is not running text', () => {
    expect(looksLikeProse('结果维持 结果纠正 其他结果')).toBe(false);
    expect(looksLikeProse('规章 0 0 0')).toBe(false);
    expect(looksLikeProse('信息内容    本年新制作数量')).toBe(false);
    expect(looksLikeProse(PROSE[0]!)).toBe(true);
  });
});

describe('cells', () => {
  it('blank cells are kept: empty fields, double separators, a trailing separator', () => {
    expect(delimitedCells('一、本年新收\t1\t\t\t\t\t\t1', 'tabs')).toEqual(['一、本年新收', '1', '', '', '', '', '', '1']);
    expect(delimitedCells('一、本年新收 | 1 ||| 1', 'pipes')).toEqual(['一、本年新收', '1', '', '', '1']);
    expect(delimitedCells('（六）其他处理 |  |  | ', 'pipes')).toEqual(['（六）其他处理', '', '', '']);
    expect(delimitedCells('| 规章 | 0 | — | / |', 'pipes')).toEqual(['规章', '0', '—', '/']);
    expect(delimitedCells('|---|:---:|---|', 'pipes')).toEqual([]);
  });

  it('flattened text: a run of n spaces between cells is n − 1 blanks, n at the end of a row is n', () => {
    expect(flatCells('数量 1      1')).toEqual(['数量', '1', '', '', '', '', '', '1']);
    expect(flatCells('（六）其他处理   ')).toEqual(['（六）其他处理', '', '', '']);
  });

  it('a cell whose bracket or quote is still open goes on', () => {
    expect(unbalanced('（本列数据的勾稽关系为：第一项加第二项之和，')).toBe(true);
    expect(unbalanced('3.危及“三安全一稳定”')).toBe(false);
    expect(unbalanced('规章（设区的市、自治州人民政府应提供相关数据）')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { layoutTableRows, type LayoutLine } from './layoutTable.js';

/** A line of layout text: words placed at character columns, as pdftotext -layout writes them. */
const at = (...words: [number, string][]): string => {
  let line = '';
  for (const [x, w] of words) line = line.padEnd(x, ' ') + w;
  return line;
};
const page = (n: number, ...lines: string[]): LayoutLine[] => lines.map((text) => ({ text, page: n }));
const texts = (lines: LayoutLine[]) => layoutTableRows(lines).map((r) => r.map((c) => c.text));

describe('tables of layout text, read by their character columns', () => {
  it('blank cells: figures placed under their columns, from the rows that are full', () => {
    const rows = texts(page(0, at([0, '信息内容'], [12, '甲'], [20, '乙'], [28, '丙']), at([2, '行政许可'], [12, '0'], [20, '0'], [28, '3']), at([2, '规章'], [20, '5'])));
    expect(rows.slice(1)).toEqual([
      ['行政许可', '0', '0', '3'],
      ['规章', '', '5', ''],
    ]);
  });

  it('when no row is full, from the header: words stacked over each other are a column, a word over two is not', () => {
    const rows = texts(
      page(
        0,
        at([20, '申请人情况']),
        at([12, '自然'], [16, '商业'], [19, '科研'], [24, '总计']),
        at([12, '人'], [16, '企业'], [19, '机构']),
        at([0, '一、本年新收'], [12, '1'], [24, '1']),
        at([0, '二、上年结转'], [17, '2'], [24, '2']),
      ),
    );
    expect(rows.slice(-2)).toEqual([
      ['一、本年新收', '1', '', '', '1'],
      ['二、上年结转', '', '2', '', '2'],
    ]);
    expect(rows).toContainEqual(['申请人情况']);
    expect(rows).toContainEqual(['', '自然人', '商业企业', '科研机构', '总计']);
  });

  it('a header set on a tighter grid than the figures under it is scaled and shifted to fit', () => {
    const rows = texts(page(0, at([12, '甲'], [15, '乙'], [18, '丙'], [21, '丁']), at([0, '合计'], [14, '7'], [26, '9'])));
    expect(rows[rows.length - 1]).toEqual(['合计', '7', '', '', '9']);
  });

  it('a continued page without its header takes the columns of the page before, shifted to its grid', () => {
    const lines = [
      ...page(0, at([0, '信息内容'], [12, '甲'], [20, '乙'], [28, '丙']), at([0, '行政处罚'], [12, '1'], [20, '2'], [28, '3'])),
      ...page(1, at([0, '行政强制'], [15, '4'], [31, '6'])),
    ];
    expect(texts(lines).pop()).toEqual(['行政强制', '4', '', '6']);
  });

  it('a label wrapped over lines, its figures on the middle line, cut where its brackets close', () => {
    const rows = texts(
      page(
        0,
        at([0, '信息内容'], [14, '甲'], [20, '乙']),
        at([0, '规章（设区的市、'], [14, '0'], [20, '0']),
        at([0, '自治州人民政府'], [14, ''], [20, '']),
        at([0, '提供）']),
        at([0, '规范性文件'], [14, '4'], [20, '4']),
      ).map((l) => ({ ...l, text: l.text.trimEnd() })),
    );
    expect(rows.slice(1)).toEqual([
      ['规章（设区的市、自治州人民政府提供）', '0', '0'],
      ['规范性文件', '4', '4'],
    ]);
  });

  it('a numbered label runs to the next number, around a line of figures with no words on it', () => {
    const rows = texts(
      page(
        0,
        at([0, '4.无正当理由大量反复申请'], [20, '0'], [24, '0']),
        at([0, '5.要求行政机关确认或重新出']),
        at([20, '1'], [24, '2']),
        at([0, '具已获取信息']),
        at([0, '（六）其他处理'], [20, '0'], [24, '0']),
      ),
    );
    expect(rows).toEqual([
      ['4.无正当理由大量反复申请', '0', '0'],
      ['5.要求行政机关确认或重新出具已获取信息', '1', '2'],
      ['（六）其他处理', '0', '0'],
    ]);
  });

  it('a label beside cells of other rows (三、本年度办理结果 set upright) labels the rows it stands by', () => {
    const rows = texts(
      page(
        0,
        at([0, '三、'], [6, '（一）予以公开'], [20, '1']),
        at([0, '本年'], [6, '（二）部分公开'], [20, '2']),
        at([0, '度办'], [6, '（三）其他'], [20, '3']),
        at([0, '理结']),
        at([0, '果']),
      ),
    );
    expect(rows[0]).toEqual(['三、本年度办理结果', '（一）予以公开', '1']);
    expect(rows.slice(1)).toEqual([
      ['（二）部分公开', '2'],
      ['（三）其他', '3'],
    ]);
  });

  it('header cells: a column’s words top to bottom, a line that stops short kept as a line break', () => {
    const rows = texts(
      page(
        0,
        at([0, '信息内容'], [12, '上一年项目数量'], [30, '本年增/减']),
        at([12, '（指2019年事项数）'], [28, '（指2020年增加或减'], [48, '处理决定数量']),
        at([28, '少的事项数，减用负值'], [46, '（指2020年办件量）']),
        at([0, '行政许可'], [17, '0'], [33, '0'], [51, '0']),
      ),
    );
    expect(rows[0]).toEqual(['信息内容', '上一年项目数量\n（指2019年事项数）', '本年增/减\n（指2020年增加或减少的事项数，减用负值', '处理决定数量\n（指2020年办件量）']);
  });

  it('words of one label that a justified line set apart are joined; Latin spacing too', () => {
    const rows = texts(page(0, at([0, '4.无正当理由大量反复'], [12, '申请'], [20, '0']), at([0, '规章（指'], [5, '2019'], [10, '年）'], [20, '1'])));
    expect(rows.map((r) => r[0])).toEqual(['4.无正当理由大量反复申请', '规章（指2019年）']);
  });

  it('a row whose figures are set on two lines (a column centred apart) is one row', () => {
    const rows = texts(
      page(
        0,
        at([0, '信息内容'], [14, '甲'], [20, '乙'], [26, '丙']),
        at([0, '（二）部分公开（区分处理的，'], [26, '7']),
        at([14, '6'], [20, '1']),
        at([0, '只计这一情形）']),
        at([0, '（三）其他'], [14, '0'], [20, '0'], [26, '0']),
      ),
    );
    expect(rows.slice(1)).toEqual([
      ['（二）部分公开（区分处理的，只计这一情形）', '6', '1', '7'],
      ['（三）其他', '0', '0', '0'],
    ]);
  });

  it('letter-spaced digits join where the columns are wider apart; figures one space apart stay columns', () => {
    const spaced = texts(page(0, at([0, '甲'], [10, '5'], [16, '1'], [22, '6']), at([0, '乙'], [10, '8'], [12, '6'], [16, '1'], [18, '2'], [22, '98']), at([0, '丙'], [10, '0'], [16, '0'], [22, '0'])));
    expect(spaced[1]).toEqual(['乙', '86', '12', '98']);
    const tight = texts(page(0, at([0, '甲'], [10, '1'], [12, '0'], [14, '1']), at([0, '乙'], [10, '0'], [12, '0'], [14, '0'])));
    expect(tight).toEqual([
      ['甲', '1', '0', '1'],
      ['乙', '0', '0', '0'],
    ]);
  });

  it('第二十条 titles are rows of their own and start fresh columns', () => {
    const rows = texts(page(0, at([8, '第二十条第（一）项']), at([0, '规章'], [10, '0']), at([8, '第二十条第（五）项']), at([0, '行政许可'], [16, '7'])));
    expect(rows).toEqual([['第二十条第（一）项'], ['规章', '0'], ['第二十条第（五）项'], ['行政许可', '7']]);
  });
});

/** Verbatim `pdftotext -layout` lines of our fitted tables (issue 16 narrowed the label columns) as nianbao, LibreOffice and Chromium print them. */
describe('labels wrapped around their figures in a narrow column', () => {
  it("the label next to the figures owns the row between its lines, not the merged label beside it (`三、本⏎年度办⏎理结果`, `（四）无法⏎提供`)", () => {
    const rows = texts(
      page(
        0,
        "          6.属于四类过程性信息     0   0   0     0     0   0   0",
        "          7.属于行政执法案卷      0   0   0     0     0   0   0",
        "三、本       8.属于行政查询事项      0   0   0     0     0   0   0",
        "年度办       1.本机关不掌",
        "                          0   0   0     0     0   0   0",
        "理结果",
        "      （四） 握相关政府信息",
        "       无法 2.没有现成信",
        "                          0   0   0     0     0   0   0",
        "       提供 息需要另行制作",
        "          3.补正后申请内容仍不明确   0   0   0     0     0   0   0",
      ),
    );
    expect(rows).toEqual([
      ['6.属于四类过程性信息', '0', '0', '0', '0', '0', '0', '0'],
      ['7.属于行政执法案卷', '0', '0', '0', '0', '0', '0', '0'],
      ['三、本年度办理结果', '8.属于行政查询事项', '0', '0', '0', '0', '0', '0', '0'],
      ['（四）无法提供', '1.本机关不掌握相关政府信息', '0', '0', '0', '0', '0', '0', '0'],
      ['2.没有现成信息需要另行制作', '0', '0', '0', '0', '0', '0', '0'],
      ['3.补正后申请内容仍不明确', '0', '0', '0', '0', '0', '0', '0'],
    ]);
  });
  it("a label whose next line comes after its figures takes them from the outer label set on the figures’ line (`理结果 （三）  0 0 …`)", () => {
    const rows = texts(
      page(
        0,
        "三、本",
        "          1.属于国家秘密             1     0     0     0     0        0    1",
        "年度办",
        "          2.其他法律行",
        "理结果 （三）                        0     0     0     0     0        0   0",
        "     不予   政法规禁止公开",
        "     公开   3.危及“三安全一稳定”         1     0     0     0     0        0    1",
        "          4.保护第三方合法权益          2     1     0     0     0        0   3",
      ),
    );
    expect(rows).toEqual([
      ['三、本年度办理结果', '1.属于国家秘密', '1', '0', '0', '0', '0', '0', '1'],
      ['（三）不予公开', '2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0'],
      ['3.危及“三安全一稳定”', '1', '0', '0', '0', '0', '0', '1'],
      ['4.保护第三方合法权益', '2', '1', '0', '0', '0', '0', '3'],
    ]);
  });
  it("a numbered label’s next line may sit one column further out (`（五） 1.信访举报` over ` 不予 投诉类申请`)", () => {
    const rows = texts(
      page(
        0,
        "     3.补正后申请",
        "                 102    23     8      4     27    19    183",
        "     内容仍不明确",
        " （五） 1.信访举报",
        "                 466    72    19      15    88    61    721",
        " 不予 投诉类申请",
        " 处理 2.重复申请       238    41    12      7     53    36    387",
      ),
    );
    expect(rows).toContainEqual(['（五）不予处理', '1.信访举报投诉类申请', '466', '72', '19', '15', '88', '61', '721']);
    expect(rows).toContainEqual(['2.重复申请', '238', '41', '12', '7', '53', '36', '387']);
  });
  it("a two-line label whose figures came out on its first line (`其他对外管  0 2 0` over `理服务事项`)", () => {
    const rows = texts(
      page(
        0,
        "   信息内容   上一年项目数量       本年增/减   处理决定数量",
        "   行政许可       0           0        0",
        "  其他对外管       0           2        0",
        "  理服务事项",
      ),
    );
    expect(rows).toEqual([
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政许可', '0', '0', '0'],
      ['其他对外管理服务事项', '0', '2', '0'],
    ]);
  });
});
